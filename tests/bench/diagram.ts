// Dragging one variable in a 300-variable, 600-link causal loop diagram, in Chromium:
// the frame times (requestAnimationFrame deltas) of the studio, beside a bare React
// Flow page of the same graph (tests/bench/diagram-bare, built here with Vite's API)
// measured in the same run, on a canvas of the same size, with the same scripted drag.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { chromium, type Page } from 'playwright-core'
import { build } from 'vite'
import * as Y from 'yjs'
import { addLink, addVariable, createDiagram, type Polarity } from '../../shared/diagram'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

const root = resolve(import.meta.dirname, '../..')
const VARIABLES = 300
const LINKS = 600
const COLUMNS = 20

interface Graph {
  nodes: { id: string; label: string; x: number; y: number }[]
  edges: { id: string; source: string; target: string; polarity: Polarity }[]
}

function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A grid of variables, each linked to neighbours up to three cells away (how people draw). */
function makeGraph(): Graph {
  const random = seeded(3)
  const nodes = Array.from({ length: VARIABLES }, (_, i) => ({ id: `v${i}`, label: `Variable ${i + 1}`, x: (i % COLUMNS) * 230, y: Math.floor(i / COLUMNS) * 140 }))
  const edges: Graph['edges'] = []
  const pairs = new Set<string>()
  while (edges.length < LINKS) {
    const a = Math.floor(random() * VARIABLES)
    const dx = Math.floor(random() * 7) - 3
    const dy = Math.floor(random() * 7) - 3
    const col = (a % COLUMNS) + dx
    const row = Math.floor(a / COLUMNS) + dy
    const b = row * COLUMNS + col
    if (col < 0 || col >= COLUMNS || b < 0 || b >= VARIABLES || b === a || pairs.has(`${a}>${b}`)) continue
    pairs.add(`${a}>${b}`)
    edges.push({ id: `l${edges.length}`, source: `v${a}`, target: `v${b}`, polarity: random() < 0.3 ? '-' : '+' })
  }
  return { nodes, edges }
}

/** The graph as a document update holding one diagram (merged into a convening's stored log). */
function diagramUpdate(graph: Graph): { update: number[]; dragged: string } {
  const doc = new Y.Doc()
  const origin = 'bench'
  const created = createDiagram(doc, { title: 'Bench: 300 variables', createdAt: 1 }, origin)
  if (!created.ok) throw new Error(created.error.message)
  const ids = new Map<string, string>()
  for (const n of graph.nodes) {
    const r = addVariable(doc, created.value, { label: n.label, x: n.x, y: n.y }, origin)
    if (!r.ok) throw new Error(r.error.message)
    ids.set(n.id, r.value)
  }
  for (const e of graph.edges) {
    const r = addLink(doc, created.value, { from: ids.get(e.source)!, to: ids.get(e.target)!, polarity: e.polarity }, origin)
    if (!r.ok) throw new Error(r.error.message)
  }
  return { update: Array.from(Y.encodeStateAsUpdate(doc)), dragged: ids.get(DRAGGED)! }
}

/** A variable in the middle of the grid, with links in and out. */
const DRAGGED = `v${7 * COLUMNS + 10}`

async function buildBarePage(outDir: string, minify = true): Promise<void> {
  await build({
    configFile: false,
    root: resolve(import.meta.dirname, 'diagram-bare'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, minify },
  })
}

const RECORDER = `(() => {
  window.__frames = []
  window.__recording = true
  let last = 0
  const tick = (t) => {
    window.__frames.push(t - last)
    last = t
    if (window.__recording) requestAnimationFrame(tick)
  }
  requestAnimationFrame((t) => {
    last = t
    requestAnimationFrame(tick)
  })
})()`

/** Frame deltas while the mouse drags `selector`'s element around a small circle in `steps` moves. */
async function dragFrames(page: Page, selector: string, steps: number): Promise<number[]> {
  const box = await page.locator(selector).boundingBox()
  if (!box) throw new Error(`benchmark: nothing to drag at ${selector}`)
  const x0 = box.x + box.width / 2
  const y0 = box.y + box.height / 2
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await page.evaluate(RECORDER)
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  for (let i = 1; i <= steps; i++) {
    const angle = (i / steps) * 4 * Math.PI
    await page.mouse.move(x0 + 120 * Math.sin(angle / 2) + 40 * Math.sin(angle), y0 + 60 * (1 - Math.cos(angle)))
  }
  await page.mouse.up()
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean }
    w.__recording = false
    return w.__frames
  })
  // The first frames include the press itself (selection, drag start): keep the steady drag.
  return frames.slice(3)
}

