// The convening screen's layout (issue 18), in Chromium at 1280x800 with real
// IndexedDB. Two convenings stored the way the app stores them: one with 40 people
// and a causal loop diagram of 300 variables and 600 links, one with 3 people and a
// diagram of 12 variables; each is open in its own page, and the pages take turns, so
// both see the same machine state. Figures, each beside the same action on the small
// convening:
// - opening the folded People column (click on "Show people" to the column painted:
//   its groups, here now, the folded list of those away);
// - focus mode in and out on the Diagrams panel (click on the Focus mode button to the
//   next frame after the canvas has its new size, React Flow re-laid out).
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { chromium, type Page } from 'playwright-core'
import { addLink, addVariable, createDiagram } from '../../shared/diagram/doc'
import { startConveneHost } from '../../electron/main/host'
import { convening, person, store, type Stored } from './people'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

const COLUMNS = 20

/** A convening of `people` with one diagram of `variables` in a grid, each linked to two neighbours. */
function withDiagram(people: number, variables: number): Stored {
  const base = convening(people)
  const doc = new Y.Doc()
  const created = createDiagram(doc, { title: `Map of ${variables}`, createdAt: 1 }, 'bench')
  if (!created.ok) throw new Error(created.error.message)
  const ids: string[] = []
  for (let i = 0; i < variables; i++) {
    const r = addVariable(doc, created.value, { label: `Variable ${i + 1}`, x: (i % COLUMNS) * 230, y: Math.floor(i / COLUMNS) * 140 }, 'bench')
    if (!r.ok) throw new Error(r.error.message)
    ids.push(r.value)
  }
  for (let i = 0; i < variables; i++) {
    for (const j of [i + 1, i + COLUMNS]) {
      if (j >= variables || (j === i + 1 && j % COLUMNS === 0)) continue
      addLink(doc, created.value, { from: ids[i], to: ids[j], polarity: (i + j) % 3 === 0 ? '-' : '+' }, 'bench')
    }
  }
  const merged = Y.mergeUpdates([Buffer.from(base.update, 'base64'), Y.encodeStateAsUpdate(doc)])
  return { ...base, title: `Layout ${people}`, update: Buffer.from(merged).toString('base64') }
}

async function openDiagram(page: Page, c: Stored, variables: number): Promise<void> {
  await page.getByRole('list', { name: 'Convenings on this computer' }).getByRole('button', { name: new RegExp(`^${c.title}`) }).click()
  await page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Diagrams' }).click()
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, variables)
}

/** Focus mode in (or out): click to the next frame after the canvas changed width. */
async function toggleFocus(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const canvas = document.querySelector('.cld-canvas') as HTMLElement
    const before = canvas.getBoundingClientRect().width
    const t0 = performance.now()
    ;(document.querySelector('[data-testid="focus-button"]') as HTMLButtonElement).click()
    while (Math.abs(canvas.getBoundingClientRect().width - before) < 20) await new Promise((ok) => requestAnimationFrame(ok))
    await new Promise((ok) => requestAnimationFrame(ok))
    return performance.now() - t0
  })
}

/** Open the folded People column: click to the next frame after it is on screen. */
async function openPeople(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Fold the People column away' }).click()
  await page.getByRole('button', { name: 'Show people' }).waitFor()
  return page.evaluate(async () => {
    const t0 = performance.now()
    ;(document.querySelector('.people-rail') as HTMLButtonElement).click()
    while (!document.querySelector('.people [data-testid="people-present"]')) await new Promise((ok) => requestAnimationFrame(ok))
    await new Promise((ok) => requestAnimationFrame(ok))
    return performance.now() - t0
  })
}

export async function benchLayout(options: { samples?: number } = {}): Promise<BenchResult[]> {
  const samples = options.samples ?? 20
  const out = process.env.CONVENE_OUT || 'out'
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, `../../${out}/renderer`) })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const first = await context.newPage()
    await first.goto(host.httpUrl)
    await first.getByRole('heading', { name: 'Your convenings' }).waitFor()
    const large = withDiagram(40, 300)
    const small = withDiagram(3, 12)
    await store(first, [large, small], host.signalingUrl, person(0))
    const second = await context.newPage()
    const pages = { large: first, small: second }
    for (const page of [first, second]) {
      await page.goto(host.httpUrl)
      await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
    }
    await openDiagram(first, large, 300)
    await openDiagram(second, small, 12)
    const runs = { large: { focus: [] as number[], people: [] as number[] }, small: { focus: [] as number[], people: [] as number[] } }
    for (let i = 0; i < samples + 2; i++) {
      for (const key of ['large', 'small'] as const) {
        const page = pages[key]
        await page.bringToFront()
        const times = { in: await toggleFocus(page), out: await toggleFocus(page), people: await openPeople(page) }
        if (i < 2) continue
        runs[key].focus.push(times.in, times.out)
        runs[key].people.push(times.people)
      }
    }
    const focus3 = summarise(runs.small.focus)
    const people3 = summarise(runs.small.people)
    return [
      { name: 'layout: open the folded People column, 40 people (Chromium)', unit: 'ms', ...summarise(runs.large.people), baseline: { name: 'the same with 3 people', median: people3.median, p95: people3.p95 } },
      { name: 'layout: focus mode in or out on a 300-variable diagram', unit: 'ms', ...summarise(runs.large.focus), baseline: { name: 'the same on a 12-variable diagram, 3 people', median: focus3.median, p95: focus3.p95 } },
    ]
  } finally {
    await browser.close()
    await host.close()
  }
}

// `npx tsx tests/bench/layout.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchLayout()
  console.log(JSON.stringify(results, null, 2))
}
