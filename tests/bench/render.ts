// Re-renders per remote change (issue 16, one way to read the document): one person's
// screen in Chromium, facilitating, with the written responses board showing 200
// responses and the climate panel's drive controls, levers and recent changes
// (tests/bench/render/page.tsx). A remote peer types one character into one response,
// or moves a lever; its Yjs update is applied to this screen's document as a network
// message is. Measured: how many components render per change (counted from React's
// commits, tests/bench/render/devtools.ts), how many Y.Map records are read whole
// (toJSON, as every read of a response or a person does), and the time from applying
// the update to React's last commit (this includes the climate model's run after a
// lever move, the same both ways).
//
// The baseline, measured in the same run on the same changes: the same page built with
// the board, cards and climate context as they were before issue 16 (the copies in
// tests/bench/render/old, which read through the old useConversationValue /
// useYDerived / useClimateDoc). Both builds are React's production build, unminified.
import { resolve } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import react from '@vitejs/plugin-react'
import { build, type Plugin, type Rollup } from 'vite'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

const root = resolve(import.meta.dirname, '../..')
const here = (path: string): string => resolve(import.meta.dirname, path)

/** The old build: these modules are replaced by their pre-issue-16 copies. */
const BEFORE = new Map([
  [resolve(root, 'renderer/features/conversation/ResponsesBoard.tsx'), here('render/old/ResponsesBoard.tsx')],
  [resolve(root, 'renderer/features/climate/context.ts'), here('render/old/climateContext.ts')],
  [resolve(root, 'renderer/features/climate/History.tsx'), here('render/old/History.tsx')],
])

function theOldWay(): Plugin {
  return {
    name: 'render-bench-old-way',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      const old = resolved ? BEFORE.get(resolved.id) : undefined
      return old ?? resolved
    },
  }
}

async function bundle(old: boolean): Promise<{ js: string; css: string }> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    plugins: [react(), ...(old ? [theOldWay()] : [])],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      emptyOutDir: false,
      copyPublicDir: false,
      lib: { entry: here('render/page.tsx'), formats: ['iife'], name: 'RenderBenchPage', fileName: () => 'page.js', cssFileName: 'page' },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[]
  const files = outputs.flatMap((o) => o.output)
  const js = files.find((f): f is Rollup.OutputChunk => f.type === 'chunk')
  if (!js) throw new Error('render bench: the page did not build')
  const css = files.filter((f): f is Rollup.OutputAsset => f.type === 'asset' && f.fileName.endsWith('.css')).map((f) => String(f.source)).join('\n')
  return { js: js.code, css }
}

interface Sample {
  ms: number
  renders: number
  by: Record<string, number>
  commits: number
  reads: number
}

async function open(page: Page, code: { js: string; css: string }): Promise<void> {
  page.on('pageerror', (error) => console.error(`render bench page: ${error.message}`))
  await page.setContent(`<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${code.css}</style></head><body><div id="root"></div></body></html>`)
  await page.addScriptTag({ content: code.js })
  const cards = await page.evaluate('RenderBench.mount()')
  if (cards !== 200) throw new Error(`render bench: ${String(cards)} response cards on screen, not 200`)
}

export async function benchRender(options: { keystrokes?: number; moves?: number } = {}): Promise<BenchResult[]> {
  const keystrokes = options.keystrokes ?? 60
  const moves = options.moves ?? 40
  const warmup = 5
  const [before, after] = [await bundle(true), await bundle(false)]
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const pages = { old: await browser.newPage(), new: await browser.newPage() }
    await open(pages.old, before)
    await open(pages.new, after)
    const run = async (what: 'keystroke' | 'lever', count: number): Promise<{ old: Sample[]; new: Sample[] }> => {
      const samples = { old: [] as Sample[], new: [] as Sample[] }
      for (let i = 0; i < count + warmup; i++) {
        // Alternate which goes first, so neither always follows the other's garbage.
        for (const way of i % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
          const sample = await pages[way].evaluate<Sample>(`RenderBench.${what}()`)
          if (i >= warmup) samples[way].push(sample)
        }
      }
      return samples
    }
    const typed = await run('keystroke', keystrokes)
    for (const way of ['old', 'new'] as const) {
      if (!(await pages[way].evaluate('RenderBench.shownText()'))) throw new Error(`render bench: the ${way} screen does not show the typed text`)
    }
    const moved = await run('lever', moves)
    for (const way of ['old', 'new'] as const) {
      const wrong = await pages[way].evaluate<string[]>('RenderBench.check()')
      if (wrong.length > 0) throw new Error(`render bench, ${way} screen: ${wrong.join('; ')}`)
    }
    const baselineName = 'before issue 16 (useConversationValue, useYDerived, useClimateDoc)'
    const figure = (name: string, unit: 'count' | 'ms', samples: { old: Sample[]; new: Sample[] }): BenchResult => {
      const pick = (s: Sample): number => (unit === 'count' ? s.renders : s.ms)
      const mine = summarise(samples.new.map(pick))
      const base = summarise(samples.old.map(pick))
      return {
        name,
        unit,
        median: round(mine.median),
        p95: round(mine.p95),
        samples: mine.samples,
        baseline: { name: baselineName, median: round(base.median), p95: round(base.p95) },
        ...(unit === 'count' ? { counts: { ...typical(samples.new, 'new'), ...typical(samples.old, 'old') } } : {}),
      }
    }
    return [
      figure('render: components rendered per remote keystroke (200 responses)', 'count', typed),
      figure('render: remote keystroke → last commit (200 responses)', 'ms', typed),
      figure('render: components rendered per remote lever move', 'count', moved),
      figure('render: remote lever move → last commit (includes the model run)', 'ms', moved),
    ]
  } finally {
    await browser.close()
  }
}

/** Which components rendered in the middle sample (`new.BoardCard: 1`), and the median of whole records read (`new.recordReads`). */
function typical(samples: Sample[], way: string): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a.renders - b.renders)
  const middle = sorted[Math.floor(sorted.length / 2)]
  const reads = summarise(samples.map((s) => s.reads)).median
  return { ...Object.fromEntries(Object.entries(middle?.by ?? {}).map(([name, n]) => [`${way}.${name}`, n])), [`${way}.recordReads`]: reads }
}

const round = (x: number): number => Math.round(x * 100) / 100
