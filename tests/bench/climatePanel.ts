// The climate panel in Chromium: the time from a lever move (the slider's input event)
// to all four explore charts redrawn, measured in the page from the event to uPlot's
// draw hook (performance mark 'convene:climate:drawn' in renderer/features/climate/
// charts/UPlot.tsx), and to the next animation frame after it. The baseline, measured
// in the same page and the same moves: the model run alone (runScenario with the
// 50-member band: measure 'convene:climate:run' in liveScenario.ts).
//
// Each move waits two frames after the previous one, so every move is the first of its
// frame and runs at once (later moves in the same frame are folded into one run).
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

export type { BenchResult }

const CHARTS = 4

interface Sample { drawn: number; frame: number; model: number }

export async function benchClimatePanel(options: { samples?: number } = {}): Promise<BenchResult[]> {
  const samples = options.samples ?? 80
  const out = process.env.CONVENE_OUT || 'out'
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, `../../${out}/renderer`) })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    await page.goto(host.httpUrl)
    const form = page.getByRole('form', { name: 'Start a convening' })
    await form.getByLabel('Title').fill('Climate panel benchmark')
    await form.getByLabel('Your name').fill('Bench')
    await form.getByRole('button', { name: 'Create convening' }).click()
    await page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Climate' }).click()
    await page.getByTestId('climate-warming').waitFor()
    await page.evaluate(() => {
      const w = window as unknown as { benchDrawn: number[]; benchRuns: number[] }
      w.benchDrawn = []
      w.benchRuns = []
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === 'convene:climate:drawn') w.benchDrawn.push(entry.startTime)
          if (entry.name === 'convene:climate:run') w.benchRuns.push(entry.duration)
        }
      }).observe({ entryTypes: ['mark', 'measure'] })
    })
    const results: Sample[] = []
    for (let i = 0; i < samples + 5; i++) {
      const value = 5 + ((i * 35) % 245)
      const sample = await page.evaluate(async ({ value, charts }): Promise<Sample> => {
        const w = window as unknown as { benchDrawn: number[]; benchRuns: number[] }
        // No helper functions in here: the bench runs under tsx, whose name-keeping helper does not exist in the page.
        for (let f = 0; f < 2; f++) await new Promise((ok) => requestAnimationFrame(ok))
        w.benchDrawn.length = 0
        w.benchRuns.length = 0
        const slider = document.getElementById('lever-carbonPrice') as HTMLInputElement
        // The native setter, so React sees a real change (as from a person's drag).
        const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')
        const t0 = performance.now()
        descriptor?.set?.call(slider, String(value))
        slider.dispatchEvent(new Event('input', { bubbles: true }))
        const next = await new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())))
        const deadline = performance.now() + 2000
        while ((w.benchDrawn.length < charts || w.benchRuns.length < 1) && performance.now() < deadline) {
          await new Promise((ok) => setTimeout(ok, 5))
        }
        if (w.benchDrawn.length < charts || w.benchRuns.length < 1) throw new Error(`only ${w.benchDrawn.length} charts redrawn`)
        const drawn = Math.max(...w.benchDrawn) - t0
        return { drawn, frame: Math.max(next - t0, drawn), model: w.benchRuns[0] }
      }, { value, charts: CHARTS })
      if (i >= 5) results.push(sample) // the first moves warm the JIT
    }
    const shown = await page.getByTestId('climate-warming').textContent()
    if (!/^[+−]\d\.\d °C$/.test(shown ?? '')) throw new Error(`the headline reads ${shown}`)
    const model = summarise(results.map((r) => r.model))
    const baseline = { name: 'model run alone in the page (runScenario with the 50-member band)', median: round(model.median), p95: round(model.p95) }
    const figure = (name: string, values: number[], target?: string): BenchResult => {
      const s = summarise(values)
      return { name, unit: 'ms', median: round(s.median), p95: round(s.p95), samples: s.samples, baseline, counts: { charts: CHARTS }, ...(target ? { target } : {}) }
    }
    return [
      figure('climate panel: lever move → 4 charts redrawn (Chromium, with the 50-member band)', results.map((r) => r.drawn), 'under 16 ms'),
      figure('climate panel: lever move → next animation frame after the redraw', results.map((r) => r.frame)),
    ]
  } finally {
    await browser.close()
    await host.close()
  }
}

const round = (x: number): number => Math.round(x * 100) / 100
