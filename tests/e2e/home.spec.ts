import { expect, test } from '@playwright/test'
import { Person } from './support/convene'

test.describe('Home: the convenings on this computer', () => {
  test('lists convenings newest first and renames, duplicates and deletes them', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    const page = ada.page
    await ada.createConvening('First circle')
    await ada.typeInNotes('Notes of the first circle.')
    await page.getByRole('button', { name: '← All convenings' }).click()
    await ada.createConvening('Second circle')
    await page.getByRole('button', { name: '← All convenings' }).click()

    const list = page.getByRole('list', { name: 'Convenings on this computer' })
    await expect(list.getByRole('listitem')).toHaveCount(2)
    await expect(list.getByRole('listitem').first()).toContainText('Second circle')
    await expect(list.getByRole('listitem').first()).toContainText(/Last opened just now · 1 person/)

    // Rename, by keyboard.
    const first = list.getByRole('listitem').filter({ hasText: 'First circle' })
    await first.getByRole('button', { name: 'Rename' }).click()
    await page.getByLabel('New title').fill('First circle, renamed')
    await page.getByLabel('New title').press('Enter')
    await expect(list).toContainText('First circle, renamed')

    // Duplicate: a separate convening with the same content.
    await list.getByRole('listitem').filter({ hasText: 'First circle, renamed' }).getByRole('button', { name: 'Duplicate' }).click()
    const copy = list.getByRole('listitem').filter({ hasText: 'First circle, renamed (copy)' })
    await expect(copy).toBeVisible()
    await copy.getByRole('button', { name: /First circle, renamed \(copy\)/ }).click()
    await expect(ada.titleInput).toHaveValue('First circle, renamed (copy)')
    await expect(ada.notes).toHaveValue('Notes of the first circle.')
    const copyInvite = await ada.inviteLink()
    await page.getByRole('button', { name: '← All convenings' }).click()

    // Delete asks first; cancelling keeps it.
    const second = list.getByRole('listitem').filter({ hasText: 'Second circle' })
    await second.getByRole('button', { name: 'Delete' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete this convening?' })
    await expect(dialog).toContainText('Second circle')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(second).toBeVisible()
    await second.getByRole('button', { name: 'Delete' }).click()
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await expect(list.getByRole('listitem')).toHaveCount(2)
    await expect(list).not.toContainText('Second circle')
    await ada.screenshot('home-list')

    // The original is untouched by its copy: different rooms.
    await list.getByRole('button', { name: /^First circle, renamed Last/ }).click()
    const originalInvite = await ada.inviteLink()
    expect(new URL(originalInvite).hash.match(/room=([^&]+)/)?.[1]).not.toBe(new URL(copyInvite).hash.match(/room=([^&]+)/)?.[1])
    await ada.close()
  })

  test('joins with a pasted invite code, and explains a broken invite', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('By code')
    const code = await ada.inviteLink('Invite code (paste it on the Convene home screen)')
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5})+$/)

    const ben = await Person.open(browser, 'Ben')
    // An invite link opens a join page that names the convening; the raw link waits behind "Invite details".
    await ben.page.goto(await ada.inviteLink())
    await expect(ben.page.getByRole('heading', { level: 1 })).toHaveText('You are invited to “By code”')
    await expect(ben.page.getByLabel('Invite link or code')).toBeHidden()
    await ben.screenshot('join-page')
    await ben.page.getByText('Invite details').click()
    await expect(ben.page.getByLabel('Invite link or code')).toHaveValue(/title=By\+code/)
    await ben.page.getByRole('button', { name: '← All convenings' }).click()
    await ben.joinByPasting('convene://join?room=nope')
    await expect(ben.page.getByRole('alert')).toContainText('This invite is not valid')
    await ben.joinByPasting(code.slice(0, 30))
    await expect(ben.page.getByRole('alert')).toContainText('not valid')
    await ben.screenshot('home-bad-invite')
    await ben.joinByPasting(code)
    await expect(ben.titleInput).toHaveValue('By code')
    await ben.expectPresent(['Ada', 'Ben'])
    await Promise.all([ada.close(), ben.close()])
  })

  test('an invite that would change a convening already here asks first, and keeping it changes nothing', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Kept circle')
    await ada.typeInNotes('Only ours.')
    const link = await ada.inviteLink()
    // Someone who learned the room id writes an invite with a secret of their own.
    const forged = link.replace(/secret=([A-Za-z0-9_-]{22})/, (_, s: string) => `secret=${s.startsWith('A') ? 'B' : 'A'}${s.slice(1)}`)
    await ada.page.getByRole('button', { name: '← All convenings' }).click()
    await ada.page.goto(forged)
    const form = ada.page.getByRole('form', { name: 'Join with an invite' })
    await form.getByRole('button', { name: 'Join convening' }).click()
    await expect(ada.page.getByRole('heading', { name: 'You already have “Kept circle” here' })).toBeVisible()
    await expect(ada.page.getByTestId('invite-changes')).toContainText('A different secret')
    await ada.screenshot('invite-rekey-asks')
    await ada.page.getByRole('button', { name: 'Keep what I have and open it' }).click()
    await expect(ada.notes).toHaveValue('Only ours.')
    expect(await ada.inviteLink()).toBe(link)
    await ada.close()
  })

  test('keeps my name and colour for next time', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    const page = ada.page
    await page.getByRole('button', { name: 'Set your name' }).click()
    const dialog = page.getByRole('dialog', { name: 'About you' })
    await dialog.getByLabel('Your name').fill('Ada Lovelace')
    await dialog.getByRole('radio', { name: 'Violet' }).check()
    await dialog.getByRole('button', { name: 'Save' }).click()
    await page.reload()
    await expect(page.getByRole('button', { name: 'Ada Lovelace' })).toBeVisible()
    await expect(page.getByRole('form', { name: 'Start a convening' }).getByLabel('Your name')).toHaveValue('Ada Lovelace')
    await ada.close()
  })
})
