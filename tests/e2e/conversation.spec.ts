import { readFileSync } from 'node:fs'
import { expect, test, type Browser } from '@playwright/test'
import { Person } from './support/convene'
import { deckToFile, parseDeckFile } from '../../shared/conversation/deckFile'
import { ConversationView, storedUpdatesText } from './support/conversation'
import { confirmRole } from './support/facilitation'

async function circle(browser: Browser, title: string, others: [string, string][]): Promise<{ people: Person[]; views: ConversationView[]; link: string }> {
  const fran = await Person.open(browser, 'Fran')
  await fran.createConvening(title)
  const link = await fran.inviteLink()
  const people = [fran]
  for (const [name, role] of others) {
    const person = await Person.open(browser, name)
    await person.joinByLink(link, role)
    people.push(person)
  }
  const names = people.map((p) => p.name)
  for (const person of people) await person.expectPresent(names)
  const views = people.map((p) => new ConversationView(p))
  for (const view of views) await view.open()
  return { people, views, link }
}

test.describe('reflective conversation', () => {
  test('a facilitator and two practitioners run a round, then a written-response prompt', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Check-in circle', [['Pia', 'Practitioner'], ['Pat', 'Practitioner']])
    const [fran, pia, pat] = views
    await expect(pia.prompt).toHaveText('Waiting for the facilitator to choose a prompt.')
    await expect(pia.strip).toHaveCount(0)

    await fran.useDeck('Check-in')
    for (const view of views) await expect(view.prompt).toContainText('In a word or two: how are you arriving today?')
    await expect(pia.page.getByText('The facilitator will start the round in a moment.')).toBeVisible()
    await fran.screenshot('round-setup')

    await fran.startRound('In the order I set')
    for (const view of [pia, pat]) await expect(view.nowSpeaking).toContainText('Now speaking: Fran')
    await expect(fran.page.getByText('It is your turn. Take your time.')).toBeVisible()
    await fran.done()
    await expect(pia.page.getByText('It is your turn. Take your time.')).toBeVisible()
    await expect(pat.nowSpeaking).toContainText('Now speaking: Pia')
    // Passing is allowed before one's turn.
    await pat.page.getByRole('button', { name: 'I’ll pass this round' }).click()
    for (const view of views) await view.expectOrder([['Fran', 'Spoke'], ['Pia', 'Speaking now'], ['Pat', 'Passed']])
    await pia.screenshot('round-practitioner')
    await pia.done()
    for (const view of views) await expect(view.nowSpeaking).toContainText('Everyone here has had a turn: 2 spoke, 1 passed.')
    await fran.screenshot('round-complete')

    // The next prompt, as written responses, anonymous.
    await fran.next()
    for (const view of views) await expect(view.prompt).toContainText('What are you setting down for now')
    await fran.setMode('Written responses')
    await fran.setVisibility('Anonymous')
    await expect(pia.page.locator('#storage-statement')).toContainText('with no name and no id')
    await pia.respond('Setting down a long week of marking.')
    await pat.respond('The worry about my sister.')
    for (const view of views) {
      await expect(view.card('Setting down a long week of marking.')).toContainText('Anonymous')
      await expect(view.card('The worry about my sister.')).toContainText('Anonymous')
    }
    await expect(fran.card('The worry about my sister.')).not.toContainText('Pat')
    await expect(pia.page.getByRole('region', { name: 'Your responses' })).toContainText('Setting down a long week of marking.')

    // Private until revealed: sealed on Pat's computer; others' copies hold no word of it.
    const secret = 'A thought I want to keep quiet for now.'
    await fran.setVisibility('Private until revealed')
    await expect(pat.page.locator('#storage-statement')).toContainText('not even with a modified app')
    await pat.respond(secret, 'Seal and send')
    await expect(pia.board).toContainText('1 response is private until a facilitator reveals them.')
    await expect(pia.board).not.toContainText(secret)
    await expect(pat.page.getByRole('region', { name: 'Your responses' })).toContainText(secret)
    // Pia's stored copy (IndexedDB) holds the sealed record, and not its words.
    await expect.poll(async () => (await storedUpdatesText(pia.page)).text.includes('keyId')).toBe(true)
    expect((await storedUpdatesText(pia.page)).text).not.toContain('keep quiet')
    // Pat closes his window; Fran reveals; Pia is told whose responses are still to come.
    await people[2].leave()
    await fran.page.getByRole('button', { name: 'Reveal the responses to everyone' }).click()
    await fran.page.getByRole('dialog', { name: 'Reveal the private responses?' }).getByRole('button', { name: 'Reveal to everyone' }).click()
    await expect(pia.board).toContainText('Revealed, waiting for Pat: their private responses show when their app is back online.')
    await fran.screenshot('private-waiting')
    // Pat opens the convening again: his app publishes its key, and everyone reads it with his name.
    const patAgain = await people[2].comeBack()
    await patAgain.page.getByRole('list', { name: 'Convenings on this computer' }).getByRole('button', { name: /Check-in circle/ }).click()
    await expect(pia.card(secret)).toContainText('Pat')
    await expect(fran.card(secret)).toContainText('Pat')
    await expect(pia.board).not.toContainText('waiting for Pat')
    people[2] = patAgain

    // The facilitator stars and groups for the harvest; everyone sees the group.
    const card = fran.card('Setting down a long week of marking.')
    await card.getByRole('button', { name: '☆ Star for the harvest' }).click()
    await card.getByLabel('Group').selectOption({ label: 'New group…' })
    await card.getByLabel('New group name').fill('Tiredness')
    await card.getByRole('button', { name: 'Add group' }).click()
    await expect(pia.board.getByRole('region', { name: 'Tiredness' })).toContainText('Setting down a long week of marking.')
    await expect(pia.card('Setting down a long week of marking.')).toHaveClass(/cv-starred/)
    await expect(pia.card('Setting down a long week of marking.').getByLabel('Group')).toHaveCount(0)
    await fran.screenshot('written-board')
    await pia.screenshot('written-practitioner')
    await Promise.all(people.map((p) => p.close()))
  })

  test('a speaker who leaves mid-round is skipped and the round moves on', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Leaving circle', [['Pia', 'Practitioner'], ['Pat', 'Practitioner']])
    const [fran, , pat] = views
    await fran.useDeck('Check-out')
    await fran.startRound('In the order I set')
    await fran.done()
    await expect(pat.nowSpeaking).toContainText('Now speaking: Pia')
    await people[1].close()
    await expect(pat.page.getByText('It is your turn. Take your time.')).toBeVisible()
    await fran.expectOrder([['Fran', 'Spoke'], ['Pia', 'Not here'], ['Pat', 'Speaking now']])
    await Promise.all([people[0].close(), people[2].close()])
  })

  test('someone joining late sees the prompt, mode and running countdown at once', async ({ browser }) => {
    const { people, views, link } = await circle(browser, 'Quiet circle', [])
    const [fran] = views
    await fran.useDeck('Creative tension')
    await expect(fran.prompt).toContainText('What do you truly want to create?')
    await fran.page.getByRole('group', { name: 'Silence timer controls' }).getByRole('button', { name: 'Start' }).click()
    await expect(fran.page.getByRole('timer')).not.toHaveAttribute('aria-label', /paused/)
    await fran.screenshot('silence-facilitator')

    const lee = await Person.open(browser, 'Lee')
    await lee.joinByLink(link)
    const late = new ConversationView(lee)
    await late.open()
    await expect(late.prompt).toContainText('What do you truly want to create?')
    await expect(lee.page.getByText('Silent reflection', { exact: true })).toBeVisible()
    await expect(lee.page.getByRole('timer')).not.toHaveAttribute('aria-label', /paused/)
    // Both screens agree within a second (the countdown was 3 minutes).
    await expect.poll(async () => Math.abs((await late.secondsLeft()) - (await fran.secondsLeft()))).toBeLessThanOrEqual(1)
    expect(await late.secondsLeft()).toBeGreaterThan(100)
    await expect(lee.page.getByRole('region', { name: 'Facilitator controls' })).toHaveCount(0)
    await late.screenshot('silence-late-joiner')

    // Reconnecting (a reload) shows it again at once.
    await lee.page.reload()
    await late.open()
    await expect(late.prompt).toContainText('What do you truly want to create?')
    await expect.poll(async () => Math.abs((await late.secondsLeft()) - (await fran.secondsLeft()))).toBeLessThanOrEqual(1)
    await Promise.all([...people, lee].map((p) => p.close()))
  })

  test('two facilitators pressing next at once end on the same prompt', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Two hands', [['Cole', 'Co-facilitator']])
    const [fran, cole] = views
    // Cole asked for co-facilitation when joining; the request counts once Fran confirms it.
    await confirmRole(people[0], 'Cole', 'Co-facilitator')
    await fran.useDeck('Ladder of inference')
    await expect(cole.prompt).toContainText('Recall a recent moment')
    await Promise.all([fran.next(), cole.next()])
    for (const view of views) await expect(view.prompt).toContainText('What exactly did you see and hear?')
    await expect(fran.page.getByRole('heading', { name: /prompt 2 of 6/ })).toBeVisible()
    await expect(cole.page.getByRole('heading', { name: /prompt 2 of 6/ })).toBeVisible()
    await Promise.all(people.map((p) => p.close()))
  })

  test('pairs and small groups: 1-2-4-All stages with groups that the facilitator can change', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Stages', [['Pia', 'Practitioner'], ['Pat', 'Practitioner'], ['Sol', 'Practitioner']])
    const [fran, pia] = views
    await fran.useDeck('Iceberg: from events')
    await fran.setMode('Pairs and small groups')
    await fran.page.getByRole('form', { name: 'Set up the stages' }).getByRole('button', { name: 'Begin the first stage' }).click()
    await expect(pia.page.getByTestId('my-group')).toHaveText('On your own, in silence.')
    await fran.page.getByRole('button', { name: 'Next stage →' }).click()
    await expect(pia.page.getByTestId('my-group')).toHaveText(/^Your group: you, (Fran|Pat|Sol)$/)
    const groups = fran.page.getByRole('region', { name: /^Groups/ })
    await expect(groups.getByRole('list', { name: /^Group \d$/ })).toHaveCount(2)
    // Move Pia into a group of her own, by keyboard-reachable select.
    await groups.getByLabel('Move Pia to').selectOption({ label: 'A new group' })
    await expect(pia.page.getByTestId('my-group')).toHaveText('Your group: you')
    await fran.screenshot('stages-facilitator')
    await pia.screenshot('stages-practitioner')
    await Promise.all(people.map((p) => p.close()))
  })

  test('a facilitator writes a deck, reorders it, keeps it in their library and uses it', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Own deck', [['Pia', 'Practitioner']])
    const [fran, pia] = views
    await fran.strip.getByRole('button', { name: 'Write a deck' }).click()
    const dialog = fran.page.getByRole('dialog', { name: 'Write a deck' })
    await dialog.getByLabel('Title').fill('Our river walk')
    await dialog.getByRole('button', { name: 'Use in this convening' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('This deck has no prompts yet. Add at least one prompt before using it.')
    await dialog.getByRole('button', { name: '+ Add a prompt' }).click()
    await dialog.getByRole('group', { name: 'Prompt 1' }).getByLabel('Words').fill('What did the river teach you?')
    await dialog.getByRole('button', { name: '+ Add a prompt' }).click()
    await dialog.getByRole('group', { name: 'Prompt 2' }).getByLabel('Words').fill('Where did you stop to listen?')
    await dialog.getByRole('button', { name: 'Move prompt 2 up' }).click()
    await expect(dialog.getByRole('group', { name: 'Prompt 1' }).getByLabel('Words')).toHaveValue('Where did you stop to listen?')
    await dialog.getByRole('button', { name: 'Save to my library' }).click()
    await expect(dialog.getByRole('status').filter({ hasText: 'Saved' })).toContainText('Saved “Our river walk” in your library')
    await fran.screenshot('deck-editor')
    await dialog.getByRole('button', { name: 'Use in this convening' }).click()
    await expect(pia.prompt).toContainText('Where did you stop to listen?')
    await fran.page.reload()
    await fran.open()
    await expect(fran.strip.getByLabel('Deck').locator('optgroup[label="My library"] option')).toHaveText(['Our river walk (2)'])
    await Promise.all(people.map((p) => p.close()))
  })

  test('a deck travels as a file: saved by one facilitator, opened by another on their own computer', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Deck files', [])
    const [fran] = views
    const box = await fran.deckBox()
    const deckSelect = box.getByLabel('Deck')
    await deckSelect.selectOption((await deckSelect.locator('option', { hasText: 'Ladder of inference' }).first().getAttribute('value')) ?? '')
    const download = fran.page.waitForEvent('download')
    await box.getByRole('button', { name: 'Save as a file' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('Ladder of inference.json')
    const saved = parseDeckFile(readFileSync(await file.path(), 'utf8'))
    expect(saved.ok && saved.deck.title).toBe('Ladder of inference')

    // Gil, another facilitator on another computer, opens a deck a colleague wrote.
    const gil = await Person.open(browser, 'Gil')
    await gil.createConvening('Gil’s circle')
    const gilView = new ConversationView(gil)
    await gilView.open()
    const river = { id: 'river-walk', title: 'Our river walk', description: 'Written by a colleague.', prompts: [{ id: 'a', text: 'What did the river teach you?' }] }
    const open = async (name: string, contents: string): Promise<void> => {
      const chooser = gil.page.waitForEvent('filechooser')
      await (await gilView.deckBox()).getByRole('button', { name: 'Open a deck file…' }).click()
      await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) })
    }
    await open('notes.json', '{"this": "is not a deck"}')
    await expect(gilView.strip.getByRole('status').filter({ hasText: 'notes.json: This file is not a Convene deck' })).toBeVisible()
    await open('Our river walk.json', deckToFile(river))
    await expect(gilView.strip.getByRole('status').filter({ hasText: 'Added “Our river walk” to your library' })).toBeVisible()
    await expect(gilView.strip.getByLabel('Deck')).toHaveValue('river-walk')
    await gilView.strip.getByRole('button', { name: 'Use this deck' }).click()
    await expect(gilView.prompt).toContainText('What did the river teach you?')
    await gilView.screenshot('deck-file-opened')
    await Promise.all([...people, gil].map((p) => p.close()))
  })

  test('the private journal stays on its owner’s computer and never reaches another peer', async ({ browser }) => {
    const { people, views } = await circle(browser, 'Private pages', [['Pia', 'Practitioner']])
    const [fran, pia] = views
    await fran.useDeck('Left-hand column')
    await fran.setMode('Written responses')
    const secret = 'What I did not say to my head teacher 7319'
    const journal = await pia.openJournal()
    await expect(journal).toContainText('Only on this computer. Never sent to anyone')
    await journal.getByLabel('My journal entry').fill(secret)
    await expect(journal.getByRole('status')).toHaveText('Saved on this computer.')
    await pia.screenshot('journal')
    // A response sent after the journal entry reaches Fran: the peers are in sync.
    await pia.respond('A shared marker 4402')
    await expect(fran.card('A shared marker 4402')).toBeVisible()

    await expect.poll(async () => (await storedUpdatesText(fran.page)).text.includes('A shared marker 4402')).toBe(true)
    const franStore = await storedUpdatesText(fran.page)
    expect(franStore.text).not.toContain('7319')
    expect(franStore.journalRows).toBe(0)
    await expect(fran.page.locator('body')).not.toContainText('7319')
    // Not even the writer's own copy of the shared document holds it.
    const piaStore = await storedUpdatesText(pia.page)
    expect(piaStore.text).toContain('A shared marker 4402')
    expect(piaStore.text).not.toContain('7319')
    expect(piaStore.journalRows).toBe(1)

    // Its owner can download it, and it survives a reload.
    const download = pia.page.waitForEvent('download')
    await journal.getByRole('button', { name: 'Download my journal' }).click()
    const file = readFileSync(await (await download).path(), 'utf8')
    expect(file).toContain(secret)
    expect(file).toContain('# My journal: Private pages')
    await pia.page.reload()
    await pia.open()
    const again = await pia.openJournal()
    await expect(again.getByLabel('My journal entry')).toHaveValue(secret)
    await Promise.all(people.map((p) => p.close()))
  })
})
