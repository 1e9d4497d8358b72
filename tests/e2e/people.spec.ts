import { expect, test } from '@playwright/test'
import { closeAll, convening, type Facilitation } from './support/facilitation'

/** Every screen at the size the issue was tried at. */
async function atSize(people: Facilitation[], width: number, height: number): Promise<void> {
  for (const p of people) await p.page.setViewportSize({ width, height })
}

test.describe('the people in the room', () => {
  test('find a person, work through the hands queue, and hear who moved you with the way back', async ({ browser }) => {
    const people = await convening(browser, 'People', 'Fran', ['Pia', 'Pat'])
    const [fran, pia, pat] = people
    await atSize(people, 1280, 800)

    // Search filters the people here by name; nobody matching says so.
    const search = fran.people.getByRole('searchbox', { name: 'Find a person by name' })
    await search.fill('pa')
    await expect(fran.person.present.getByRole('listitem')).toHaveCount(1)
    await expect(fran.personRow('Pat')).toBeVisible()
    await search.fill('zz')
    await expect(fran.people).toContainText('Nobody here is called “zz”')
    await search.fill('')
    await fran.person.expectPresent(['Fran', 'Pia', 'Pat'])

    // One line per person; the details (where, local time) open from the keyboard.
    const row = fran.personRow('Pia')
    await row.getByRole('button', { name: /^Pia Practitioner · on Notes/ }).focus()
    await fran.page.keyboard.press('Enter')
    await expect(row.getByRole('group', { name: 'About Pia' })).toContainText('On Notes')
    await expect(row.getByTestId('fx-local-time')).toBeVisible()

    // Hands: the queue at the top of the column, in the order raised, on every screen.
    await pat.handButton.click()
    await expect(pat.handButton).toHaveText(/Lower hand \(1st\)/)
    await pia.handButton.click()
    await expect(pia.handButton).toHaveText(/Lower hand \(2nd\)/)
    for (const view of [fran, pia, pat]) await expect(view.handsQueue.getByRole('listitem')).toHaveText([/Pat/, /Pia/])
    await expect(pia.handsQueue.getByRole('button', { name: 'Lower Pat’s hand' })).toHaveCount(0)

    // Bring everyone to Climate: Pia and Pat are told who moved them, and can go back.
    await fran.goTo('Climate')
    await fran.strip.getByRole('button', { name: 'Bring everyone here' }).click()
    await pia.expectPanel('Climate')
    await expect(pia.movedNotice).toHaveText(/Fran brought everyone to Climate\.\s*Go back to Notes/)
    await expect(fran.movedNotice).toHaveCount(0)
    await expect(pia.page.getByTestId('fx-moved-region')).toHaveAttribute('aria-live', 'polite')
    await pia.person.screenshot('people-queue-notice-1280')
    await atSize([pia], 800, 600)
    await pia.person.screenshot('people-queue-notice-800')
    // Below 1280 px the People list (with the queue) is a drawer: back to the column for the rest.
    await atSize([pia], 1280, 800)
    await pia.movedNotice.getByRole('button', { name: 'Go back to Notes' }).click()
    await pia.expectPanel('Notes')
    await expect(pia.movedNotice).toHaveCount(0)
    await pat.movedNotice.getByRole('button', { name: 'Dismiss this notice' }).click()
    await expect(pat.movedNotice).toHaveCount(0)
    await pat.expectPanel('Climate')

    // The facilitator works through the queue: "Next" lowers the first hand.
    await fran.people.getByRole('button', { name: 'Next: lower Pat’s hand' }).click()
    await expect(pat.handButton).toHaveText(/Raise hand/)
    await expect(pia.handButton).toHaveText(/Lower hand \(1st\)/)
    await expect(pia.handsQueue.getByRole('listitem')).toHaveText([/Pia/])
    await fran.handsQueue.getByRole('button', { name: 'Lower Pia’s hand', exact: true }).click()
    await expect(pia.handButton).toHaveText(/Raise hand/)
    await expect(pia.handsQueue).toHaveCount(0)
    await closeAll(people)
  })

  test('while breakouts run, people are grouped by breakout; "Manage breakouts" opens the Breakouts tab', async ({ browser }) => {
    const people = await convening(browser, 'Groups', 'Fran', ['Pia', 'Pat'])
    const [fran, pia] = people
    await atSize(people, 1280, 800)
    await fran.openAgendaTab('Run of show')
    await fran.page.getByRole('button', { name: 'Templates' }).click()
    await fran.page.getByRole('dialog', { name: 'Agenda templates' }).getByRole('button', { name: 'Use Weekly practice convening' }).click()
    await fran.page.getByRole('button', { name: 'Start the convening' }).click()
    // Starting a segment moves everyone, and says so, with the way back.
    await expect(pia.movedNotice).toHaveText(/Fran started “Arrive and check in” and brought everyone to Conversation\.\s*Go back to Notes/)
    await expect(fran.movedNotice).toContainText('You started “Arrive and check in”')
    await fran.movedNotice.getByRole('button', { name: 'Dismiss this notice' }).click()
    await fran.startTimer('Pair talk', 10)
    const setup = await fran.breakoutsByHand(1, { Pia: 'Group 1', Pat: 'Group 1' })
    await setup.getByRole('button', { name: 'Open breakouts' }).click()
    await expect(fran.page.getByRole('heading', { name: /Breakouts are open: 1 group \(/ })).toBeVisible()

    await fran.goTo('Notes')
    await expect(fran.page.getByTestId('fx-breakout')).toContainText('Breakouts: 1 group, 2 people')
    await expect(fran.people.getByRole('list', { name: 'People in Group 1' }).getByRole('listitem')).toHaveCount(2)
    await expect(fran.people.getByRole('list', { name: 'People here now, not in a group' }).getByRole('listitem')).toHaveText([/Fran \(you\)/])
    await expect(pia.people.getByRole('list', { name: 'People in Group 1' })).toContainText('Pat')
    await fran.person.screenshot('people-breakout-header-1280')
    const strip = await fran.strip.boundingBox()
    // The facilitator's header stays short with a segment, a timer and breakouts running (it was about 265 px).
    expect(strip?.height ?? 0).toBeLessThan(130)

    await fran.strip.getByRole('button', { name: 'Manage breakouts' }).click()
    await fran.expectPanel('Agenda')
    await expect(fran.page.getByRole('tab', { name: 'Breakouts' })).toHaveAttribute('aria-selected', 'true')
    await expect(fran.page.getByRole('list', { name: 'Groups' })).toContainText('Pia')
    await closeAll(people)
  })
})
