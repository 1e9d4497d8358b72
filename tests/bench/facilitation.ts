// Facilitation benchmark: from a facilitator pressing "Bring everyone here" to every one
// of 8 other people showing the facilitator's panel, in Chromium over real WebRTC.
//
// Browser pages, not Node peers: what is measured is a screen changing (the summon
// arrives, the facilitation layer moves the view, React mounts the panel), which only
// a page does. Nine contexts (each its own renderer process) are a heavy load for 2
// cores, so the figures are an upper bound of what nine machines would see.
//
// "Shown" = the summoned panel's navigation button became the current page
// (aria-current, set in the same React commit that mounts the panel), seen by a
// MutationObserver in each page. The baseline, measured on the same pages for the same
// presses, is the moment the summon reached each page's Y.Doc, before anything
// rendered (the performance mark renderer/features/facilitation/controller.ts makes).
// Times are `performance.timeOrigin + performance.now()`: one machine clock.
import type { Page } from 'playwright-core'
import { Arrivals, clickInPage, openBenchRoom } from './room'
import type { BenchResult } from './types'

const MARK = 'convene:facilitation:summon'
const PANELS = ['Agenda', 'Notes'] as const // everyone opens on Notes

declare global {
  interface Window {
    __panels?: { label: string; t: number }[]
  }
}

/** Record every change of the current panel, with the time it reached the DOM. */
async function watchPanel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const nav = document.querySelector('nav[aria-label="Convening panels"]')
    if (!nav) throw new Error('no panel navigation')
    window.__panels = []
    new MutationObserver(() => {
      const current = nav.querySelector('[aria-current="page"]')
      if (current) window.__panels?.push({ label: current.textContent ?? '', t: performance.timeOrigin + performance.now() })
    }).observe(nav, { subtree: true, attributes: true, attributeFilter: ['aria-current'] })
  })
}

async function arrival(page: Page, label: string): Promise<{ shown: number; inDoc: number }> {
  await page.waitForFunction((expected) => window.__panels?.some((p) => p.label === expected), label, { polling: 5, timeout: 30_000 })
  return page.evaluate(
    ({ expected, mark }) => {
      const shown = window.__panels!.find((p) => p.label === expected)!.t
      window.__panels = []
      const entry = performance.getEntriesByName(mark).at(-1)
      if (!entry) throw new Error('the arrival mark is missing')
      performance.clearMarks(mark)
      return { shown, inDoc: performance.timeOrigin + entry.startTime }
    },
    { expected: label, mark: MARK },
  )
}

export async function benchFacilitation(options: { peers?: number; summons?: number } = {}): Promise<BenchResult[]> {
  const peers = options.peers ?? 8
  const summons = options.summons ?? 30
  const warmup = 3
  const room = await openBenchRoom({ title: 'Facilitation benchmark', peers, afterJoin: (page) => page.getByRole('region', { name: 'Run of show' }).waitFor() })
  const { fran, viewers } = room
  try {
    for (const page of viewers) await watchPanel(page)
    const nav = fran.getByRole('navigation', { name: 'Convening panels' })

    const arrivals = new Arrivals()
    for (let i = 0; i < summons + warmup; i++) {
      const label = PANELS[i % PANELS.length]
      await nav.getByRole('button', { name: label, exact: true }).click()
      await nav.locator('[aria-current="page"]', { hasText: label }).waitFor()
      const t0 = await clickInPage(fran, 'Bring everyone here')
      const times = await Promise.all(viewers.map((page) => arrival(page, label)))
      if (i < warmup) continue
      arrivals.add(t0, times)
    }
    return arrivals.results("facilitation: summon to the facilitator's panel", 'summon', peers)
  } finally {
    await room.close()
  }
}

// `npx tsx tests/bench/facilitation.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchFacilitation()
  console.log(JSON.stringify(results, null, 2))
}
