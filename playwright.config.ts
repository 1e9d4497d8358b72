import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests run against the built browser twin (`convene web`) in Debian's
 * Chromium, several peers in separate browser contexts over real WebRTC, with real
 * IndexedDB. tests/support/run-tests.mjs runs them inside a loopback-only network
 * namespace where the machine allows it.
 */
const chromium = process.env.CONVENE_CHROMIUM || '/usr/bin/chromium'
const port = Number(process.env.CONVENE_E2E_PORT || 4791)
const out = process.env.CONVENE_OUT || 'out'
// Every run starts with an empty relay: `convene web` runs one on the same port.
const relayData = process.env.CONVENE_E2E_RELAY_DATA || `test-results/relay-data-${Date.now()}`

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: process.env.CONVENE_E2E_REPORT || 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // WebRTC between pages on one machine needs both of these (ENVIRONMENT.md).
        '--allow-loopback-in-peer-connection',
        '--use-fake-ui-for-media-stream',
      ],
    },
    permissions: ['camera'],
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `node ${out}/main/cli.js web --host 127.0.0.1 --port ${port} --data ${JSON.stringify(relayData)}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
})
