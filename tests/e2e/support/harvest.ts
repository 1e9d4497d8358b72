import { expect, type Locator } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { unzipSync, strFromU8 } from 'fflate'
import type { Person } from './convene'

/** Page-object helpers for the harvest: notes formatting, action items, exports and archives. */
export interface SavedFile {
  name: string
  bytes: Uint8Array
}

export function panel(person: Person, label: 'Notes' | 'Harvest'): Locator {
  return person.page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: label, exact: true })
}

export async function openHarvest(person: Person): Promise<void> {
  await panel(person, 'Harvest').click()
  await expect(person.page.getByRole('heading', { name: 'Harvest', level: 2 })).toBeVisible()
}

export async function openNotes(person: Person): Promise<void> {
  await panel(person, 'Notes').click()
  await expect(person.notes).toBeVisible()
}

export function actionList(person: Person): Locator {
  return person.page.getByRole('list', { name: 'Action items' })
}

export function actionRow(person: Person, text: string): Locator {
  return actionList(person).getByRole('listitem').filter({ hasText: text })
}

export async function addAction(person: Person, input: { text: string; who?: string; due?: string }): Promise<void> {
  const form = person.page.getByRole('form', { name: 'Add an action item' })
  await form.getByLabel('What needs doing').fill(input.text)
  if (input.who) await form.getByLabel('Who').fill(input.who)
  if (input.due) await form.getByLabel('By when').fill(input.due)
  await form.getByRole('button', { name: 'Add action' }).click()
  await expect(actionRow(person, input.text)).toBeVisible()
}

/** Click a save button and collect the download it starts. */
export async function save(person: Person, button: string): Promise<SavedFile> {
  const downloading = person.page.waitForEvent('download')
  await person.page.getByRole('button', { name: button }).click()
  const download = await downloading
  const path = await download.path()
  await expect(person.page.getByRole('status').filter({ hasText: 'Your browser is downloading' })).toBeVisible()
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(path)) }
}

export function unzip(file: SavedFile): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, bytes] of Object.entries(unzipSync(file.bytes))) out[path] = strFromU8(bytes)
  return out
}

export async function chooseWhose(person: Person, whose: 'The convening’s notes' | 'My notes'): Promise<void> {
  await person.page.getByRole('group', { name: 'Whose notes' }).getByRole('radio', { name: new RegExp(`^${whose}`) }).check()
}

/** On the home screen: pick an archive file and answer the dialog. */
export async function openArchive(person: Person, file: SavedFile, choice?: 'Merge' | 'Open as new convening'): Promise<Locator> {
  const page = person.page
  const choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open an archive…' }).click()
  const chooser = await choosing
  await chooser.setFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) })
  const dialog = page.getByRole('dialog', { name: /^Open “/ })
  if (choice) {
    if (choice === 'Open as new convening' && (await dialog.getByRole('radio').count()) > 0) {
      await dialog.getByRole('radio', { name: /Open as a new, separate convening/ }).check()
    }
    await dialog.getByRole('button', { name: choice }).click()
  }
  return dialog
}

/** Put an entry in this person's private journal (the journal's own screen comes with the conversation feature). */
export async function writeJournal(person: Person, text: string): Promise<void> {
  const conveningId = /#\/c\/([A-Za-z0-9_-]{22})/.exec(person.page.url())?.[1]
  expect(conveningId).toBeTruthy()
  await person.page.evaluate(
    ({ conveningId, text }) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('convene')
        request.onerror = () => reject(new Error('cannot open the database'))
        request.onsuccess = () => {
          const db = request.result
          const tx = db.transaction('journal', 'readwrite')
          const now = Date.now()
          tx.objectStore('journal').put({ id: `j-${now}`, conveningId, promptId: null, text, createdAt: now, updatedAt: now })
          tx.oncomplete = () => {
            db.close()
            resolve()
          }
          tx.onerror = () => reject(new Error('cannot write the journal'))
        }
      }),
    { conveningId: conveningId!, text },
  )
}
