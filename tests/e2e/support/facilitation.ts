import { expect, type Browser, type Locator, type Page } from '@playwright/test'
import { Person } from './convene'

/** A person in a convening, seen through the run of show: the strip, the Agenda panel, the People list. */
export class Facilitation {
  constructor(readonly person: Person) {}

  get page(): Page {
    return this.person.page
  }

  get strip(): Locator {
    return this.page.getByRole('region', { name: 'Run of show' })
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Convening panels' })
  }

  async goTo(panel: string): Promise<void> {
    await this.nav.getByRole('button', { name: panel, exact: true }).click()
    await this.expectPanel(panel)
  }

  async expectPanel(panel: string): Promise<void> {
    await expect(this.nav.getByRole('button', { name: panel, exact: true })).toHaveAttribute('aria-current', 'page')
  }

  async openAgendaTab(tab: 'Run of show' | 'Breakouts' | 'Timers' | 'Time zones' | 'Roles'): Promise<void> {
    await this.goTo('Agenda')
    await this.page.getByRole('tablist', { name: 'Agenda sections' }).getByRole('tab', { name: tab }).click()
  }

  get followBanner(): Locator {
    return this.page.getByTestId('fx-follow-banner')
  }

  // ---- timers ----

  async startTimer(label: string, minutes: number, who: 'Everyone' | 'Facilitators only' = 'Everyone'): Promise<void> {
    await this.openAgendaTab('Timers')
    const form = this.page.getByRole('form', { name: 'New timer' })
    await form.getByLabel('Timer for').fill(label)
    await form.getByLabel('Minutes').fill(String(minutes))
    await form.getByLabel('Who sees it').selectOption({ label: who })
    await form.getByRole('button', { name: 'Start timer' }).click()
  }

  timerChip(label: string): Locator {
    return this.strip.locator(`[data-testid="fx-timer"][data-label="${label}"]`)
  }

  /** Seconds left on a strip timer, as the screen shows them ("4:32" is 272). */
  async secondsLeft(label: string): Promise<number> {
    const text = (await this.timerChip(label).getByTestId('fx-countdown').innerText()).trim().split(/\s/)[0]
    const parts = text.split(':').map(Number)
    return parts.reduce((total, part) => total * 60 + part, 0)
  }

  // ---- hands ----

  get handButton(): Locator {
    return this.strip.getByRole('button', { name: /Raise hand|Lower hand/ })
  }

  /** Names in the queue of raised hands, in order ([] when no hand is up). */
  async hands(): Promise<string[]> {
    const count = this.strip.getByTestId('fx-hands-count')
    if ((await count.count()) === 0) return []
    const details = count.locator('xpath=..')
    if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await count.click()
    const items = await details.getByRole('list', { name: 'Raised hands, in order' }).getByRole('listitem').allInnerTexts()
    await count.click()
    return items.map((t) => t.replace(/\s*Lower.*$/s, '').replace(' (you)', '').trim())
  }

  async lowerHandOf(name: string): Promise<void> {
    const count = this.strip.getByTestId('fx-hands-count')
    await count.click()
    await count.locator('xpath=..').getByRole('button', { name: `Lower ${name}’s hand` }).click()
  }

  // ---- breakouts ----

  /** Agenda → Breakouts, groups formed by hand: the setup form, filled but not yet opened. */
  async breakoutsByHand(groups: number, members: Record<string, string>): Promise<Locator> {
    await this.openAgendaTab('Breakouts')
    const setup = this.page.getByRole('form', { name: 'Set up breakouts' })
    await setup.getByLabel('By hand').check()
    await setup.getByLabel('Number of groups').fill(String(groups))
    for (const [name, group] of Object.entries(members)) await setup.getByLabel(name, { exact: true }).selectOption({ label: group })
    return setup
  }

  // ---- people and roles ----

  personRow(name: string): Locator {
    return this.person.presentPerson(name)
  }

  /** A row of the People column with its details open (where they are, local time, Follow, role). */
  async personDetails(name: string): Promise<Locator> {
    const row = this.personRow(name)
    const toggle = row.getByRole('button', { expanded: false })
    if ((await toggle.count()) > 0) await toggle.click()
    return row.getByRole('group', { name: `About ${name}` })
  }

  get people(): Locator {
    return this.page.getByRole('complementary', { name: 'People' })
  }

  /** The hands queue at the top of the People column, names in order. */
  get handsQueue(): Locator {
    return this.people.getByRole('list', { name: 'Hands up, in order' })
  }

  /** The notice after a facilitator moved this person's screen. */
  get movedNotice(): Locator {
    return this.page.getByTestId('fx-moved')
  }

  async setRole(name: string, role: string): Promise<void> {
    await this.page.getByLabel(`Role of ${name}`).selectOption({ label: role })
  }
}

/**
 * A facilitator confirms the role someone asked for when they joined (until then they
 * take part as a practitioner: shared/session/roles.ts). For other features' tests
 * that need a second facilitator.
 */
export async function confirmRole(facilitator: Person, name: string, role: string): Promise<void> {
  await facilitator.presentPerson(name).getByRole('button', { name: `Confirm as ${role}` }).click()
  await expect(facilitator.presentPerson(name).getByTestId('role-text')).toHaveText(role)
}

/** A convening started by `host` (the facilitator), joined by the others as practitioners, everyone present. */
export async function convening(browser: Browser, title: string, host: string, guests: (string | [string, string])[]): Promise<Facilitation[]> {
  const first = await Person.open(browser, host)
  await first.createConvening(title)
  const link = await first.inviteLink()
  const people = [first]
  for (const guest of guests) {
    const [name, role] = typeof guest === 'string' ? [guest, 'Practitioner'] : guest
    const person = await Person.open(browser, name)
    await person.joinByLink(link, role)
    await expect(person.titleInput).toHaveValue(title)
    people.push(person)
  }
  const names = [host, ...guests.map((g) => (typeof g === 'string' ? g : g[0]))]
  for (const person of people) await person.expectPresent(names)
  return people.map((p) => new Facilitation(p))
}

/** Run in a page before the app: this machine's clock reads `shiftMs` ahead of everyone else's. */
export function shiftClockScript(shiftMs: number): string {
  return `(() => {
    const RealDate = Date
    const realNow = RealDate.now.bind(RealDate)
    class ShiftedDate extends RealDate {
      constructor(...args) { if (args.length === 0) super(realNow() + ${shiftMs}); else super(...args) }
      static now() { return realNow() + ${shiftMs} }
    }
    globalThis.Date = ShiftedDate
  })()`
}

export async function closeAll(people: Facilitation[]): Promise<void> {
  await Promise.all(people.map((p) => p.person.close()))
}
