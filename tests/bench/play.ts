// Playing a pulse on a 300-variable, 600-link causal loop diagram, in Chromium: frame
// times (requestAnimationFrame deltas) while the pulse plays, beside the same studio on
// the same diagram idle, measured alternately in the same run.
import { resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import * as Y from 'yjs'
import { addLink, addVariable, createDiagram } from '../../shared/diagram'
import { seededRandom } from '../../shared/conversation/random'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { openStudio } from './diagram'
import { summarise, type BenchResult } from './types'

const root = resolve(import.meta.dirname, '../..')
const VARIABLES = 300
const LINKS = 600
const COLUMNS = 20

/** The grid of tests/bench/diagram.ts (links to neighbours up to three cells away), with a delay on one link in eight. */
function diagramUpdate(): number[] {
  const random = seededRandom(3)
  const doc = new Y.Doc()
  const created = createDiagram(doc, { title: 'Bench: 300 variables', createdAt: 1 }, 'bench')
  if (!created.ok) throw new Error(created.error.message)
  const ids: string[] = []
  for (let i = 0; i < VARIABLES; i++) {
    const r = addVariable(doc, created.value, { label: `Variable ${i + 1}`, x: (i % COLUMNS) * 230, y: Math.floor(i / COLUMNS) * 140 }, 'bench')
    if (!r.ok) throw new Error(r.error.message)
    ids.push(r.value)
  }
  let links = 0
  while (links < LINKS) {
    const a = Math.floor(random() * VARIABLES)
    const col = (a % COLUMNS) + Math.floor(random() * 7) - 3
    const row = Math.floor(a / COLUMNS) + Math.floor(random() * 7) - 3
    const b = row * COLUMNS + col
    if (col < 0 || col >= COLUMNS || b < 0 || b >= VARIABLES || b === a) continue
    const r = addLink(doc, created.value, { from: ids[a], to: ids[b], polarity: random() < 0.3 ? '-' : '+', delay: random() < 0.125 }, 'bench')
    if (r.ok) links++
  }
  return Array.from(Y.encodeStateAsUpdate(doc))
}

/** Frame deltas over `ms` of whatever the page is doing. A string: tsx would wrap named inner functions in a helper the page lacks. */
async function frames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate<number[]>(`new Promise((done) => {
    const out = []
    let last = 0
    const end = performance.now() + ${ms}
    const tick = (t) => {
      if (last) out.push(t - last)
      last = t
      if (t < end) requestAnimationFrame(tick)
      else done(out)
    }
    requestAnimationFrame(tick)
  })`)
}

/** Start a pulse (quick, so the window sees many steps) from a variable in the middle of the grid. */
async function play(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Play/ }).click()
  const setup = page.getByRole('group', { name: 'Play a pulse' })
  await setup.getByLabel('From').selectOption({ label: `Variable ${7 * COLUMNS + 11}` })
  await setup.getByLabel('Speed').selectOption({ label: 'Quick' })
  await setup.getByRole('button', { name: 'Play for everyone' }).click()
  await page.getByTestId('play-status').waitFor()
}

async function stop(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Stop for everyone' }).click()
  await page.getByTestId('play-status').waitFor({ state: 'detached' })
}

export async function benchPlay(options: { rounds?: number; windowMs?: number } = {}): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 4
  const windowMs = options.windowMs ?? 5000
  const app = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(root, process.env.CONVENE_OUT || 'out', 'renderer') })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 940 } })
    await openStudio(page, app.httpUrl, diagramUpdate(), 'Play benchmark', VARIABLES)
    await page.getByRole('button', { name: 'Fit the diagram in view' }).click()
    const playing: number[] = []
    const idle: number[] = []
    let steps = 0
    let dots = 0
    // Alternate, so anything else on the machine weighs on both alike.
    for (let round = 0; round < rounds; round++) {
      idle.push(...(await frames(page, windowMs)))
      await play(page)
      playing.push(...(await frames(page, windowMs)))
      dots = Math.max(dots, await page.locator('.cld-canvas .react-flow__edge[data-play-now="yes"]').count())
      steps = Math.max(steps, Number(/of (\d+)|after (\d+)/.exec((await page.getByTestId('play-step').textContent()) ?? '')?.slice(1).find(Boolean) ?? 0))
      await stop(page)
    }
    const base = summarise(idle)
    return [
      {
        name: `play a pulse: frame time, ${VARIABLES} variables and ${LINKS} links (Chromium)`,
        unit: 'ms',
        ...summarise(playing),
        counts: { variables: VARIABLES, links: LINKS, rounds, windowMs, stepsInPlay: steps, dotsAtEnd: dots },
        baseline: { name: 'the same studio and diagram, idle', median: base.median, p95: base.p95 },
        target: 'p95 within 1.3x of idle, and under 33 ms',
      },
    ]
  } finally {
    await browser.close()
    await app.close()
  }
}
