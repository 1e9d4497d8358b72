import { expect, type Locator, type Page } from '@playwright/test'
import type { Person } from './convene'

/** A person on the Conversation panel, driven by labels and roles as they would drive it. */
export class ConversationView {
  constructor(readonly person: Person) {}

  get page(): Page {
    return this.person.page
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Conversation' }).click()
    await expect(this.page.getByRole('heading', { name: /Reflective conversation|prompt \d+ of \d+/ })).toBeVisible()
  }

  get prompt(): Locator {
    return this.page.getByTestId('current-prompt')
  }

  get strip(): Locator {
    return this.page.getByRole('region', { name: 'Facilitator controls' })
  }

  /** The deck chooser, unfolded (it folds away once a deck is in use). */
  async deckBox(): Promise<Locator> {
    return unfold(this.strip.locator('details.cv-deck-box'))
  }

  async useDeck(title: string): Promise<void> {
    const select = (await this.deckBox()).getByLabel('Deck')
    const value = await select.locator('option', { hasText: title }).first().getAttribute('value')
    await select.selectOption(value ?? '')
    await this.strip.getByRole('button', { name: /Use this deck|Start this deck again/ }).click()
    const confirm = this.page.getByRole('dialog', { name: 'Switch deck?' })
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Switch deck' }).click()
  }

  async next(): Promise<void> {
    await this.strip.getByRole('button', { name: 'Next prompt →' }).click()
  }

  async setMode(label: 'Open conversation' | 'Round' | 'Silent reflection' | 'Pairs and small groups' | 'Written responses'): Promise<void> {
    await this.strip.getByRole('group', { name: 'Mode' }).getByLabel(label, { exact: true }).check()
  }

  // ---- round ----
  async startRound(order: 'Shuffled' | 'In the order I set' | 'Each speaker names the next' = 'In the order I set'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Start a round' })
    await form.getByLabel(order).check()
    await form.getByRole('button', { name: 'Start the round' }).click()
  }

  get nowSpeaking(): Locator {
    return this.page.getByTestId('round-now')
  }

  get speakingOrder(): Locator {
    return this.page.getByRole('list', { name: 'Speaking order' })
  }

  speaker(name: string): Locator {
    return this.speakingOrder.getByRole('listitem').filter({ hasText: new RegExp(`^${name}( \\(you\\))?`) })
  }

  async expectOrder(rows: [string, string][]): Promise<void> {
    await expect(this.speakingOrder.getByRole('listitem')).toHaveCount(rows.length)
    for (const [name, status] of rows) await expect(this.speaker(name)).toContainText(status)
  }

  async done(): Promise<void> {
    await this.page.getByRole('button', { name: 'I’m done' }).click()
  }

  // ---- written responses ----
  async setVisibility(label: 'Named' | 'Private until revealed' | 'Anonymous'): Promise<void> {
    await this.page.getByRole('group', { name: 'How responses to this prompt are stored and shown' }).getByRole('radio', { name: new RegExp(`^${label}`) }).check()
  }

  async respond(text: string, send: 'Send response' | 'Seal and send' = 'Send response'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Write a response' })
    await form.getByLabel('Your response').fill(text)
    await form.getByRole('button', { name: send }).click()
    await expect(form.getByLabel('Your response')).toHaveValue('')
  }

  get board(): Locator {
    return this.page.getByRole('region', { name: /^Responses \(\d+\)$/ })
  }

  card(text: string): Locator {
    return this.board.getByRole('listitem').filter({ hasText: text })
  }

  // ---- polls ----
  async openPolls(): Promise<void> {
    await this.page.getByRole('tablist', { name: 'Conversation' }).getByRole('tab', { name: /^Polls/ }).click()
    await expect(this.page.getByRole('region', { name: 'Polls' })).toBeVisible()
  }

  /** A facilitator makes a poll and opens it at once. */
  async createPoll(input: { question: string; kind: 'Multiple choice' | 'Scale' | 'Words (a word cloud)'; options?: string[]; results: 'Live' | 'Revealed at the end'; anonymous?: boolean }): Promise<void> {
    await unfold(this.page.locator('details.cv-poll-create'))
    const form = this.page.getByRole('form', { name: 'Make a poll' })
    await form.getByLabel('Question').fill(input.question)
    await form.getByRole('group', { name: 'Kind of poll' }).getByLabel(input.kind).check()
    for (const [i, option] of (input.options ?? []).entries()) await form.getByLabel(`Option ${i + 1}`, { exact: true }).fill(option)
    await form.getByRole('group', { name: 'Answers' }).getByRole('radio', { name: input.anonymous ? /^Anonymous/ : /^Named/ }).check()
    await form.getByRole('group', { name: 'Results' }).getByRole('radio', { name: new RegExp(`^${input.results}`) }).check()
    await form.getByRole('button', { name: 'Open the poll now' }).click()
    await expect(this.poll(input.question)).toBeVisible()
  }

  poll(question: string): Locator {
    return this.page.getByRole('article', { name: question })
  }

  /** The results table of a poll: one row per option, "label count share". */
  pollRows(question: string): Locator {
    return this.poll(question).getByRole('table').getByRole('row')
  }
  // ---- countdown ----
  /** Seconds left on the first countdown on screen. */
  async secondsLeft(): Promise<number> {
    const label = (await this.page.getByRole('timer').first().getAttribute('aria-label')) ?? ''
    const match = /(\d+):(\d+)(?::(\d+))? left/.exec(label)
    if (!match) throw new Error(`no time in "${label}"`)
    return match[3] ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : Number(match[1]) * 60 + Number(match[2])
  }

  // ---- journal ----
  async openJournal(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'My private journal' }).click()
    const journal = this.page.getByRole('complementary', { name: 'My private journal' })
    await expect(journal).toBeVisible()
    return journal
  }

  /** The whole panel: the window grows for the picture to the panel's height, then shrinks back. */
  async screenshot(name: string, prefix = 'conversation'): Promise<void> {
    const size = this.page.viewportSize()
    const height = await this.page.evaluate(() => {
      const main = document.querySelector('.panel-main')
      return main ? main.scrollHeight + main.getBoundingClientRect().top : document.body.scrollHeight
    })
    if (size && height > size.height) await this.page.setViewportSize({ width: size.width, height: Math.min(2400, Math.ceil(height)) })
    await this.page.screenshot({ path: `tests/e2e/screenshots/${prefix}-${name}.png` })
    if (size) await this.page.setViewportSize(size)
  }
}

/** A folded `<details>` box, unfolded. */
async function unfold(box: Locator): Promise<Locator> {
  if (!(await box.evaluate((el) => (el as HTMLDetailsElement).open))) await box.locator('summary').click()
  return box
}

/** Every stored update row of this page's databases, decoded as text (for "is this text in the document?"). */
export async function storedUpdatesText(page: Page): Promise<{ rows: number; text: string; journalRows: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const request = indexedDB.open('convene')
      request.onsuccess = () => ok(request.result)
      request.onerror = () => fail(new Error(String(request.error)))
    })
    const all = <T,>(store: string): Promise<T[]> =>
      new Promise((ok, fail) => {
        const request = db.transaction(store).objectStore(store).getAll()
        request.onsuccess = () => ok(request.result as T[])
        request.onerror = () => fail(new Error(String(request.error)))
      })
    const updates = await all<{ update: Uint8Array }>('updates')
    const journal = await all<unknown>('journal')
    db.close()
    const decoder = new TextDecoder('utf-8', { fatal: false })
    return { rows: updates.length, text: updates.map((u) => decoder.decode(u.update)).join('\n'), journalRows: journal.length }
  })
}
