import { expect, test } from '@playwright/test'
import { Person } from './support/convene'
import { ConversationView } from './support/conversation'
import { openHarvest } from './support/harvest'

test.describe('polls', () => {
  test('a facilitator runs a poll revealed at the end, a live word cloud and a live scale with two people; the harvest holds them', async ({ browser }) => {
    const fran = await Person.open(browser, 'Fran')
    await fran.createConvening('Poll circle')
    const link = await fran.inviteLink()
    const [pia, pat] = await Promise.all(['Pia', 'Pat'].map((name) => Person.open(browser, name)))
    await Promise.all([pia.joinByLink(link), pat.joinByLink(link)])
    const people = [fran, pia, pat]
    for (const person of people) await person.expectPresent(['Fran', 'Pia', 'Pat'])
    const views = people.map((p) => new ConversationView(p))
    for (const view of views) await view.open()
    const [host, first, second] = views

    await host.openPolls()
    const question = 'Where shall we meet next time?'
    await host.createPoll({ question, kind: 'Multiple choice', options: ['Lisbon', 'Nairobi', 'Online'], results: 'Revealed at the end' })
    // People on the prompt see that a poll is open.
    await expect(first.page.getByRole('tab', { name: /^Polls/ })).toContainText('1 open')
    for (const view of [first, second]) await view.openPolls()

    // Both answer by keyboard alone: arrow keys pick, Tab reaches the button, Enter sends.
    for (const [view, presses] of [[first, ['ArrowDown']], [second, ['Space', 'ArrowDown']]] as const) {
      const poll = view.poll(question)
      await poll.getByRole('radio', { name: 'Lisbon' }).focus()
      for (const key of presses) await view.page.keyboard.press(key)
      await expect(poll.getByRole('radio', { name: 'Nairobi' })).toBeChecked()
      await view.page.keyboard.press('Tab')
      await expect(poll.getByRole('button', { name: 'Send answer' })).toBeFocused()
      await view.page.keyboard.press('Enter')
      await expect(poll.getByRole('status').filter({ hasText: 'Your answer is in: Nairobi.' })).toBeVisible()
    }
    for (const view of views) {
      await expect(view.poll(question).getByTestId('poll-answered')).toHaveText('2 answered')
      await expect(view.poll(question)).toContainText('The results show to everyone when a facilitator reveals them.')
      await expect(view.poll(question).getByRole('table')).toHaveCount(0)
    }
    await first.screenshot('answered', 'polls')
    await host.screenshot('before-reveal', 'polls')

    await host.poll(question).getByRole('button', { name: 'Reveal the results to everyone' }).click()
    for (const view of views) {
      await expect(view.pollRows(question).filter({ hasText: 'Nairobi' })).toHaveText(/Nairobi\s*most chosen\s*2\s*100%/)
      await expect(view.pollRows(question).filter({ hasText: 'Lisbon' })).toHaveText(/Lisbon\s*0\s*0%/)
      await expect(view.poll(question).getByTestId('poll-summary')).toHaveText('Most chosen: Nairobi · 2 people answered')
    }
    await host.poll(question).getByRole('button', { name: 'Close the poll' }).click()
    await expect(second.poll(question).getByRole('form', { name: 'Answer the poll' })).toHaveCount(0)
    await second.screenshot('revealed', 'polls')

    // A live, anonymous word cloud.
    const words = 'One word for how you arrive'
    await host.createPoll({ question: words, kind: 'Words (a word cloud)', results: 'Live', anonymous: true })
    for (const [view, given] of [[first, ['Hopeful', 'tired']], [second, [' hopeful ']]] as const) {
      const poll = view.poll(words)
      await expect(poll).toContainText('with no name and no id')
      for (const [i, word] of given.entries()) await poll.getByLabel(`Word ${i + 1}`).fill(word)
      await poll.getByLabel(`Word ${given.length}`).press('Enter')
      await expect(poll.getByRole('status').filter({ hasText: `Your answer is in: ${given.map((w) => w.trim().toLowerCase()).join(', ')}.` })).toBeVisible()
    }
    for (const view of views) {
      const cloud = view.poll(words).getByRole('list', { name: /^Word cloud/ })
      await expect(cloud.getByRole('listitem')).toHaveText(['hopeful2, 2 people', 'tired1, 1 person'])
    }
    await host.screenshot('cloud', 'polls')

    // A live scale, 1 to 5: the distribution shows the median on every screen.
    const scale = 'How full is your week?'
    await host.createPoll({ question: scale, kind: 'Scale', results: 'Live' })
    for (const [view, value] of [[first, '2'], [second, '4']] as const) {
      const poll = view.poll(scale)
      await poll.getByRole('radio', { name: value, exact: true }).check()
      await poll.getByRole('button', { name: 'Send answer' }).click()
      await expect(poll.getByRole('status').filter({ hasText: `Your answer is in: ${value}.` })).toBeVisible()
    }
    for (const view of views) await expect(view.poll(scale).getByTestId('poll-summary')).toHaveText('Median 3 · 2 people answered')
    await host.screenshot('scale', 'polls')

    // The harvest holds the polls with their results, and names nobody in the anonymous one.
    await openHarvest(fran)
    const preview = fran.page.getByRole('region', { name: 'Preview of the Markdown' })
    await expect(preview).toContainText('## Polls')
    await expect(preview).toContainText(`### ${question}`)
    await expect(preview).toContainText('| Nairobi (most chosen) | 2 | 100% |')
    await expect(preview).toContainText('- **Who answered:** Pat, Pia')
    await expect(preview).toContainText('| hopeful | 2 |')
    await expect(preview).toContainText('- **Answers:** Anonymous (nobody is named)')
    await expect(preview).toContainText(`### ${scale}`)
    await expect(preview).toContainText('Median: 3')
    await Promise.all(people.map((p) => p.close()))
  })
})
