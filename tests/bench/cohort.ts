// Opening a year-old cohort in Chromium with real IndexedDB: 40 practitioners with a
// card each (plus facilitators and mentors), 30 past convenings with a snapshot of
// every card that changed before each, comments, clinic offerings, pairs and notes.
// Measured from the click on the cohort (home screen) to all 40 cards on screen, and
// to the timeline showing every entry; beside, in the same run: opening an empty
// cohort the same way, and reading the same rows from IndexedDB only.
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from 'playwright-core'
import { becomeFacilitator, storeCohort, type StoredCohort } from '../e2e/support/cohort'
import * as Y from 'yjs'
import { newId, upsertPerson, type Person, type Role } from '../../shared/session'
import {
  addComment,
  addMentorNote,
  createProject,
  editProjectText,
  goToStage,
  milestoneAllCards,
  offerToClinic,
  pairMentor,
  recordConvening,
  seedCohort,
  setGoal,
  setMyDetails,
  startClinic,
  endClinic,
  DOMAINS,
  PROJECT_FIELDS,
  targetText,
  type TextTarget,
} from '../../shared/cohort'
import { startConveneHost } from '../../electron/main/host'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

const ORIGIN = 'convene:local:cohort'
const COLOURS = ['#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c', '#b04a1c', '#3d5a99']
const ZONES = ['Africa/Nairobi', 'America/Bogota', 'Asia/Kolkata', 'Europe/Lisbon', 'Pacific/Auckland', 'America/Toronto']
const SENTENCES = [
  'We tried a weekly walk around the school grounds and mapped what the children noticed.',
  'Colleagues are curious but the timetable leaves little room for anything new.',
  'The head teacher offered one afternoon a month for a staff learning circle.',
  'Parents asked how they could join the garden days, which we had not expected.',
  'I am reading about reinforcing loops and seeing them in our own staff room.',
  'Next I want to pilot a check-in practice with two other classes before March.',
]

export interface CohortFixture extends StoredCohort {
  facilitator: Person
  counts: Record<string, number>
}

function person(name: string, role: Role, i: number): Person {
  return { id: newId(), name, role, colour: COLOURS[i % COLOURS.length], timeZone: ZONES[i % ZONES.length], joinedAt: 1_700_000_000_000 + i }
}

