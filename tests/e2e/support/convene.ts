import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test'
import type { AnyLocale } from '../../../shared/i18n'
import { say } from './i18n'

/**
 * A person using Convene in their own browser context (own IndexedDB, own WebRTC
 * stack), driven the way they would drive it: by labels and roles.
 */
export class Person {
  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** A new person in a browser context of their own; `timezoneId` puts their computer in another zone. */
  static async open(browser: Browser, name: string, options: { timezoneId?: string; locale?: AnyLocale } = {}): Promise<Person> {
    // `locale` is the language of this person's computer, which the app follows until they choose another.
    const context = await browser.newContext(options)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.log(`[${name}] page error: ${error.message}`))
    await page.goto('/')
    await expect(page.getByRole('heading', { name: say(options.locale ?? 'en', 'home.list.title', '') })).toBeVisible()
    return new Person(name, context, page)
  }

  /**
   * Close every window but keep this computer (its IndexedDB): the person is away.
   * `comeBack` opens the app again on the same computer.
   */
  async leave(): Promise<void> {
    for (const page of this.context.pages()) await page.close({ runBeforeUnload: true })
  }

  async comeBack(): Promise<Person> {
    const page = await this.context.newPage()
    page.on('pageerror', (error) => console.log(`[${this.name}] page error: ${error.message}`))
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Your convenings' })).toBeVisible()
    return new Person(this.name, this.context, page)
  }

  /** Wait until the relay confirms everything this person wrote (the connection details say so). */
  async expectRelayHasEverything(): Promise<void> {
    const details = await this.connectionDetails()
    await expect(details.getByTestId('relay-holds')).toHaveText('The relay has everything you wrote.', { timeout: 20_000 })
    await this.page.getByTestId('connection-summary').click()
  }

  /** Home → Connection settings: the relays for rooms started on this computer. */
  async setRelays(urls: string[], screenshot?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Connection settings' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Connection settings' })
    await dialog.getByLabel('Relays (one per line)').fill(urls.join('\n'))
    if (screenshot) await this.screenshot(screenshot)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
  }

  /** Close the window the way a person does (the page's unload handlers run). */
  async close(): Promise<void> {
    for (const page of this.context.pages()) await page.close({ runBeforeUnload: true })
    await this.context.close()
  }

  async createConvening(title: string, role = 'Facilitator'): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Start a convening' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('Your name').fill(this.name)
    await form.getByLabel('Your role').selectOption({ label: role })
    await form.getByRole('button', { name: 'Create convening' }).click()
    await expect(this.titleInput).toHaveValue(title)
  }

  /** The browser link from the invite dialog. */
  async inviteLink(kind: 'Link for a web browser' | 'Link for the Convene app' | 'Invite code (paste it on the Convene home screen)' = 'Link for a web browser'): Promise<string> {
    await this.page.getByRole('button', { name: 'Invite', exact: true }).click()
    const dialog = this.page.getByRole('dialog', { name: 'Invite people' })
    const value = await dialog.getByLabel(kind, { exact: true }).inputValue()
    await dialog.getByRole('button', { name: 'Close' }).click()
    return value
  }

  async joinByLink(link: string, role = 'Practitioner'): Promise<void> {
    await this.page.goto(link)
    const form = this.page.getByRole('form', { name: 'Join with an invite' })
    await form.getByLabel('Your name').fill(this.name)
    await form.getByLabel('Your role').selectOption({ label: role })
    await form.getByRole('button', { name: 'Join convening' }).click()
  }

  async joinByPasting(invite: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Join with an invite' })
    await form.getByLabel('Invite link or code').fill(invite)
    await form.getByLabel('Your name').fill(this.name)
    await form.getByRole('button', { name: 'Join convening' }).click()
  }

  get titleInput(): Locator {
    return this.page.getByLabel('Convening title')
  }

  get notes(): Locator {
    return this.page.getByRole('textbox', { name: 'Shared notes' })
  }

  get present(): Locator {
    return this.page.getByRole('list', { name: 'People here now' })
  }

  get absent(): Locator {
    return this.page.getByRole('list', { name: 'People not here' })
  }

  /** A row of the "here now" list; my own row reads "Name (you)". */
  presentPerson(name: string): Locator {
    return this.present.getByRole('listitem').filter({ has: this.page.locator('.person-name', { hasText: new RegExp(`^${name}( \\(you\\))?$`) }) })
  }

  async expectPresent(names: string[]): Promise<void> {
    for (const name of names) await expect(this.presentPerson(name)).toBeVisible()
    await expect(this.present.getByRole('listitem')).toHaveCount(names.length)
  }

  async connectionDetails(): Promise<Locator> {
    const details = this.page.locator('details.connection')
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await this.page.getByTestId('connection-summary').click()
    return details
  }

  async setWorkOffline(offline: boolean): Promise<void> {
    const details = await this.connectionDetails()
    await details.getByLabel('Work offline').setChecked(offline)
    await this.page.getByTestId('connection-summary').click()
  }

  /** Type at the end of the notes, as a person would (key by key). */
  async typeInNotes(text: string): Promise<void> {
    await this.notes.click()
    await this.notes.press('End')
    await this.page.keyboard.press('Control+End')
    await this.notes.pressSequentially(text)
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `tests/e2e/screenshots/${name}.png` })
  }
}
