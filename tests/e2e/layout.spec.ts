import { expect, test, type Locator, type Page } from '@playwright/test'
import { closeAll, convening, type Facilitation } from './support/facilitation'

/**
 * The convening screen at four widths (issue 18), with what makes a facilitator's
 * header grow running: a segment, a timer and breakouts. Every panel is photographed at
 * every width (tests/e2e/screenshots/layout-<panel>-<width>.png); what a person would
 * notice is asserted: no sideways scrolling, a one-line header and run of show, a
 * canvas with real room at 800x600, focus mode in and out by key and button, the
 * People drawer by keyboard, a People column that resizes by keyboard.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 800, height: 600 },
]
const PANELS = ['Agenda', 'Notes', 'Diagrams', 'Conversation', 'Climate', 'Harvest']
/** One line of the header or of the run of show (a second line would be about 90 px). */
const ONE_LINE = 64

test.describe('screen layout', () => {
  test('every panel at every width with a segment, a timer and breakouts running; focus mode; the People drawer', async ({ browser }) => {
    const people = await convening(browser, 'Layout at four widths', 'Fran', ['Pia'])
    const [fran, pia] = people
    await fran.openAgendaTab('Run of show')
    await fran.page.getByRole('button', { name: 'Templates' }).click()
    await fran.page.getByRole('dialog', { name: 'Agenda templates' }).getByRole('button', { name: 'Use Weekly practice convening' }).click()
    await fran.page.getByRole('button', { name: 'Start the convening' }).click()
    await expect(pia.strip.getByTestId('fx-current-segment')).toHaveText('Arrive and check in')
    await fran.startTimer('Silent writing', 5)
    const setup = await fran.breakoutsByHand(1, { Pia: 'Group 1' })
    await setup.getByRole('button', { name: 'Open breakouts' }).click()
    await expect(pia.page.getByTestId('fx-my-group')).toHaveText('Group 1')
    await expect(fran.strip.getByTestId('fx-breakout')).toContainText('Breakouts: 1 group, 1 person')

    for (const size of SIZES) {
      await fran.page.setViewportSize(size)
      for (const panel of PANELS) {
        await fran.goTo(panel)
        await expectTidy(fran, `${panel} at ${size.width}`)
        await shoot(fran.page, `layout-${panel.toLowerCase()}-${size.width}`)
      }
      const canvas = fran.page.getByRole('region', { name: /^Canvas of/ })
      await fran.goTo('Diagrams')
      const room = await box(canvas)
      if (size.width === 800) {
        // The map keeps real room on a small laptop (it used to collapse to 2 px).
        expect(room.width).toBeGreaterThan(480)
        expect(room.height).toBeGreaterThan(200)
      }

      // Focus mode by its key, on the canvas: the navigation and the People fold away, the canvas takes the window.
      await canvas.focus()
      await fran.page.keyboard.press('f')
      await expect(fran.nav).toBeHidden()
      await expect(fran.people).toBeHidden()
      await expect(fran.page.getByTestId('focus-said')).toContainText('Focus mode')
      const focused = await box(canvas)
      expect(focused.width).toBeGreaterThan(size.width * 0.85)
      expect(focused.height).toBeGreaterThan(size.height * 0.45)
      await expectTidy(fran, `focus mode at ${size.width}`)
      await shoot(fran.page, `layout-focus-${size.width}`)
      // ...and back by the button, which says it is pressed.
      const leave = fran.strip.getByRole('button', { name: 'Focus mode' })
      await expect(leave).toHaveAttribute('aria-pressed', 'true')
      await leave.click()
      await expect(fran.nav).toBeVisible()
      await expect(fran.page.getByRole('banner').getByRole('button', { name: 'Focus mode' })).toBeFocused()

      // The running breakouts' status, where a facilitator manages them.
      await fran.strip.getByRole('button', { name: 'Manage breakouts' }).click()
      await expect(fran.page.getByRole('tab', { name: 'Breakouts' })).toHaveAttribute('aria-selected', 'true')
      const status = fran.page.getByRole('heading', { name: /^Breakouts are open: 1 group \(/ })
      expect((await box(status)).height, 'the breakouts heading keeps to a line or two').toBeLessThan(80)
      await shoot(fran.page, `layout-breakouts-${size.width}`)

      await pia.page.setViewportSize(size)
      await pia.goTo('Diagrams')
      await shoot(pia.page, `layout-member-${size.width}`)
    }

    // Focus mode in by the button and out by the key.
    await fran.goTo('Diagrams')
    await fran.page.getByRole('banner').getByRole('button', { name: 'Focus mode' }).click()
    await expect(fran.nav).toBeHidden()
    await fran.page.getByRole('region', { name: /^Canvas of/ }).focus()
    await fran.page.keyboard.press('f')
    await expect(fran.nav).toBeVisible()

    // Below 1280 px the People list is a drawer: opened and closed by keyboard, focus back on its button.
    await fran.page.setViewportSize({ width: 1024, height: 768 })
    await expect(fran.people).toBeHidden()
    const opener = fran.page.getByTestId('people-button')
    await opener.focus()
    await fran.page.keyboard.press('Enter')
    await expect(opener).toHaveAttribute('aria-expanded', 'true')
    await expect(fran.people).toBeVisible()
    await expect(fran.people.getByRole('button', { name: 'Close the People list' })).toBeFocused()
    await shoot(fran.page, 'layout-people-drawer-1024')
    await fran.page.keyboard.press('Escape')
    await expect(fran.people).toBeHidden()
    await expect(opener).toBeFocused()
    await expect(opener).toHaveAttribute('aria-expanded', 'false')

    // From 1280 px it is a column that widens by keyboard and folds away.
    await fran.page.setViewportSize({ width: 1440, height: 900 })
    const splitter = fran.page.getByRole('separator', { name: 'Width of the People column' })
    const before = Number(await splitter.getAttribute('aria-valuenow'))
    const wide = (await box(fran.people)).width
    await splitter.focus()
    await fran.page.keyboard.press('ArrowLeft')
    await fran.page.keyboard.press('ArrowLeft')
    await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 32))
    await expect.poll(async () => (await box(fran.people)).width).toBeGreaterThan(wide + 20)
    await fran.people.getByRole('button', { name: 'Fold the People column away' }).click()
    await expect(fran.people).toBeHidden()
    const show = fran.page.getByRole('button', { name: 'Show people' })
    await expect(show).toHaveAttribute('aria-expanded', 'false')
    await show.click()
    await expect(fran.people).toBeVisible()
    await closeAll(people)
  })
})

/** No sideways scrolling, the header and the run of show on one line each. */
async function expectTidy(view: Facilitation, where: string): Promise<void> {
  const page = view.page
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `sideways scrolling: ${where}`).toBeLessThanOrEqual(0)
  const header = page.getByRole('banner')
  if (await header.isVisible()) expect((await box(header)).height, `header: ${where}`).toBeLessThan(ONE_LINE)
  expect((await box(view.strip.getByTestId('fx-strip-row'))).height, `run of show: ${where}`).toBeLessThan(ONE_LINE)
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  expect(found).not.toBeNull()
  return found!
}

async function shoot(page: Page, name: string): Promise<void> {
  // Two frames, so a layout that moves controls into More is on screen before the picture.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png` })
}
