import { expect, test } from '@playwright/test'
import { Person } from './support/convene'

test.describe('convenings sync peer to peer and persist locally', () => {
  test('two people join by invite and see each other, their edits and where they are', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.screenshot('home-empty')
    await ada.createConvening('Spring gathering')
    const link = await ada.inviteLink()
    expect(link).toMatch(/#\/join\?room=[A-Za-z0-9_-]{22}&secret=[A-Za-z0-9_-]{22}&signal=ws/)

    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(link)
    await expect(ben.titleInput).toHaveValue('Spring gathering')
    await ada.expectPresent(['Ada', 'Ben'])
    await ben.expectPresent(['Ada', 'Ben'])
    await expect(ada.presentPerson('Ben')).toContainText('Practitioner · on Notes')
    await expect(ben.page.getByTestId('peer-count')).toHaveText('1')

    await ada.typeInNotes('Check-in: one word for how you arrive.')
    await expect(ben.notes).toHaveValue('Check-in: one word for how you arrive.')
    await ben.typeInNotes(' Ben: curious.')
    await expect(ada.notes).toHaveValue('Check-in: one word for how you arrive. Ben: curious.')

    // The facilitator names the convening; a practitioner reads the title but cannot change it.
    await expect(ben.titleInput).not.toBeEditable()
    await ada.titleInput.fill('Spring gathering — day one')
    await ada.titleInput.press('Enter')
    await expect(ben.titleInput).toHaveValue('Spring gathering — day one')
    await ada.screenshot('convening-two-people')

    await ben.close()
    await expect(ada.absent.getByRole('listitem').filter({ hasText: 'Ben' })).toContainText('has left')
    await ada.expectPresent(['Ada'])
    await ada.close()
  })

  test('three people typing at once all keep their words', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Three voices')
    const link = await ada.inviteLink()
    const ben = await Person.open(browser, 'Ben')
    const cleo = await Person.open(browser, 'Cleo')
    await ben.joinByLink(link)
    await cleo.joinByLink(link)
    for (const person of [ada, ben, cleo]) await person.expectPresent(['Ada', 'Ben', 'Cleo'])

    // Each person writes on a line of their own, all at once. (Two people typing at the
    // very same spot interleave their letters however the merge is done: that is not
    // what this checks.)
    await ada.typeInNotes('Ada:\nBen:\nCleo:')
    for (const person of [ben, cleo]) await expect(person.notes).toHaveValue('Ada:\nBen:\nCleo:')
    const typeAfter = async (person: Person, label: string, words: string): Promise<void> => {
      await person.notes.click()
      await person.notes.evaluate((field: HTMLTextAreaElement, at) => {
        const end = field.value.indexOf('\n', field.value.indexOf(at))
        const position = end < 0 ? field.value.length : end
        field.setSelectionRange(position, position)
      }, label)
      await person.notes.pressSequentially(words)
    }
    await Promise.all([
      typeAfter(ada, 'Ada:', ' alpha one two three'),
      typeAfter(ben, 'Ben:', ' bravo four five six'),
      typeAfter(cleo, 'Cleo:', ' charlie seven eight nine'),
    ])
    const expected = ['alpha one two three', 'bravo four five six', 'charlie seven eight nine']
    await expect
      .poll(async () => {
        const values = await Promise.all([ada, ben, cleo].map((p) => p.notes.inputValue()))
        return values.every((v) => v === values[0]) && expected.every((words) => values[0].includes(words))
      })
      .toBe(true)
    await cleo.screenshot('convening-three-people')
    await Promise.all([ada.close(), ben.close(), cleo.close()])
  })

  test('closing and reopening keeps everything', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Kept on this computer')
    await ada.typeInNotes('Nothing here may be lost.')
    await ada.page.reload()
    await expect(ada.titleInput).toHaveValue('Kept on this computer')
    await expect(ada.notes).toHaveValue('Nothing here may be lost.')

    // A whole new window in the same profile, after the first one is gone.
    const url = ada.page.url()
    await ada.page.close()
    const again = await ada.context.newPage()
    await again.goto('/')
    const row = again.getByRole('button', { name: /Kept on this computer/ })
    await expect(row).toContainText('1 person')
    await row.click()
    await expect(again.getByRole('textbox', { name: 'Shared notes' })).toHaveValue('Nothing here may be lost.')
    expect(again.url()).toBe(url)
    await ada.close()
  })

  test('edits made apart merge when people meet again', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Apart and together')
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(await ada.inviteLink())
    await ada.expectPresent(['Ada', 'Ben'])

    await ben.setWorkOffline(true)
    await expect(ben.page.getByTestId('connection-summary')).toContainText('Working offline')
    await ada.expectPresent(['Ada'])
    await ada.typeInNotes('Ada wrote this while Ben was away.')
    await ben.typeInNotes('Ben wrote this offline.')
    await expect(ben.notes).toHaveValue('Ben wrote this offline.')
    await expect(ada.notes).toHaveValue('Ada wrote this while Ben was away.')

    await ben.setWorkOffline(false)
    await ada.expectPresent(['Ada', 'Ben'])
    for (const person of [ada, ben]) {
      await expect(person.notes).toHaveValue(/Ada wrote this while Ben was away\./)
      await expect(person.notes).toHaveValue(/Ben wrote this offline\./)
    }
    expect(await ada.notes.inputValue()).toBe(await ben.notes.inputValue())
    await Promise.all([ada.close(), ben.close()])
  })

  test('without the secret nobody gets in', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Closed circle')
    await ada.typeInNotes('Only for the invited.')
    const link = await ada.inviteLink()
    const wrong = link.replace(/secret=([A-Za-z0-9_-]{22})/, (_, s: string) => `secret=${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`)
    expect(wrong).not.toBe(link)

    const eve = await Person.open(browser, 'Eve')
    await eve.joinByLink(wrong)
    await expect(eve.page.getByText('Waiting for the convening to arrive')).toBeVisible()
    await expect(eve.page.getByTestId('signaling-state')).toHaveText('connected', { timeout: 15_000 })

    // Someone with the right secret, joining after Eve, gets in; Eve still does not.
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(link)
    await expect(ben.notes).toHaveValue('Only for the invited.')
    await ada.expectPresent(['Ada', 'Ben'])
    await expect(eve.page.getByText('Waiting for the convening to arrive')).toBeVisible()
    await expect(eve.notes).toHaveValue('')
    await expect(eve.page.getByTestId('peer-count')).toHaveText('0')
    await Promise.all([ada.close(), ben.close(), eve.close()])
  })
})
