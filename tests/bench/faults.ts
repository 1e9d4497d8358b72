// Faults a trusted system must survive, measured (issue 13):
// - a window killed while its person types. Chromium's renderer is killed (no unload
//   handlers, no last write), the person opens Convene again on the same computer
//   (same browser context, same IndexedDB), and we count the characters they typed at
//   least 100 ms before the kill that are missing. Characters typed in the last 100 ms
//   are counted apart, as the baseline of what a kill can take. (The renderer process
//   is killed with SIGKILL, found through the DevTools protocol.)
// - the partition run (partition.ts): six peers through random network partitions and
//   heals, and restarts of the signaling host and the relay, while they edit; their
//   documents must be identical after healing, every time;
// - load on the signaling host (signal-load.ts): newcomers join a room while issue 13's
//   attacks run, goal under 5 s each.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { benchPartition } from './partition'
import { benchSignalingUnderAttack } from './signal-load'
import { summarise, type BenchResult } from './types'

const KILLS = 20
const SAFE_MS = 100

async function openNotes(context: BrowserContext, url: string, title: string, create: boolean): Promise<Page> {
  const page = await context.newPage()
  await page.goto(url)
  if (create) {
    const form = page.getByRole('form', { name: 'Start a convening' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Your name').fill('Fran')
    await form.getByRole('button', { name: 'Create convening' }).click()
  } else {
    await page.getByRole('button', { name: new RegExp(title) }).first().click({ timeout: 15_000 }).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/faults-reopen.png' })
      throw error
    })
  }
  await page.getByRole('textbox', { name: 'Shared notes' }).waitFor()
  return page
}

/** Types `text` key by key from inside the page, reporting when each key landed (page clock). */
/** SIGKILL every renderer process of the browser (one page is open): no unload handlers, no last write. */
async function killRenderers(browser: Browser): Promise<void> {
  const cdp = await browser.newBrowserCDPSession()
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] }
  for (const info of processInfo) if (info.type === 'renderer') process.kill(info.id, 'SIGKILL')
  await cdp.detach()
}

async function typeUntilKilled(browser: Browser, page: Page, text: string, killAfterMs: number): Promise<{ typed: { ch: string; at: number }[]; killedAt: number; crashed: boolean }> {
  const notes = page.getByRole('textbox', { name: 'Shared notes' })
  await notes.click()
  await page.keyboard.press('Control+End')
  const typed: { ch: string; at: number }[] = []
  const started = Date.now()
  let i = 0
  while (Date.now() - started < killAfterMs) {
    const ch = text[i % text.length]
    await page.keyboard.type(ch)
    typed.push({ ch, at: Date.now() })
    i += 1
  }
  const killedAt = Date.now()
  // The page must really die (Playwright reports a crash), or the figure would mean nothing.
  const crash = new Promise<boolean>((resolve) => {
    page.once('crash', () => resolve(true))
    setTimeout(() => resolve(false), 10_000)
  })
  await killRenderers(browser)
  const crashed = await crash
  await page.close().catch(() => undefined)
  return { typed, killedAt, crashed }
}

export async function benchFaults(): Promise<BenchResult[]> {
  const out = process.env.CONVENE_OUT || 'out'
  const dataDir = mkdtempSync(join(tmpdir(), 'convene-faults-'))
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../..', out, 'renderer'), relay: { dataDir } })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const missingSafe: number[] = []
  const missingRecent: number[] = []
  const reopenMs: number[] = []
  let confirmed = 0
  try {
    const context = await browser.newContext({ permissions: ['camera'] })
    let expected = ''
    for (let kill = 0; kill < KILLS; kill++) {
      const page = await openNotes(context, host.httpUrl, 'Kill drill', kill === 0)
      const before = await page.getByRole('textbox', { name: 'Shared notes' }).inputValue()
      if (before !== expected) expected = before // what survived is the new starting point
      const { typed, killedAt, crashed } = await typeUntilKilled(browser, page, `kill ${kill}: the loop of trust grows. `, 300 + Math.random() * 700)
      if (crashed) confirmed += 1
      const t0 = Date.now()
      const reopened = await openNotes(context, host.httpUrl, 'Kill drill', false)
      const after = await reopened.getByRole('textbox', { name: 'Shared notes' }).inputValue()
      reopenMs.push(Date.now() - t0)
      // Typed at the end, key by key: what survived is a prefix of what was typed.
      const safe = typed.filter((t) => killedAt - t.at >= SAFE_MS).map((t) => t.ch).join('')
      const all = typed.map((t) => t.ch).join('')
      const kept = after.startsWith(expected) ? after.slice(expected.length) : ''
      const keptOfAll = all.startsWith(kept) ? kept.length : 0
      missingSafe.push(Math.max(0, safe.length - keptOfAll))
      missingRecent.push(Math.max(0, all.length - Math.max(keptOfAll, safe.length)))
      expected = after
      await reopened.close()
    }
  } finally {
    await browser.close()
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  const total = missingSafe.reduce((a, b) => a + b, 0)
  console.log(`faults: ${KILLS} renderer kills while typing (${confirmed} confirmed as crashes); characters typed ≥${SAFE_MS} ms before a kill and missing after reopening: ${total} in all`)
  const recent = summarise(missingRecent)
  const kills: BenchResult[] = [
    {
      name: `abrupt kill while typing: characters typed ≥${SAFE_MS} ms before the kill, missing after reopening (per kill; ${total} over ${KILLS} kills; goal 0)`,
      unit: 'count',
      ...summarise(missingSafe),
      counts: { kills: KILLS, confirmedCrashes: confirmed, missingTotal: total },
      baseline: { name: `characters typed in the last ${SAFE_MS} ms before the kill, missing (what a kill may take)`, median: recent.median, p95: recent.p95 },
    },
    {
      name: 'reopening after a kill until the notes show',
      unit: 'ms',
      ...summarise(reopenMs),
    },
  ]
  return [...kills, ...(await benchPartition()), ...(await benchSignalingUnderAttack())]
}
