import { expect, test } from '@playwright/test'
import { Person } from './support/convene'
import { DiagramStudio } from './support/diagram'
import { openHarvest } from './support/harvest'
import { VoteCard } from './support/votes'

test.use({ viewport: { width: 1440, height: 900 } })

test.describe('dot votes', () => {
  test('a facilitator puts selected variables to a named vote; two vote by keyboard, a late joiner votes, everyone sees the same ranked results with ties; the harvest holds it', async ({ browser }) => {
    const fran = await Person.open(browser, 'Fran')
    await fran.createConvening('Dot vote circle')
    const link = await fran.inviteLink()
    const pia = await Person.open(browser, 'Pia')
    await pia.joinByLink(link)
    await fran.expectPresent(['Fran', 'Pia'])

    // Four variables, all selected, then "Vote on these" from the selection bar.
    const studio = new DiagramStudio(fran)
    await studio.open()
    await studio.startFirst()
    await studio.canvas.focus()
    await studio.pasteText('Workload\nTrust\nTime to reflect\nFunding')
    await expect(studio.variable('Funding')).toBeVisible()
    await fran.page.keyboard.press('Control+a')
    await fran.page.getByRole('group', { name: 'Selection' }).getByRole('button', { name: 'Vote on these' }).click()
    const dialog = fran.page.getByRole('dialog', { name: 'Start a vote' })
    const question = 'Where do we act first?'
    await dialog.getByLabel('Question').fill(question)
    await expect(dialog.getByRole('checkbox', { checked: true })).toHaveCount(4)
    await dialog.getByLabel('Dots per person').fill('2')
    await expect(dialog.getByLabel('Several dots may go on one item')).not.toBeChecked()
    await expect(dialog.getByRole('radio', { name: 'Named' })).toBeChecked()
    await expect(dialog.getByRole('radio', { name: 'At the end' })).toBeChecked()
    // What this room enforces, said next to the settings (roles are signed in a new convening).
    await expect(dialog).toContainText('each ballot is signed with its voter’s own key')
    await fran.screenshot('votes-start')
    await dialog.getByRole('button', { name: 'Start the vote' }).click()
    await expect(dialog).toBeHidden()

    const [host, first] = [new VoteCard(fran), new VoteCard(pia)]
    for (const card of [host, first]) {
      await expect(card.card.getByRole('heading', { name: question })).toBeVisible()
      await card.expectLeft('2 of 2 dots left')
    }

    // Both vote by keyboard alone: focus a dot's button, Enter; Tab to the next item's buttons.
    // The items are in the order of their names: Funding, Time to reflect, Trust, Workload.
    const votes = [
      [host, 'Trust', 2],
      [first, 'Time to reflect', 4],
    ] as const
    for (const [card, firstChoice, tabs] of votes) {
      await card.press(card.add(firstChoice))
      await card.expectLeft('1 of 2 dots left')
      // One dot per item: the same button again is refused, and says why.
      await card.page.keyboard.press('Enter')
      await expect(card.card.getByRole('status').filter({ hasText: 'One dot per item in this vote.' })).toBeVisible()
      for (let i = 0; i < tabs; i++) await card.page.keyboard.press('Tab')
      await expect(card.add('Workload')).toBeFocused()
      await card.page.keyboard.press('Space')
      await card.expectLeft('0 of 2 dots left')
    }
    for (const card of [host, first]) {
      await expect(card.card.getByTestId('vote-voted')).toHaveText('2 people have voted · the tally shows when the vote ends')
    }

    // A late joiner, in a browser opened after the vote started, still votes.
    const lee = await Person.open(browser, 'Lee')
    await lee.joinByLink(link)
    const late = new VoteCard(lee)
    await expect(late.card.getByRole('heading', { name: question })).toBeVisible()
    await late.add('Trust').click()
    await late.add('Funding').click()
    await late.expectLeft('0 of 2 dots left')
    await expect(host.card.getByTestId('vote-voted')).toHaveText('3 people have voted · the tally shows when the vote ends')
    await expect(first.card.getByRole('list', { name: /^Results/ })).toHaveCount(0)
    await first.card.screenshot({ path: 'tests/e2e/screenshots/votes-card.png' })
    await first.screenshot('voting-page')

    await fran.page.getByRole('button', { name: 'End vote' }).click()
    const ranked = [/^1Trust\s*tied\s*2 dots\s*Fran, Lee/, /^1Workload\s*tied\s*2 dots\s*Fran, Pia/, /^3Funding\s*tied\s*1 dot\s*Lee/, /^3Time to reflect\s*tied\s*1 dot\s*Pia/]
    for (const card of [host, first, late]) {
      await expect(card.results(question)).toHaveText(ranked)
      await expect(card.card.getByTestId('vote-summary')).toHaveText('Tied for most dots: Trust, Workload · 3 people voted, 6 dots')
      await expect(card.add('Trust')).toHaveCount(0)
    }
    await first.card.screenshot({ path: 'tests/e2e/screenshots/votes-results-card.png' })
    await host.screenshot('results-page')

    // Closed by the facilitator: off every screen, still in Agenda → Votes.
    await host.card.getByRole('button', { name: 'Close results' }).click()
    await expect(first.card).toHaveCount(0)
    await pia.page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Agenda' }).click()
    await pia.page.getByRole('tab', { name: 'Votes' }).click()
    const earlier = pia.page.getByRole('list', { name: 'Votes, newest first' }).getByRole('listitem').filter({ hasText: question })
    await earlier.getByText(question).click()
    await expect(earlier.getByRole('list', { name: `Results of “${question}”, most dots first` }).getByRole('listitem')).toHaveText(ranked)

    // The harvest holds the question, the settings and the ranked counts.
    await openHarvest(fran)
    const preview = fran.page.getByRole('region', { name: 'Preview of the Markdown' })
    await expect(preview).toContainText('## Votes')
    await expect(preview).toContainText(`### ${question}`)
    await expect(preview).toContainText('- **Dots:** 2 dots per person, at most one per item')
    await expect(preview).toContainText('- **Who voted:** Fran, Lee, Pia')
    await expect(preview).toContainText('| 1 (tied) | Trust | 2 | 33% | Fran, Lee |')
    await expect(preview).toContainText('| 3 (tied) | Funding | 1 | 17% | Lee |')
    await Promise.all([fran, pia, lee].map((p) => p.close()))
  })
})
