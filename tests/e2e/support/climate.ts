import { expect, type Locator, type Page } from '@playwright/test'
import type { Person } from './convene'

/** The climate panel as one person sees it, driven by labels and roles. */
export class ClimateView {
  constructor(readonly person: Person) {}

  get page(): Page {
    return this.person.page
  }

  /** Opens the panel on a screen the size of a projector's. */
  async open(): Promise<void> {
    await this.page.setViewportSize({ width: 1600, height: 1000 })
    await this.page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Climate' }).click()
    await expect(this.warming).toHaveText(/^\+\d\.\d °C$/)
  }

  async tab(name: 'Explore' | 'Scenarios' | 'World Climate' | 'Model guide'): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true')
  }

  get warming(): Locator {
    return this.page.getByTestId('climate-warming')
  }

  lever(group: string, label: string): Locator {
    return this.page.getByRole('group', { name: group }).getByRole('slider', { name: label })
  }

  leverBox(group: string, label: string): Locator {
    return this.page.getByRole('group', { name: group }).locator('.lever').filter({ has: this.page.getByRole('slider', { name: label }) })
  }

  /** A chart's summary sentence (the text twin of its canvas). */
  chartSummary(title: string): Locator {
    return this.page.getByRole('figure', { name: title }).locator('.chart-summary')
  }

  /** A fingerprint of a chart's canvas pixels, to see that it was redrawn. */
  async chartPixels(title: string): Promise<string> {
    return this.page.getByRole('figure', { name: title }).locator('canvas').evaluate((canvas) => {
      const data = (canvas as HTMLCanvasElement).toDataURL()
      let hash = 0
      for (let i = 0; i < data.length; i++) hash = (hash * 31 + data.charCodeAt(i)) | 0
      return `${data.length}:${hash}`
    })
  }

  /** Moves a lever with the keyboard, as a person without a mouse does. */
  async press(group: string, label: string, key: string, times = 1): Promise<void> {
    const slider = this.lever(group, label)
    await slider.focus()
    for (let i = 0; i < times; i++) await slider.press(key)
  }

  get history(): Locator {
    return this.page.getByRole('list', { name: 'Recent lever changes, newest first' })
  }

  pledgeField(label: string): Locator {
    return this.page.getByRole('form', { name: /^Pledge of / }).getByLabel(label, { exact: false })
  }

  async fillPledge(values: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.pledgeField(label).fill(value)
  }
}
