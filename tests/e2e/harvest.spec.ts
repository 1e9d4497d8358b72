import { expect, test } from '@playwright/test'
import { parse } from 'yaml'
import { Person } from './support/convene'
import { actionRow, addAction, chooseWhose, openArchive, openHarvest, save, unzip, writeJournal } from './support/harvest'

test.describe('harvest: notes people keep and archives they can move', () => {
  test('shared notes take simple formatting, and anyone adds and ticks action items', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Garden circle')
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(await ada.inviteLink())
    await ada.expectPresent(['Ada', 'Ben'])

    // Keyboard only: a heading from the toolbar, bold with Ctrl+B, a checklist that continues on Enter.
    await ada.typeInNotes('Check-in')
    await ada.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Heading' }).click()
    await ada.notes.press('End')
    await ada.notes.press('Enter')
    await ada.notes.pressSequentially('We felt ')
    await ada.page.keyboard.press('Control+b')
    await ada.notes.pressSequentially('hopeful')
    await ada.notes.press('ArrowRight')
    await ada.notes.press('ArrowRight')
    await ada.notes.pressSequentially('.')
    await ada.notes.press('Enter')
    await ada.page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Checklist' }).click()
    await ada.notes.pressSequentially('send the slides')
    await ada.notes.press('Enter')
    await ada.notes.pressSequentially('water the beds')
    const expected = '## Check-in\nWe felt **hopeful**.\n- [ ] send the slides\n- [ ] water the beds'
    await expect(ada.notes).toHaveValue(expected)
    await expect(ben.notes).toHaveValue(expected)

    await ben.page.getByRole('button', { name: 'Preview', exact: true }).click()
    const preview = ben.page.getByRole('region', { name: 'Shared notes, formatted' })
    await expect(preview.getByRole('heading', { name: 'Check-in', level: 4 })).toBeVisible()
    await expect(preview.locator('strong')).toHaveText('hopeful')
    await expect(preview.getByRole('img', { name: 'not done' })).toHaveCount(2)

    await addAction(ben, { text: 'Send the harvest to everyone', who: 'Ada', due: '2026-03-20' })
    await expect(actionRow(ada, 'Send the harvest to everyone')).toContainText('Ada · by 20 March 2026')
    await actionRow(ada, 'Send the harvest to everyone').getByRole('checkbox').check()
    await expect(actionRow(ben, 'Send the harvest to everyone').getByRole('checkbox')).toBeChecked()
    const refused = ben.page.getByRole('form', { name: 'Add an action item' })
    await refused.getByRole('button', { name: 'Add action' }).click()
    await expect(refused.getByRole('alert')).toHaveText('Say what needs doing')
    await ben.screenshot('harvest-notes-preview')
    await ada.screenshot('harvest-notes')
    await Promise.all([ada.close(), ben.close()])
  })

  test('export from the browser twin gives a Markdown folder, a web page, and my notes with my journal only', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Spring / gathering: "day one"')
    await ada.typeInNotes('# Check-in\nOne word each: **curious**.')
    await addAction(ada, { text: 'Book the room', who: 'The Lisbon hub' })
    await writeJournal(ada, 'My private thought about the day.')
    // Exports run in a worker, away from the page that keeps the convening live.
    const worker = ada.page.waitForEvent('worker')
    await openHarvest(ada)
    expect((await worker).url()).toMatch(/\/assets\/worker-[\w-]+\.js$/)
    const preview = ada.page.getByRole('region', { name: 'Preview of the Markdown' })
    await expect(preview).toContainText('title: "Spring / gathering: \\"day one\\""')
    await expect(preview).toContainText('- [ ] Book the room — **The Lisbon hub**')
    await expect(preview).not.toContainText('private thought')
    await ada.page.getByRole('heading', { name: 'Harvest', level: 2 }).scrollIntoViewIfNeeded()
    await ada.screenshot('harvest-panel')

    const zip = await save(ada, 'Save Markdown folder (.zip)')
    expect(zip.name).toBe('Spring - gathering- -day one-.zip')
    const files = unzip(zip)
    const note = files['Spring - gathering- -day one-/Spring - gathering- -day one-.md']
    expect(Object.keys(files)).toEqual(['Spring - gathering- -day one-/Spring - gathering- -day one-.md'])
    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(note)![1]) as Record<string, unknown>
    expect(front).toMatchObject({ title: 'Spring / gathering: "day one"', people: ['Ada'], tags: expect.arrayContaining(['convene', 'action-items']) })
    expect(note).toContain('## Shared notes\n\n### Check-in\nOne word each: **curious**.')
    expect(note).not.toContain('private thought')

    const page = await save(ada, 'Save web page (.html)')
    expect(page.name).toBe('Spring - gathering- -day one-.html')
    const html = new TextDecoder().decode(page.bytes)
    expect(html).toContain('<h1>Spring / gathering: &quot;day one&quot;</h1>')
    expect(html).toContain('<h3>Check-in</h3>')
    await expect(ada.page.getByRole('button', { name: 'Save PDF' })).toHaveCount(0)
    await expect(ada.page.getByText('use your browser’s Print, then Save as PDF')).toBeVisible()

    await chooseWhose(ada, 'My notes')
    await expect(preview).toContainText('My private thought about the day.')
    const mine = unzip(await save(ada, 'Save Markdown folder (.zip)'))
    const [path] = Object.keys(mine)
    expect(path).toBe('Spring - gathering- -day one- — my notes/Spring - gathering- -day one- — my notes.md')
    expect(mine[path]).toMatch(/## My journal\n\n\*\d+ \w+ \d{4}, \d{2}:\d{2}\*\n\nMy private thought about the day\./)
    expect(mine[path]).toContain('Nobody else’s private notes are included.')
    // The web page says the zone its times are in, and shows a reader elsewhere their own time beside each.
    const minePage = new TextDecoder().decode((await save(ada, 'Save web page (.html)')).bytes)
    const reader = await browser.newContext({ timezoneId: 'Pacific/Auckland' })
    const readerPage = await reader.newPage()
    const blocked: string[] = []
    readerPage.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()) })
    await readerPage.setContent(minePage)
    await expect(readerPage.locator('#zone-note')).toContainText(/^Times are in [\w/]+, GMT[+-]?[\d:]*\. Your own time \(Pacific\/Auckland\) is shown beside each time\.$/)
    await expect(readerPage.locator('time[data-at] + .local-time')).toHaveText(/^ \(.*\d{2}.* your time\)$/)
    await readerPage.screenshot({ path: 'tests/e2e/screenshots/harvest-page-reader-elsewhere.png' })
    expect(blocked).toEqual([])
    await reader.close()

    // Someone else's "My notes" never hold Ada's journal.
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(await ada.inviteLink())
    await expect(ben.notes).toHaveValue(/One word each/)
    await openHarvest(ben)
    await chooseWhose(ben, 'My notes')
    const bens = unzip(await save(ben, 'Save Markdown folder (.zip)'))
    const bensNote = Object.values(bens)[0]
    expect(bensNote).toContain('You wrote nothing in your journal during this convening.')
    expect(bensNote).toContain('One word each: **curious**.')
    expect(bensNote).not.toContain('private thought')
    await Promise.all([ada.close(), ben.close()])
  })

  test('an archive opens in another browser as the same convening, or merges into it', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Moving house')
    const adaRoom = ada.page.url().split('#')[1]
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(await ada.inviteLink())
    await expect(ben.titleInput).toHaveValue('Moving house')
    await ben.page.getByRole('button', { name: '← All convenings' }).click()

    // Ada goes on alone, then archives the convening.
    await ada.typeInNotes('Written after Ben left.')
    await addAction(ada, { text: 'Pack the maps', who: 'Ada', due: '2026-05-01' })
    await openHarvest(ada)
    const archive = await save(ada, 'Save archive (.convene)')
    expect(archive.name).toBe('Moving house.convene')
    await ada.close()

    // Cleo has never seen this convening: it opens as a new one with everything in it.
    const cleo = await Person.open(browser, 'Cleo')
    const dialog = await openArchive(cleo, archive)
    await expect(dialog).toContainText('It opens as a new convening on this computer')
    await expect(dialog).toContainText('2 people, 0 diagrams')
    await cleo.screenshot('harvest-open-archive')
    await dialog.getByRole('button', { name: 'Open as new convening' }).click()
    await expect(cleo.titleInput).toHaveValue('Moving house')
    await expect(cleo.notes).toHaveValue('Written after Ben left.')
    await expect(actionRow(cleo, 'Pack the maps')).toContainText('Ada · by 1 May 2026')
    // A new room: the archive is no key to the original convening.
    expect(cleo.page.url().split('#')[1]).not.toBe(adaRoom)

    // Ben has it already: merging brings what Ada wrote while he was away.
    await openArchive(ben, archive, 'Merge')
    await expect(ben.titleInput).toHaveValue('Moving house')
    await expect(ben.notes).toHaveValue('Written after Ben left.')
    await expect(actionRow(ben, 'Pack the maps')).toBeVisible()
    expect(ben.page.url().split('#')[1]).toBe(adaRoom)
    await Promise.all([ben.close(), cleo.close()])
  })

  test('a damaged archive is refused with a clear message and changes nothing', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    await ada.createConvening('Kept safe')
    await openHarvest(ada)
    const archive = await save(ada, 'Save archive (.convene)')
    await ada.page.getByRole('button', { name: '← All convenings' }).click()
    const list = ada.page.getByRole('list', { name: 'Convenings on this computer' })
    await expect(list.getByRole('listitem')).toHaveCount(1)

    const cut = { name: 'Kept safe.convene', bytes: archive.bytes.subarray(0, archive.bytes.length - 20) }
    await openArchive(ada, cut)
    await expect(ada.page.getByRole('alert')).toHaveText('Kept safe.convene: This archive is cut off: the file ends too early. Copy it again from where it was saved.')
    const notAnArchive = { name: 'notes.convene', bytes: new TextEncoder().encode('# just some notes') }
    await openArchive(ada, notAnArchive)
    await expect(ada.page.getByRole('alert')).toContainText('This is not a Convene archive')
    await expect(ada.page.getByRole('dialog')).toHaveCount(0)
    await expect(list.getByRole('listitem')).toHaveCount(1)
    await ada.screenshot('harvest-bad-archive')
    await ada.close()
  })
})
