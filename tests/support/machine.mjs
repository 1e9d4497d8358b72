// What this machine can do for the tests: a Chromium, and a loopback-only network.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const DEBIAN_CHROMIUM = '/usr/bin/chromium'

function has(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Path of a Chromium to test with, installing one if needed; null if none can be had. */
export function ensureChromium() {
  if (process.env.CONVENE_CHROMIUM && existsSync(process.env.CONVENE_CHROMIUM)) return process.env.CONVENE_CHROMIUM
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  if (process.platform === 'linux' && isRoot && has('apt-get')) {
    console.log("No Chromium found: installing Debian's chromium with apt-get (once; takes a minute)…")
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env })
    if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  }
  console.log("No system Chromium: fetching Playwright's own Chromium (npx playwright install chromium)…")
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
  const probe = spawnSync('node', ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
    encoding: 'utf8',
  })
  const path = probe.stdout?.trim()
  return path && existsSync(path) ? path : null
}

/**
 * Wrap a command so it runs in a fresh network namespace with only loopback up
 * (Linux, as root). Elsewhere the command runs as it is, on the normal network.
 */
export function isolatedCommand(command, args) {
  if (process.env.CONVENE_NO_NETNS !== '1' && process.platform === 'linux' && isRoot && has('unshare') && has('ip')) {
    const probe = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' })
    if (probe.status === 0) {
      return ['unshare', ['-n', 'bash', '-c', 'ip link set lo up && exec "$@"', 'bash', command, ...args]]
    }
  }
  console.log('(Loopback-only network namespace not available here: running on the normal network.)')
  return [command, args]
}