/** A cohort as a year of work leaves it. `schemaVersion` other than 1 makes it "from a newer version". */
export function buildCohort(options: { title?: string; practitioners?: number; convenings?: number; recentEdits?: number; schemaVersion?: number } = {}): CohortFixture {
  const practitioners = options.practitioners ?? 40
  const conveningCount = options.convenings ?? 30
  const doc = new Y.Doc()
  const start = Date.parse('2026-01-10T09:00:00Z')
  const fay = person('Fay Facilitator', 'facilitator', 0)
  const cam = person('Cam Co-facilitator', 'co-facilitator', 1)
  const mentors = Array.from({ length: Math.ceil(practitioners / 8) }, (_, i) => person(`Mentor ${i + 1}`, 'mentor', i + 2))
  const people = Array.from({ length: practitioners }, (_, i) => person(`Practitioner ${i + 1}`, 'practitioner', i + 10))
  const id = newId()
  const title = options.title ?? 'Fellows 2027'
  seedCohort(doc, { id, title, createdBy: fay, now: start })
  for (const p of [cam, ...mentors, ...people]) upsertPerson(doc, p)
  people.forEach((p, i) => {
    setMyDetails(doc, p.id, { country: ['Kenya', 'Colombia', 'India', 'Portugal', 'New Zealand', 'Canada'][i % 6], organisation: `School ${i + 1}` }, ORIGIN)
    createProject(doc, p.id, start, ORIGIN)
    editProjectText(doc, p.id, { field: 'title' }, `Project ${i + 1}: learning through systems`, { by: p.id, now: start, origin: ORIGIN })
    for (const goal of [4, 1 + (i % 17), 13]) setGoal(doc, p.id, goal, true, p.id, ORIGIN)
    pairMentor(doc, { mentor: mentors[i % mentors.length].id, practitioner: p.id, by: fay.id, now: start }, ORIGIN)
  })
  let edits = 0
  for (let c = 0; c < conveningCount; c++) {
    const at = start + c * 12 * 86_400_000
    // Between convenings every practitioner adds to a few parts of their card.
    people.forEach((p, i) => {
      const project = doc.getMap('projects').get(p.id) as Y.Map<unknown>
      const targets: TextTarget[] = [{ field: PROJECT_FIELDS[4 + ((c + i) % 3)] }, { domain: DOMAINS[(c + i) % 4] }]
      for (const target of targets) {
        const current = targetText(project, target)?.toString() ?? ''
        editProjectText(doc, p.id, target, `${current} ${SENTENCES[(c + i) % SENTENCES.length]}`.trim().slice(-3500), { by: p.id, now: at, origin: ORIGIN })
        edits++
      }
      if ((c + i) % 5 === 0) addComment(doc, p.id, { by: mentors[i % mentors.length].id, text: `Convening ${c + 1}: ${SENTENCES[(c + 2 * i) % 6]}`, now: at }, ORIGIN)
      if ((c + i) % 7 === 0) addMentorNote(doc, { by: mentors[i % mentors.length].id, for: p.id, text: 'A thought for you before we meet again.', now: at }, ORIGIN)
    })
    const conveningId = newId()
    recordConvening(doc, { conveningId, title: `Convening ${c + 1}`, date: new Date(at).toISOString().slice(0, 10), by: fay.id, invite: { secret: newId(), signaling: ['ws://127.0.0.1:4444'] } }, at, ORIGIN)
    milestoneAllCards(doc, { by: fay.id, label: `Before “Convening ${c + 1}”`, now: at, conveningId }, ORIGIN)
    if (c % 3 === 0) {
      const presenter = people[c % people.length]
      const control = { by: fay.id, now: at, offsetTo: () => 0 }
      startClinic(doc, { projectId: presenter.id, by: fay.id, now: at }, ORIGIN)
      goToStage(doc, 2, control, ORIGIN)
      for (const j of [1, 2, 3]) offerToClinic(doc, { by: people[(c + j) % people.length].id, text: 'What I appreciate is how you listened.', now: at }, ORIGIN)
      endClinic(doc, fay.id, ORIGIN)
    }
  }
  if (options.schemaVersion !== undefined) doc.getMap('meta').set('schemaVersion', options.schemaVersion)
  const updates = [Y.encodeStateAsUpdate(doc)]
  // Recent typing since the last compaction, one update per keystroke, as it is stored.
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const typist = people.at(0)
  const recent = typist ? (options.recentEdits ?? 200) : 0
  const nextSteps = typist && ((doc.getMap('projects').get(typist.id) as Y.Map<unknown>).get('nextSteps') as Y.Text)
  for (let k = 0; k < recent && typist && nextSteps; k++) {
    editProjectText(doc, typist.id, { field: 'nextSteps' }, nextSteps.toString() + 'x', { by: typist.id, now: start + k, origin: ORIGIN })
  }
  const bytes = updates.reduce((sum, u) => sum + u.length, 0)
  return {
    id,
    secret: newId(),
    title,
    updates: updates.map((u) => Buffer.from(u).toString('base64')),
    peopleCount: 2 + mentors.length + people.length,
    facilitator: fay,
    counts: { people: 2 + mentors.length + people.length, projects: people.length, convenings: conveningCount, milestones: conveningCount * people.length, edits, rows: updates.length, kilobytes: Math.round(bytes / 1024) },
  }
}

/** Click the cohort on the home screen and time, inside the page, until `done` holds on screen. */
async function timeOpening(page: Page, title: string, done: 'cards' | 'empty', cards: number): Promise<{ shown: number; load: number }> {
  const button = page.getByRole('list', { name: 'Cohorts on this computer' }).getByRole('button', { name: new RegExp(`^${title}`) })
  await button.waitFor()
  await button.evaluate((el) => el.setAttribute('data-bench', 'open'))
  // No named functions inside page code: the bench runs through tsx, which would wrap them.
  return page.evaluate(
    async ({ done, cards }) => {
      const t0 = performance.now()
      ;(document.querySelector('[data-bench="open"]') as HTMLButtonElement).click()
      while (
        done === 'cards'
          ? document.querySelectorAll('[data-testid="project-list"] > li').length < cards
          : !document.body.textContent?.includes('No project cards yet')
      ) {
        await new Promise((ok) => requestAnimationFrame(ok))
      }
      const shown = performance.now() - t0
      const loads = performance.getEntriesByName('convene:load')
      return { shown, load: loads.length > 0 ? loads[loads.length - 1].duration : Number.NaN }
    },
    { done, cards },
  )
}

