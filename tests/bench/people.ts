// The People column with 40 people, in Chromium with real IndexedDB: a convening whose
// people list holds 40 (this person and 39 who have been here), stored the way the app
// stores it, opened from the home screen. Two figures, each beside the same with 3
// people, measured in the same run and the same page:
// - opening the convening until the People column shows its groups ("Here now",
//   "Away (39)"; past 8 people away, that list starts folded);
// - opening the "Away" list: from the click on its heading to every row on screen
//   (the next animation frame after the rows are in the DOM).
// Away rows are the same component as present ones (PersonRow), so this is the cost of
// forty rows; present people come from awareness, which a single page cannot fake.
import { resolve } from 'node:path'
import * as Y from 'yjs'
import { chromium, type Page } from 'playwright-core'
import { startConveneHost } from '../../electron/main/host'
import { seedConvening, upsertPerson, newId, type Person } from '../../shared/session'
import { CHROMIUM_ARGS } from './reopen'
import { summarise, type BenchResult } from './types'

const COLOURS = ['#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c']

export function person(i: number): Person {
  return { id: `person-${i}`, name: `Person ${String(i).padStart(2, '0')}`, role: i === 0 ? 'facilitator' : 'practitioner', colour: COLOURS[i % COLOURS.length], timeZone: 'Europe/Lisbon', joinedAt: i }
}

export interface Stored { id: string; title: string; secret: string; update: string; people: number }

export function convening(people: number): Stored {
  const doc = new Y.Doc()
  const id = newId()
  const title = `People ${people}`
  seedConvening(doc, { id, title, createdBy: person(0), now: Date.now() })
  for (let i = 1; i < people; i++) upsertPerson(doc, person(i))
  return { id, title, secret: newId(), update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'), people }
}

export async function store(page: Page, stored: Stored[], signaling: string, me: Person): Promise<void> {
  await page.evaluate(
    async ({ stored, signaling, me }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('convene')
        request.onsuccess = () => ok(request.result)
        request.onerror = () => fail(new Error(String(request.error)))
      })
      const tx = db.transaction(['updates', 'convenings', 'settings'], 'readwrite')
      tx.objectStore('settings').put({ key: 'identity', value: { personId: me.id, name: me.name, colour: me.colour } })
      for (const c of stored) {
        const now = Date.now()
        tx.objectStore('convenings').put({ id: c.id, secret: c.secret, title: c.title, signaling: [signaling], role: 'facilitator', createdAt: now, lastOpenedAt: now, peopleCount: c.people })
        tx.objectStore('updates').add({ conveningId: c.id, update: Uint8Array.from(atob(c.update), (ch) => ch.charCodeAt(0)) })
      }
      await new Promise((ok, fail) => {
        tx.oncomplete = ok
        tx.onerror = fail
      })
      db.close()
    },
    { stored, signaling, me },
  )
}

/** Open the convening from home; time to its People column, then to the "Away" list unfolded. */
async function openOnce(page: Page, c: Stored): Promise<{ column: number; list: number }> {
  await page.getByRole('list', { name: 'Convenings on this computer' }).getByRole('button', { name: new RegExp(`^${c.title}`) }).evaluate((el) => el.setAttribute('data-bench', 'open'))
  const away = c.people - 1
  // No named functions inside page code: the bench runs through tsx, which would wrap them.
  const times = await page.evaluate(async (away) => {
    const t0 = performance.now()
    ;(document.querySelector('[data-bench="open"]') as HTMLButtonElement).click()
    const label = `Away (${away})`
    let button: HTMLButtonElement | undefined
    while (!(button = [...document.querySelectorAll<HTMLButtonElement>('.people .pp-fold')].find((b) => b.textContent?.includes(label)))) {
      await new Promise((ok) => requestAnimationFrame(ok))
    }
    await new Promise((ok) => requestAnimationFrame(ok))
    const column = performance.now() - t0
    const t1 = performance.now()
    if (button.getAttribute('aria-expanded') === 'false') button.click()
    while (document.querySelectorAll('.people ul[aria-label="People not here"] > li').length < away) await new Promise((ok) => requestAnimationFrame(ok))
    await new Promise((ok) => requestAnimationFrame(ok))
    return { column, list: performance.now() - t1 }
  }, away)
  await page.getByRole('button', { name: '← All convenings' }).click()
  await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
  return times
}

export async function benchPeople(options: { samples?: number } = {}): Promise<BenchResult[]> {
  const samples = options.samples ?? 20
  const out = process.env.CONVENE_OUT || 'out'
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, `../../${out}/renderer`) })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(host.httpUrl)
    await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
    const large = convening(40)
    const small = convening(3)
    await store(page, [large, small], host.signalingUrl, person(0))
    await page.reload()
    await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
    const runs = { large: { column: [] as number[], list: [] as number[] }, small: { column: [] as number[], list: [] as number[] } }
    for (let i = 0; i < samples + 2; i++) {
      // Alternate, so both see the same machine state.
      for (const [key, c] of [['large', large], ['small', small]] as const) {
        const t = await openOnce(page, c)
        if (i < 2) continue
        runs[key].column.push(t.column)
        runs[key].list.push(t.list)
      }
    }
    const column3 = summarise(runs.small.column)
    const list3 = summarise(runs.small.list)
    return [
      { name: 'people: open a convening of 40 people to its People column (Chromium)', unit: 'ms', ...summarise(runs.large.column), baseline: { name: 'the same with 3 people', median: column3.median, p95: column3.p95 } },
      { name: 'people: unfold "Away" to 39 rows on screen', unit: 'ms', ...summarise(runs.large.list), baseline: { name: 'the same list with 2 rows', median: list3.median, p95: list3.p95 } },
    ]
  } finally {
    await browser.close()
    await host.close()
  }
}

// `npx tsx tests/bench/people.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchPeople()
  console.log(JSON.stringify(results, null, 2))
}
