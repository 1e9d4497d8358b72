import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

/**
 * A convening for the multi-peer benchmarks, set up the way people do it: our own
 * host serves the built web app and signals, a facilitator starts the convening in
 * Chromium, and `peers` others join by its invite link, each in a context of its own,
 * over real WebRTC. `afterJoin` runs on each joiner's page once it has joined.
 */
export interface BenchRoom {
  fran: Page
  viewers: Page[]
  close: () => Promise<void>
}

export async function openPerson(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ permissions: ['camera'] })
  const page = await context.newPage()
  await page.goto(url)
  return page
}

export async function openBenchRoom(options: { title: string; peers: number; afterJoin: (page: Page) => Promise<void> }): Promise<BenchRoom> {
  const out = process.env.CONVENE_OUT || 'out'
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../..', out, 'renderer') })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  const close = async (): Promise<void> => {
    await browser.close()
    await host.close()
  }
  try {
    const fran = await openPerson(browser, host.httpUrl)
    const form = fran.getByRole('form', { name: 'Start a convening' })
    await form.getByLabel('Title').fill(options.title)
    await form.getByLabel('Your name').fill('Fran')
    await form.getByLabel('Your role').selectOption({ label: 'Facilitator' })
    await form.getByRole('button', { name: 'Create convening' }).click()
    await fran.getByRole('button', { name: 'Invite', exact: true }).click()
    const dialog = fran.getByRole('dialog', { name: 'Invite people' })
    const link = await dialog.getByLabel('Link for a web browser', { exact: true }).inputValue()
    await dialog.getByRole('button', { name: 'Close' }).click()

    const viewers: Page[] = []
    for (let i = 0; i < options.peers; i++) {
      const page = await openPerson(browser, link)
      const join = page.getByRole('form', { name: 'Join with an invite' })
      await join.getByLabel('Your name').fill(`Peer ${i + 1}`)
      await join.getByRole('button', { name: 'Join convening' }).click()
      await options.afterJoin(page)
      viewers.push(page)
    }
    await fran.waitForFunction((n) => document.querySelector('[data-testid="peer-count"]')?.textContent === String(n), options.peers, { timeout: 120_000, polling: 100 })
    return { fran, viewers, close }
  } catch (error) {
    await close()
    throw error
  }
}

/**
 * Clicks the button with exactly this text from inside the page and returns the page's
 * own time of the click, without the round trip of the automation protocol.
 */
export function clickInPage(page: Page, text: string): Promise<number> {
  return page.evaluate((label) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === label)
    if (!button) throw new Error(`no button ${label}`)
    const t = performance.timeOrigin + performance.now()
    button.click()
    return t
  }, text)
}

/** When one action reached each peer: on its screen, and in its Y.Doc before rendering (the baseline). */
export class Arrivals {
  private readonly perPeer: number[] = []
  private readonly perPeerDoc: number[] = []
  private readonly allPeers: number[] = []
  private readonly allPeersDoc: number[] = []

  add(t0: number, times: readonly { shown: number; inDoc: number }[]): void {
    for (const { shown, inDoc } of times) {
      this.perPeer.push(shown - t0)
      this.perPeerDoc.push(inDoc - t0)
    }
    this.allPeers.push(Math.max(...times.map((x) => x.shown)) - t0)
    this.allPeersDoc.push(Math.max(...times.map((x) => x.inDoc)) - t0)
  }

  /** `action` as in "facilitation: summon to the facilitator's panel"; `change` names what arrives in the Y.Doc. */
  results(action: string, change: string, peers: number): BenchResult[] {
    const doc = summarise(this.perPeerDoc)
    const docAll = summarise(this.allPeersDoc)
    return [
      {
        name: `${action} shown, each of ${peers} peers (Chromium, WebRTC)`,
        unit: 'ms',
        ...summarise(this.perPeer),
        baseline: { name: `the same ${change} arriving in that peer’s Y.Doc, before rendering`, median: doc.median, p95: doc.p95 },
        target: 'p95 under 250 ms',
      },
      {
        name: `${action} shown on all ${peers} peers (the slowest)`,
        unit: 'ms',
        ...summarise(this.allPeers),
        baseline: { name: `the same ${change} arriving in the slowest peer’s Y.Doc`, median: docAll.median, p95: docAll.p95 },
        target: 'p95 under 500 ms',
      },
    ]
  }
}