/**
 * A convening holding a diagram of `variables` drawn earlier (its update put straight
 * into the stored log), opened on its Diagrams panel once every variable and the loops
 * are shown. Also used by the play benchmark.
 */
export async function openStudio(page: Page, httpUrl: string, update: number[], title = 'Drag benchmark', variables = VARIABLES): Promise<{ width: number; height: number }> {
  await page.goto(httpUrl)
  const form = page.getByRole('form', { name: 'Start a convening' })
  await form.getByLabel('Title').fill(title)
  await form.getByLabel('Your name').fill('Bench')
  await form.getByRole('button', { name: 'Create convening' }).click()
  await page.waitForURL(/#\/c\//)
  const id = new URL(page.url()).hash.replace('#/c/', '')
  await page.getByRole('button', { name: '← All convenings' }).click()
  await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
  await page.evaluate(
    async ({ id, update }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('convene')
        request.onsuccess = () => ok(request.result)
        request.onerror = () => fail(new Error(String(request.error)))
      })
      const tx = db.transaction('updates', 'readwrite')
      tx.objectStore('updates').add({ conveningId: id, update: new Uint8Array(update) })
      await new Promise((ok, fail) => {
        tx.oncomplete = ok
        tx.onerror = fail
      })
      db.close()
    },
    { id, update },
  )
  await page.getByRole('button', { name: new RegExp(`^${title}`) }).click()
  await page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Diagrams' }).click()
  await page.waitForFunction((n) => document.querySelectorAll('.cld-canvas .react-flow__node').length === n, variables)
  await page.getByText(/^\d+ loops?:/).waitFor({ timeout: 30_000 })
  const box = await page.locator('.cld-canvas').boundingBox()
  if (!box) throw new Error('benchmark: no canvas')
  return { width: Math.round(box.width), height: Math.round(box.height) }
}

export async function benchDiagram(options: { rounds?: number; steps?: number } = {}): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 6
  const steps = options.steps ?? 150
  const graph = makeGraph()
  const { update, dragged } = diagramUpdate(graph)
  const bareDir = mkdtempSync(join(tmpdir(), 'convene-bare-flow-'))
  await buildBarePage(bareDir)
  const app = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(root, process.env.CONVENE_OUT || 'out', 'renderer') })
  const bare = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: bareDir })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const viewport = { width: 1500, height: 940 }
    const studio = await browser.newPage({ viewport })
    const size = await openStudio(studio, app.httpUrl, update)
    const baseline = await browser.newPage({ viewport })
    await baseline.addInitScript((g) => {
      ;(window as unknown as { __BENCH_GRAPH__: unknown }).__BENCH_GRAPH__ = g
    }, { ...graph, ...size })
    await baseline.goto(bare.httpUrl)
    await baseline.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n, VARIABLES)
    // Both canvases show the whole graph at the same zoom.
    await studio.getByRole('button', { name: 'Fit the diagram in view' }).click()

    const results: BenchResult[] = []
    // Unthrottled, then with the CPU slowed four times (a modest laptop sharing its screen on a call).
    for (const throttle of [1, 4]) {
      const sessions = await Promise.all([studio, baseline].map((p) => p.context().newCDPSession(p)))
      for (const cdp of sessions) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
      const ours: number[] = []
      const theirs: number[] = []
      // Alternate, so anything else happening on the machine weighs on both alike.
      for (let round = 0; round < rounds; round++) {
        await studio.bringToFront()
        ours.push(...(await dragFrames(studio, `.cld-canvas .react-flow__node[data-id="${dragged}"]`, steps)))
        await baseline.bringToFront()
        theirs.push(...(await dragFrames(baseline, `.react-flow__node[data-id="${DRAGGED}"]`, steps)))
      }
      for (const cdp of sessions) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
      const base = summarise(theirs)
      results.push({
        name: `drag one variable: frame time, ${VARIABLES} variables and ${LINKS} links (Chromium${throttle > 1 ? `, CPU slowed ${throttle}x` : ''})`,
        unit: 'ms',
        ...summarise(ours),
        counts: { variables: VARIABLES, links: LINKS, rounds, movesPerRound: steps, canvasWidth: size.width, canvasHeight: size.height, cpuSlowdown: throttle },
        baseline: { name: 'bare React Flow, same graph and canvas size', median: base.median, p95: base.p95 },
        target: 'p95 within 1.3x of bare React Flow',
      })
    }
    return results
  } finally {
    await browser.close()
    await app.close()
    await bare.close()
    rmSync(bareDir, { recursive: true, force: true })
  }
}
