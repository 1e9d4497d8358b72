import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'

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
