import { expect, type Locator, type Page } from '@playwright/test'
import type { Person } from './convene'

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The diagrams studio as one person uses it, by roles and labels. Also collects
 * console messages, so a test can check that the strict CSP blocked nothing.
 */
export class DiagramStudio {
  readonly problems: string[] = []

  constructor(readonly person: Person) {
    person.page.on('console', (message) => {
      const text = message.text()
      if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(text)) this.problems.push(text)
    })
    person.page.on('pageerror', (error) => this.problems.push(error.message))
  }

  get page(): Page {
    return this.person.page
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Diagrams' }).click()
    await expect(this.page.getByRole('region', { name: 'Diagrams' })).toBeVisible()
  }

  /** From the empty studio: one click on a kind. */
  async startFirst(kind: 'Causal loop diagram' | 'Iceberg' | 'Aspirational iceberg' | 'Behaviour over time' = 'Causal loop diagram'): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${kind}`) }).click()
  }

  async newDiagram(kind: string, title: string): Promise<void> {
    await this.page.getByRole('button', { name: '+ New diagram' }).click()
    const dialog = this.page.getByRole('dialog', { name: 'New diagram' })
    await dialog.getByRole('radio', { name: new RegExp(`^${kind}`) }).check()
    await dialog.getByLabel('Title').fill(title)
    await dialog.getByRole('button', { name: 'Create' }).click()
    await expect(this.tab(title)).toHaveAttribute('aria-selected', 'true')
  }

  tab(title: string): Locator {
    return this.page.getByRole('tab', { name: new RegExp(`^${escape(title)}`) })
  }

  get canvas(): Locator {
    return this.page.getByRole('region', { name: /^Canvas of/ })
  }

  variable(label: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Variable: ${escape(label)}, \\d+ links?(, locked)?$`) })
  }

  link(from: string, to: string): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^${escape(from)} (increases|decreases|affects) ${escape(to)}`) })
  }

  get loops(): Locator {
    return this.page.getByRole('list', { name: 'Loops, shortest first' })
  }

  loopName(number: string): Locator {
    return this.page.getByRole('textbox', { name: `Name of loop ${number}` })
  }

  get notice(): Locator {
    return this.page.getByTestId('diagram-notice')
  }

  /** Double-click the canvas at a spot (fractions of its size) and name the new variable. */
  async addVariableAt(label: string, fx: number, fy: number): Promise<void> {
    const box = (await this.canvas.boundingBox())!
    await this.page.mouse.dblclick(box.x + box.width * fx, box.y + box.height * fy)
    const field = this.page.getByRole('textbox', { name: 'Name of the new variable' })
    await field.fill(label)
    await field.press('Enter')
    await expect(this.variable(label)).toBeVisible()
  }

  /** Drag from a variable's link handle onto another variable. */
  async drawLink(from: string, to: string): Promise<void> {
    const source = this.variable(from)
    await source.hover()
    const handle = source.locator('.dg-variable-source')
    const a = (await handle.boundingBox())!
    const b = (await this.variable(to).boundingBox())!
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 })
    await this.page.mouse.up()
    await expect(this.link(from, to)).toBeAttached()
  }

  async dragVariable(label: string, dx: number, dy: number): Promise<void> {
    const b = (await this.variable(label).boundingBox())!
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2)
    await this.page.mouse.down()
    await this.page.mouse.move(b.x + b.width / 2 + dx, b.y + b.height / 2 + dy, { steps: 15 })
    await this.page.mouse.up()
  }

  /** Paste text as the system clipboard would deliver it (the canvas must have focus). */
  async pasteText(text: string): Promise<void> {
    await this.page.evaluate((value) => {
      const data = new DataTransfer()
      data.setData('text/plain', value)
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, text)
  }

  /** Copy the selection as the system clipboard would receive it. */
  async copySelection(): Promise<string> {
    return this.page.evaluate(() => {
      const data = new DataTransfer()
      document.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }))
      return data.getData('text/plain')
    })
  }

  /** Flow position of a variable (centre), read from its node. */
  async position(label: string): Promise<{ x: number; y: number }> {
    return this.variable(label).evaluate((el) => {
      const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((el as HTMLElement).style.transform)
      return { x: Number(match?.[1]), y: Number(match?.[2]) }
    })
  }

  expectNoProblems(): void {
    expect(this.problems.filter((p) => !/OperationError|WebSocket|ERR_CONNECTION/i.test(p))).toEqual([])
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `tests/e2e/screenshots/diagram-${name}.png` })
  }
}
