// Harvest export and archive figures for a large convening: 300 variables (three
// diagrams of 100, about two links each), 500 written responses over 10 prompts,
// 10 saved climate scenarios and 3 World Climate rounds. Baselines in the same run:
// dumping the whole document as JSON (the least any export must do), and applying
// the archive's state without any check (the least opening an archive must do).
//
// The climate model caches its runs, so after the first export the figures leave out
// running the model (a few ms per scenario the first time).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { seedConvening, upsertPerson, notesText, readArchive, writeArchive, localOrigin, type Person } from '../../shared/session'
import { addLink, addVariable, createDiagram } from '../../shared/diagram'
import { pickDeck, setWrittenSettings, writeResponse, type Deck } from '../../shared/conversation'
import { DEFAULT_LEVERS, assignDelegation, runRound, saveScenario, savePledge } from '../../shared/climate'
import { addAction, collectHarvest, harvestToHtml, harvestToMarkdown } from '../../shared/notes'
import { translator } from '../../shared/i18n'
import { runHarvestJob } from '../../renderer/features/harvest/jobs'
import { seededRandom } from '../unit/shared/diagram/graphs'
import { summarise, type BenchResult } from './types'

export type { BenchResult }

const ORIGIN = localOrigin('bench')
const TIME_PER_CASE_MS = 3000
const CONVENING_ID = 'BENCHBENCHBENCHBENCH00'

