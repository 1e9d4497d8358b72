import { expect, type Locator, type Page } from '@playwright/test'
import type { Person } from './convene'

export type CohortTab = 'Projects' | 'Mentoring' | 'Clinic' | 'Timeline' | 'Members'

/** A person using a cohort, driven by labels and roles as they would drive it. */
export class CohortMember {
  constructor(readonly person: Person) {}

  get page(): Page {
    return this.person.page
  }

  get name(): string {
    return this.person.name
  }

  async createCohort(title: string, role = 'Facilitator'): Promise<void> {
    await this.openCreateForm()
    const form = this.page.getByRole('form', { name: 'Start a cohort' })
    await form.getByLabel('Cohort name').fill(title)
    await form.getByLabel('Your name').fill(this.name)
    await form.getByLabel('Your role').selectOption({ label: role })
    await form.getByRole('button', { name: 'Create cohort' }).click()
    await expect(this.page.getByLabel('Cohort name')).toHaveValue(title)
  }

  async openCreateForm(): Promise<void> {
    const details = this.page.locator('details.start-cohort')
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.getByText('Start a cohort', { exact: true }).click()
  }

  async inviteLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Invite people to the cohort' })
    const value = await dialog.getByLabel('Link for a web browser', { exact: true }).inputValue()
    await dialog.getByRole('button', { name: 'Close' }).click()
    return value
  }

  async joinByLink(link: string, role: string): Promise<void> {
    await this.page.goto(link)
    await expect(this.page.getByRole('heading', { name: /^You are invited to “.+”$/ })).toBeVisible() // the cohort's name, carried by the link
    const form = this.page.getByRole('form', { name: 'Join with an invite' })
    await form.getByLabel('Your name').fill(this.name)
    await form.getByLabel('Your role').selectOption({ label: role })
    await form.getByRole('button', { name: 'Join cohort' }).click()
    await expect(this.page.getByRole('navigation', { name: 'Cohort' })).toBeVisible()
  }

  async openTab(tab: CohortTab): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Cohort' }).getByRole('button', { name: tab, exact: true }).click()
    await expect(this.page.getByRole('heading', { name: tab, level: 2 }).first()).toBeVisible()
  }

  memberRow(name: string): Locator {
    return this.page.getByTestId('cohort-members').getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`\\b${name}\\b`) }) })
  }

  async setDetails(country: string, organisation: string): Promise<void> {
    await this.openTab('Members')
    await this.page.getByLabel('Country').fill(country)
    await this.page.getByLabel('School or organisation').fill(organisation)
    await this.page.getByRole('button', { name: 'Save details' }).click()
    await expect(this.page.getByText('Saved. The others see it in the members list.')).toBeVisible()
  }

  /** The card's field for an author (a text box), by its label. */
  field(label: string): Locator {
    return this.page.getByRole('article').getByLabel(label, { exact: true })
  }

  async startCard(): Promise<void> {
    await this.openTab('Projects')
    await this.page.getByRole('button', { name: 'Start your project card' }).click()
    await expect(this.page.getByRole('heading', { name: 'Your project' })).toBeVisible()
  }

  async openCard(owner: string): Promise<void> {
    await this.openTab('Projects')
    await this.page.getByTestId('project-list').getByRole('button', { name: new RegExp(`^${owner}`) }).click()
  }

  /** Type into a field key by key, as a person does, at its end (or its start). */
  async typeInto(label: string, text: string, where: 'start' | 'end' = 'end'): Promise<void> {
    const field = this.field(label)
    await field.click()
    await this.page.keyboard.press(where === 'end' ? 'Control+End' : 'Control+Home')
    await field.pressSequentially(text)
  }

  comments(): Locator {
    return this.page.getByRole('list', { name: 'Comments on this card' })
  }

  /** The whole screen, grown tall enough to show everything in the main pane, then back to its size. */
  async screenshot(name: string): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1280, height: 720 }
    const height = await this.page.evaluate(() => {
      const main = document.querySelector('.panel-main')
      return main ? main.scrollHeight + main.getBoundingClientRect().top + 8 : document.documentElement.scrollHeight
    })
    await this.page.setViewportSize({ width: size.width, height: Math.min(2400, Math.max(size.height, Math.ceil(height))) })
    await this.page.screenshot({ path: `tests/e2e/screenshots/cohort-${name}.png` })
    await this.page.setViewportSize(size)
  }
}

/** A cohort as stored on a machine: its list entry and its rows (base64), for tests and benchmarks. */
export interface StoredCohort {
  id: string
  secret: string
  title: string
  /** One compacted state (as the log is after compaction), then the edits made since. */
  updates: string[]
  peopleCount: number
  facilitator: { id: string; name: string; colour: string }
}

/** Put a cohort straight into a page's IndexedDB, as if this machine had held it all year. */
export async function storeCohort(page: Page, cohort: StoredCohort, signaling: string): Promise<void> {
  await page.evaluate(
    async ({ cohort, signaling }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const request = indexedDB.open('convene')
        request.onsuccess = () => ok(request.result)
        request.onerror = () => fail(new Error(String(request.error)))
      })
      const tx = db.transaction(['updates', 'cohorts'], 'readwrite')
      const now = Date.now()
      const record = { id: cohort.id, secret: cohort.secret, title: cohort.title, signaling: [signaling], role: 'facilitator', createdAt: now, lastOpenedAt: now, peopleCount: cohort.peopleCount }
      tx.objectStore('cohorts').put(record)
      const store = tx.objectStore('updates')
      store.index('conveningId').openKeyCursor(IDBKeyRange.only(cohort.id)).onsuccess = function () {
        const cursor = this.result
        if (cursor) {
          store.delete(cursor.primaryKey)
          cursor.continue()
        } else {
          for (const text of cohort.updates) store.add({ conveningId: cohort.id, update: Uint8Array.from(atob(text), (c) => c.charCodeAt(0)) })
        }
      }
      await new Promise((ok, fail) => {
        tx.oncomplete = ok
        tx.onerror = fail
      })
      db.close()
    },
    { cohort, signaling },
  )
}

/** This machine's identity becomes the cohort's facilitator (so it opens as theirs). */
export async function becomeFacilitator(page: Page, cohort: StoredCohort): Promise<void> {
  await page.evaluate(async (identity) => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const request = indexedDB.open('convene')
      request.onsuccess = () => ok(request.result)
    })
    const tx = db.transaction('settings', 'readwrite')
    tx.objectStore('settings').put({ key: 'identity', value: identity })
    await new Promise((ok) => (tx.oncomplete = ok))
    db.close()
  }, { personId: cohort.facilitator.id, name: cohort.facilitator.name, colour: cohort.facilitator.colour })
}