async function timeTimeline(page: Page, entries: number): Promise<number> {
  return page.evaluate(async (entries) => {
    const t0 = performance.now()
    const nav = Array.from(document.querySelectorAll('nav[aria-label="Cohort"] button')).find((b) => b.textContent === 'Timeline') as HTMLButtonElement
    nav.click()
    while (document.querySelectorAll('ol.timeline > li').length < entries) await new Promise((ok) => requestAnimationFrame(ok))
    return performance.now() - t0
  }, entries)
}

async function readRowsOnly(page: Page, id: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const request = indexedDB.open('convene')
      request.onsuccess = () => ok(request.result)
    })
    const t0 = performance.now()
    await new Promise<unknown[]>((ok) => {
      const request = db.transaction('updates').objectStore('updates').index('conveningId').getAll(IDBKeyRange.only(id))
      request.onsuccess = () => ok(request.result)
    })
    const elapsed = performance.now() - t0
    db.close()
    return elapsed
  }, id)
}

export async function benchCohort(options: { samples?: number } = {}): Promise<BenchResult[]> {
  const samples = options.samples ?? 7
  const full = buildCohort()
  const empty = buildCohort({ title: 'A new cohort', practitioners: 0, convenings: 0, recentEdits: 0 })
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../..', process.env.CONVENE_OUT || 'out', 'renderer') })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(host.httpUrl)
    await page.getByRole('heading', { name: 'Your cohorts' }).waitFor()
    await becomeFacilitator(page, full)
    const opening: number[] = []
    const openingEmpty: number[] = []
    const timeline: number[] = []
    const rows: number[] = []
    const loading: number[] = []
    const entries = full.counts.convenings + Math.ceil(full.counts.convenings / 3)
    for (let sample = 0; sample < samples; sample++) {
      // A-B-B-A, so a slow or warming machine weighs on both alike.
      for (const which of sample % 2 === 0 ? ['full', 'empty'] : ['empty', 'full']) {
        const fixture = which === 'full' ? full : { ...empty, facilitator: full.facilitator }
        await page.goto(`${host.httpUrl}/#/`)
        await page.reload()
        await page.getByRole('heading', { name: 'Your cohorts' }).waitFor()
        await storeCohort(page, fixture, host.signalingUrl)
        if (which === 'full') {
          rows.push(await readRowsOnly(page, full.id))
          await page.reload()
          const { shown, load } = await timeOpening(page, full.title, 'cards', full.counts.projects)
          opening.push(shown)
          loading.push(load)
          timeline.push(await timeTimeline(page, entries))
        } else {
          await page.reload()
          openingEmpty.push((await timeOpening(page, empty.title, 'empty', 0)).shown)
        }
      }
    }
    const base = summarise(openingEmpty)
    const floor = summarise(rows)
    return [
      {
        name: `open a cohort: ${full.counts.projects} project cards, ${full.counts.convenings} past convenings, ${full.counts.people} people (Chromium, IndexedDB, click to all cards shown)`,
        unit: 'ms',
        ...summarise(opening),
        baseline: { name: 'opening an empty cohort the same way', median: base.median, p95: base.p95 },
        counts: full.counts,
        target: 'under 500 ms',
      },
      {
        name: 'of which: loading its stored rows into the document (convene:load)',
        unit: 'ms',
        ...summarise(loading),
      },
      {
        name: 'read the same cohort’s stored rows from IndexedDB only',
        unit: 'ms',
        ...floor,
      },
      {
        name: `show its timeline (${entries} entries, ${full.counts.milestones} card milestones folded in)`,
        unit: 'ms',
        ...summarise(timeline),
      },
    ]
  } finally {
    await browser.close()
    await host.close()
  }
}

// `node --import tsx tests/bench/cohort.ts --fixture '{"practitioners":3}'` prints a
// fixture as JSON: the end-to-end tests use it (their loader cannot import shared/,
// whose JSON imports need a bundler).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--fixture') {
  process.stdout.write(JSON.stringify(buildCohort(JSON.parse(process.argv[3] ?? '{}') as Parameters<typeof buildCohort>[0])))
}