function person(i: number): Person {
  return { id: `p${i}`, name: `Person ${i}`, role: i === 0 ? 'facilitator' : 'practitioner', colour: '#1f6f8b', timeZone: 'Europe/Lisbon', joinedAt: i }
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

export function largeConvening(): Y.Doc {
  const doc = new Y.Doc()
  const random = seededRandom(7)
  seedConvening(doc, { id: CONVENING_ID, title: 'Regional cohort, session 4', createdBy: person(0), now: Date.UTC(2026, 2, 12, 9) })
  for (let i = 1; i < 40; i++) upsertPerson(doc, person(i))
  doc.transact(() => notesText(doc).insert(0, Array.from({ length: 120 }, (_, i) => `- point ${i}: **something** we noticed`).join('\n')), ORIGIN)
  for (let i = 0; i < 20; i++) addAction(doc, { text: `Action ${i}`, owner: `p${i}`, due: '2026-04-01' }, ORIGIN)

  for (let d = 0; d < 3; d++) {
    const diagram = unwrap(createDiagram(doc, { title: `Map ${d + 1}`, createdAt: d }, ORIGIN))
    const ids: string[] = []
    for (let v = 0; v < 100; v++) ids.push(unwrap(addVariable(doc, diagram, { label: `Variable ${d}.${v}`, x: (v % 10) * 160, y: Math.floor(v / 10) * 90 }, ORIGIN)))
    let links = 0
    while (links < 200) {
      const from = ids[Math.floor(random() * ids.length)]
      const to = ids[Math.floor(random() * ids.length)]
      if (from !== to && addLink(doc, diagram, { from, to, polarity: random() < 0.7 ? '+' : '-' }, ORIGIN).ok) links++
    }
  }

  const deck: Deck = {
    id: 'bench',
    title: 'Bench deck',
    description: '',
    prompts: Array.from({ length: 10 }, (_, i) => ({ id: `q${i}`, text: `Question ${i}: what did you notice?`, mode: 'written' as const })),
  }
  if (!pickDeck(doc, 'p0', deck, 1).ok) throw new Error('deck')
  for (let q = 0; q < 10; q++) {
    const visibility = q % 3 === 1 ? 'anonymous' : 'named'
    if (visibility === 'anonymous') setWrittenSettings(doc, 'p0', `q${q}`, { visibility })
    for (let r = 0; r < 50; r++) {
      const sent = writeResponse(doc, `p${(r % 39) + 1}`, `q${q}`, `Response ${r} to question ${q}: a few sentences of reflection, with **some** emphasis.`, visibility, 10 + r)
      if (!sent.ok) throw new Error(sent.message)
    }
  }

  for (let s = 0; s < 10; s++) {
    const saved = saveScenario(doc, `Scenario ${s + 1}`, { ...DEFAULT_LEVERS, carbonPrice: s * 25 }, { by: 'p1', at: 100 + s }, ORIGIN)
    if (!saved.ok) throw new Error(saved.error.message)
  }
  assignDelegation(doc, 'p1', 'developed', { by: 'p0' }, ORIGIN)
  for (let r = 0; r < 3; r++) {
    savePledge(doc, 'developed', { peakYear: 2025 + r * 5, reductionStartYear: 2030 + r * 5, reductionRate: 2 + r, climateFund: 50 }, { by: 'p1' }, ORIGIN)
    const ran = runRound(doc, { by: 'p0', at: 200 + r }, ORIGIN)
    if (!ran.ok) throw new Error(ran.error.message)
  }
  return doc
}

function measure(fn: () => void, maxSamples = 40): { median: number; p95: number; samples: number } {
  for (let i = 0; i < 3; i++) fn()
  const times: number[] = []
  const deadline = performance.now() + TIME_PER_CASE_MS
  while (times.length < maxSamples && (times.length < 5 || performance.now() < deadline)) {
    const t0 = performance.now()
    fn()
    times.push(performance.now() - t0)
  }
  return summarise(times)
}

const round = (x: number): number => Math.round(x * 100) / 100

export async function benchHarvest(): Promise<BenchResult[]> {
  const doc = largeConvening()
  const state = Y.encodeStateAsUpdate(doc)
  const sample = collectHarvest(doc, { now: 0 })
  const markdown = harvestToMarkdown(sample)
  const counts = {
    variables: 300,
    responses: 500,
    scenarios: 10,
    rounds: 3,
    images: sample.files.length,
    markdownKB: Math.round(markdown.length / 1024),
    stateKB: Math.round(state.length / 1024),
  }
  const dumpJson = measure(() => JSON.stringify(doc.toJSON()))
  const baseline = { name: 'JSON.stringify(doc.toJSON()) of the same convening', median: round(dumpJson.median), p95: round(dumpJson.p95) }
  const results: BenchResult[] = []
  const add = (name: string, timing: { median: number; p95: number; samples: number }, extra: Partial<BenchResult> = {}): void => {
    results.push({ name, unit: 'ms', median: round(timing.median), p95: round(timing.p95), samples: timing.samples, ...extra })
  }

  add('harvest: Markdown of a large convening', measure(() => harvestToMarkdown(collectHarvest(doc, { now: 0 }))), {
    counts,
    baseline,
    target: 'median under 200 ms',
  })
  // Issue 15: the same export in the exporter's language (fr-CA), beside English measured in this run.
  const french = translator('fr-CA', JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/i18n/fr-CA.json'), 'utf8')) as Record<string, string>)
  const inEnglish = measure(() => harvestToMarkdown(collectHarvest(doc, { now: 0 })))
  add('harvest: Markdown of a large convening in French (fr-CA)', measure(() => harvestToMarkdown(collectHarvest(doc, { now: 0, t: french }))), {
    baseline: { name: 'the same export in English, this run', median: round(inEnglish.median), p95: round(inEnglish.p95) },
  })
  add('harvest: one HTML page (images inline)', measure(() => harvestToHtml(collectHarvest(doc, { now: 0 }))), { baseline })
  add(
    'harvest: worker job, Markdown folder as zip (rebuild document, export, zip)',
    measure(() => runHarvestJob({ id: 1, kind: 'markdown', update: state, viewerId: null, journal: [], now: 0 }, () => undefined), 20),
  )
  await new Promise((resolve) => setTimeout(resolve, 0))

  const archive = writeArchive(doc)
  add('archive: save (.convene)', measure(() => writeArchive(doc)), { counts: { archiveKB: Math.round(archive.length / 1024) } })
  const plainApply = measure(() => Y.applyUpdate(new Y.Doc(), state))
  add(
    'archive: open and check every part',
    measure(() => {
      const result = readArchive(archive)
      if (!result.ok) throw new Error(result.message)
      result.doc.destroy()
    }),
    { baseline: { name: 'Y.applyUpdate of the same state, unchecked', median: round(plainApply.median), p95: round(plainApply.p95) } },
  )
  return results
}
