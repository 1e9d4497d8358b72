#!/usr/bin/env node
// `npm test`: everything a fresh machine needs to run the whole suite, then one
// closing line `N passed, N failed`.
//
// 1. a Chromium for the browser tests (Debian's through apt-get where it can, else
//    Playwright's own), 2. the build, 3. `npm run check` (types + lint), 4. unit tests
//    (vitest), 5. end-to-end tests (Playwright). Steps 4-5 run inside a loopback-only
//    network namespace when the machine allows it (Linux, root), so no packet leaves
//    127.0.0.1.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { ensureChromium, isolatedCommand } from './machine.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const results = resolve(root, 'test-results')
mkdirSync(results, { recursive: true })

function run(label, command, args, options = {}) {
  console.log(`\n── ${label} ──`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } })
  return result.status === 0
}

const tally = { passed: 0, failed: 0 }
const failures = []

const chromium = ensureChromium()
const env = { CONVENE_CHROMIUM: chromium ?? '' }

const built = run('Build (electron-vite)', 'npx', ['electron-vite', 'build'])
record('build', built)
record('check (typecheck + lint)', run('Check: typecheck every tsconfig, lint with zero warnings', 'npm', ['run', 'check']))

const [unitCmd, unitArgs] = isolatedCommand('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${resolve(results, 'unit.json')}`])
run('Unit tests (vitest)', unitCmd, unitArgs, { env })
countVitest(resolve(results, 'unit.json'))

if (!built) {
  record('end-to-end tests (not run: the build failed)', false)
} else if (!chromium) {
  record('end-to-end tests (not run: no Chromium could be installed)', false)
} else {
  const [e2eCmd, e2eArgs] = isolatedCommand('npx', ['playwright', 'test'])
  run('End-to-end tests (Playwright, Chromium, real WebRTC)', e2eCmd, e2eArgs, { env })
  countPlaywright(resolve(results, 'e2e.json'))
}

if (failures.length > 0) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`)
const summary = `${tally.passed} passed, ${tally.failed} failed`
writeFileSync(resolve(results, 'summary.txt'), `${summary}\n`)
console.log(`\n${summary}`)
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1)

function record(name, ok) {
  if (ok) tally.passed += 1
  else {
    tally.failed += 1
    failures.push(name)
  }
}

function countVitest(file) {
  if (!existsSync(file)) return record('unit tests (no report: vitest did not run)', false)
  const report = JSON.parse(readFileSync(file, 'utf8'))
  tally.passed += report.numPassedTests ?? 0
  tally.failed += report.numFailedTests ?? 0
  for (const suite of report.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) if (test.status === 'failed') failures.push(`unit: ${test.fullName}`)
    // A file that fails to load has no tests but a failure message.
    if ((suite.assertionResults ?? []).length === 0 && suite.status === 'failed') record(`unit file ${suite.name}`, false)
  }
}

function countPlaywright(file) {
  if (!existsSync(file)) return record('end-to-end tests (no report: Playwright did not run)', false)
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const stats = report.stats ?? {}
  tally.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
  tally.failed += stats.unexpected ?? 0
  if ((report.errors ?? []).length > 0) record('end-to-end setup errors', false)
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      if (!spec.ok) failures.push(`e2e: ${[...path, spec.title].join(' › ')}`)
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title])
  }
  for (const suite of report.suites ?? []) walk(suite, [suite.title])
}
