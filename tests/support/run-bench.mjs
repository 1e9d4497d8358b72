#!/usr/bin/env node
// `npm run bench`: build (the browser benchmarks use the web build), then run every
// benchmark inside a loopback-only network namespace where the machine allows it.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { ensureChromium, isolatedCommand } from './machine.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const chromium = ensureChromium()
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const [command, args] = isolatedCommand('npx', ['tsx', 'tests/bench/index.ts', ...process.argv.slice(2)])
const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, CONVENE_CHROMIUM: chromium ?? '' } })
process.exit(result.status ?? 1)
