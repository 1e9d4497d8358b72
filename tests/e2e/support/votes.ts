import { expect, type Locator, type Page } from '@playwright/test'
import type { Person } from './convene'

/** The vote card on one person's screen, driven by its labels. */
export class VoteCard {
  constructor(readonly person: Person) {}

  get page(): Page {
    return this.person.page
  }

  /** The card at the side of the convening (the dock is a region named "Vote"). */
  get card(): Locator {
    return this.page.getByRole('complementary', { name: 'Vote' }).getByRole('article')
  }

  get dotsLeft(): Locator {
    return this.card.getByTestId('vote-dots-left')
  }

  add(label: string): Locator {
    return this.card.getByRole('button', { name: `Add a dot to ${label}`, exact: true })
  }

  takeBack(label: string): Locator {
    return this.card.getByRole('button', { name: `Take a dot back from ${label}`, exact: true })
  }

  results(question: string): Locator {
    return this.card.getByRole('list', { name: `Results of “${question}”, most dots first` }).getByRole('listitem')
  }

  /** Press a dot's button from the keyboard: focus it, then Enter (or Space). */
  async press(button: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
    await button.focus()
    await this.page.keyboard.press(key)
  }

  async expectLeft(text: string): Promise<void> {
    await expect(this.dotsLeft).toContainText(text)
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `tests/e2e/screenshots/votes-${name}.png` })
  }
}
