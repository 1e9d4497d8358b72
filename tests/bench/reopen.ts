// Reopening a convening that holds 10,000 stored updates, in Chromium with real
// IndexedDB: from the start of the session to the document being loaded
// (performance.measure 'convene:load' in renderer/sync/session.ts), beside the floor
// measured in the same page: reading the same rows from IndexedDB and doing nothing
// with them.
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import * as Y from 'yjs'
import { startConveneHost } from '../../electron/main/host'
import { summarise, type BenchResult } from './types'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--allow-loopback-in-peer-connection',
  '--use-fake-ui-for-media-stream',
]

function makeUpdates(count: number): number[][] {
  const doc = new Y.Doc()
  const updates: number[][] = []
  doc.on('update', (update: Uint8Array) => updates.push(Array.from(update)))
  const notes = doc.getText('notes')
  for (let i = 0; i < count; i++) notes.insert(notes.length, i % 50 === 49 ? '\n' : 'x')
  return updates
}

export async function benchReopen(options: { updates?: number; samples?: number } = {}): Promise<BenchResult[]> {
  const count = options.updates ?? 10_000
  const samples = options.samples ?? 7
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, staticDir: resolve(import.meta.dirname, '../../out/renderer') })
  const browser = await chromium.launch({ executablePath: process.env.CONVENE_CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    await page.goto(host.httpUrl)
    const form = page.getByRole('form', { name: 'Start a convening' })
    await form.getByLabel('Title').fill('Reopen benchmark')
    await form.getByLabel('Your name').fill('Bench')
    await form.getByRole('button', { name: 'Create convening' }).click()
    await page.waitForURL(/#\/c\//)
    const id = new URL(page.url()).hash.replace('#/c/', '')
    const updates = makeUpdates(count)
    const ours: number[] = []
    const floor: number[] = []
    for (let sample = 0; sample < samples; sample++) {
      await page.goto(`${host.httpUrl}/#/`)
      await page.getByRole('heading', { name: 'Your convenings' }).waitFor()
      // Replace the stored log with `count` separate updates, as a long live session leaves it.
      await page.evaluate(
        async ({ id, updates }) => {
          const db = await new Promise<IDBDatabase>((ok, fail) => {
            const request = indexedDB.open('convene')
            request.onsuccess = () => ok(request.result)
            request.onerror = () => fail(new Error(String(request.error)))
          })
          const tx = db.transaction('updates', 'readwrite')
          const store = tx.objectStore('updates')
          store.index('conveningId').openKeyCursor(IDBKeyRange.only(id)).onsuccess = function () {
            const cursor = this.result
            if (cursor) {
              store.delete(cursor.primaryKey)
              cursor.continue()
            } else for (const u of updates) store.add({ conveningId: id, update: new Uint8Array(u) })
          }
          await new Promise((ok, fail) => {
            tx.oncomplete = ok
            tx.onerror = fail
          })
          db.close()
        },
        { id, updates },
      )
      floor.push(
        await page.evaluate(async (id) => {
          const db = await new Promise<IDBDatabase>((ok) => {
            const request = indexedDB.open('convene')
            request.onsuccess = () => ok(request.result)
          })
          const t0 = performance.now()
          const rows = await new Promise<unknown[]>((ok) => {
            const request = db.transaction('updates').objectStore('updates').index('conveningId').getAll(IDBKeyRange.only(id))
            request.onsuccess = () => ok(request.result)
          })
          const elapsed = performance.now() - t0
          db.close()
          if (rows.length < 1000) throw new Error('seeding failed')
          return elapsed
        }, id),
      )
      await page.getByRole('button', { name: /^Reopen benchmark/ }).click()
      await page.getByRole('textbox', { name: 'Shared notes' }).waitFor()
      const measured = await page.evaluate(() => {
        const entries = performance.getEntriesByName('convene:load')
        const last = entries[entries.length - 1] as PerformanceMeasure
        return { duration: last.duration, rows: (last.detail as { rows: number }).rows }
      })
      if (measured.rows < count) throw new Error(`expected ${count} stored rows, the session read ${measured.rows}`)
      const length = await page.getByRole('textbox', { name: 'Shared notes' }).evaluate((el) => (el as HTMLTextAreaElement).value.length)
      if (length < count) throw new Error(`the reopened notes hold ${length} characters, expected ${count}`)
      ours.push(measured.duration)
    }
    const base = summarise(floor)
    return [
      {
        name: `reopen a convening holding ${count} stored updates (Chromium, IndexedDB)`,
        unit: 'ms',
        ...summarise(ours),
        baseline: { name: 'reading the same rows from IndexedDB only', median: base.median, p95: base.p95 },
        target: 'under 300 ms',
      },
    ]
  } finally {
    await browser.close()
    await host.close()
  }
}
