// Long file (about 490 lines) on purpose: the diagram studio's end-to-end journeys share
// their two-person set-up; each test reads top to bottom as a person would use the studio.
import { expect, test, type Browser } from '@playwright/test'
import { Person } from './support/convene'
import { DiagramStudio } from './support/diagram'

test.use({ viewport: { width: 1500, height: 940 } })

async function twoPeople(browser: Browser, title: string) {
  const ada = await Person.open(browser, 'Ada')
  const a = new DiagramStudio(ada)
  await ada.createConvening(title)
  const link = await ada.inviteLink()
  const ben = await Person.open(browser, 'Ben')
  const b = new DiagramStudio(ben)
  await ben.joinByLink(link)
  await ada.expectPresent(['Ada', 'Ben'])
  await a.open()
  await b.open()
  return { ada, a, ben, b }
}

test.describe('the diagrams studio', () => {
  test('two people draw one diagram, see loops and names on both, and undo only their own work', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Population dynamics')
    await a.startFirst()
    await expect(b.tab('Causal loop diagram 1')).toHaveAttribute('aria-selected', 'true')
    await a.addVariableAt('Births', 0.2, 0.3)
    await a.addVariableAt('Population', 0.5, 0.3)
    await expect(b.variable('Births')).toBeVisible()
    await expect(b.variable('Population')).toBeVisible()
    await b.addVariableAt('Deaths', 0.5, 0.75)
    await expect(a.variable('Deaths')).toBeVisible()

    await a.drawLink('Births', 'Population')
    await a.drawLink('Population', 'Births')
    await expect(b.loops.getByRole('listitem')).toHaveCount(1)
    await expect(b.loops).toContainText('Reinforcing · 2 variables')
    await b.drawLink('Population', 'Deaths')
    await b.drawLink('Deaths', 'Population')
    await ben.page.getByRole('button', { name: /Opposite/ }).click()
    await expect(a.link('Deaths', 'Population')).toHaveAttribute('aria-label', 'Deaths decreases Population')
    // On a small laptop every tool for the selected link is on screen (the bar wraps).
    await ben.page.setViewportSize({ width: 1024, height: 768 })
    for (const name of ['Straight', /^Delete/]) {
      const tool = ben.page.getByRole('group', { name: 'Selection' }).getByRole('button', { name })
      await expect(tool).toBeInViewport({ ratio: 1 })
      await tool.click({ trial: true }) // nothing covers it
    }
    await b.screenshot('link-tools-1024')
    await ben.page.setViewportSize({ width: 1500, height: 940 })
    for (const studio of [a, b]) {
      await expect(studio.loops.getByRole('listitem')).toHaveCount(2)
      await expect(studio.loops).toContainText('Balancing · 2 variables')
      await expect(studio.page.locator('.dg-loop-marker')).toHaveCount(2)
    }

    await a.loopName('R1').fill('Growth')
    await a.loopName('R1').press('Enter')
    await expect(b.loopName('R1')).toHaveValue('Growth')
    await b.loopName('B1').fill('Mortality')
    await b.loopName('B1').press('Enter')
    await expect(a.loopName('B1')).toHaveValue('Mortality')
    await expect(a.page.locator('.dg-loop-marker', { hasText: 'Mortality' })).toBeVisible()

    // See each other: Ada's pointer and selection on Ben's screen, and her drag.
    const box = (await a.canvas.boundingBox())!
    await ada.page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.55, { steps: 4 })
    await expect(ben.page.locator('.dg-remote-cursor', { hasText: 'Ada' })).toBeVisible()
    await a.variable('Population').click()
    await expect(b.variable('Population').locator('.dg-variable-who')).toHaveText('Ada')
    await ben.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6, { steps: 4 })
    await expect(ada.page.locator('.dg-remote-cursor', { hasText: 'Ben' })).toBeVisible()
    await b.screenshot('two-cursors')

    const start = await a.position('Births')
    await a.dragVariable('Births', -60, 90)
    const moved = await a.position('Births')
    expect(moved).not.toEqual(start)
    await expect.poll(() => b.position('Births')).toEqual(moved)

    // Undo on Ada's side takes back her drag, her loop name and her links, one step each; Ben's work stays.
    await a.canvas.focus()
    await ada.page.keyboard.press('Control+z')
    await expect.poll(() => b.position('Births')).toEqual(start)
    await ada.page.keyboard.press('Control+z')
    await expect(b.loopName('R1')).toHaveValue('')
    await ada.page.keyboard.press('Control+z')
    await ada.page.keyboard.press('Control+z')
    await expect(b.link('Births', 'Population')).toHaveCount(0)
    await expect(b.link('Population', 'Births')).toHaveCount(0)
    await expect(b.loops.getByRole('listitem')).toHaveCount(1)
    await expect(b.loopName('B1')).toHaveValue('Mortality')
    await expect(b.variable('Deaths')).toBeVisible()
    await expect(a.link('Deaths', 'Population')).toHaveAttribute('aria-label', 'Deaths decreases Population')
    await ada.page.getByRole('button', { name: 'Redo' }).click()
    await expect(b.link('Births', 'Population')).toBeAttached()

    // Ben follows Ada's view: her zoom becomes his, until he stops (one click).
    const zoom = (studio: DiagramStudio) =>
      studio.page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec((document.querySelector('.cld-canvas .react-flow__viewport') as HTMLElement).style.transform)?.[1]))
    const follow = ben.page.getByRole('group', { name: 'People on this diagram' })
    await follow.getByRole('button', { name: 'Follow Ada' }).click()
    const banner = ben.page.getByText(/You are following Ada’s view/)
    await expect(banner).toBeVisible()
    // Ben sees the same area as Ada on a canvas of his own size (his is shorter by the banner),
    // so his zoom is hers scaled by the ratio of the two canvases. Zooming animates, so
    // a second click may land mid-way; what matters is where both end.
    const view = (studio: DiagramStudio) =>
      studio.page.evaluate(() => {
        const pane = document.querySelector('.cld-canvas .react-flow') as HTMLElement
        const transform = (pane.querySelector('.react-flow__viewport') as HTMLElement).style.transform
        return { zoom: Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]), width: pane.clientWidth, height: pane.clientHeight }
      })
    const benExpected = async (): Promise<number> => {
      const [va, vb] = [await view(a), await view(b)]
      return Math.abs(vb.zoom - va.zoom * Math.min(vb.width / va.width, vb.height / va.height))
    }
    const adaBefore = await zoom(a)
    await ada.page.getByRole('button', { name: 'Zoom in' }).click()
    await ada.page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(async () => (await zoom(a)) / adaBefore).toBeGreaterThan(1.15)
    await expect.poll(benExpected).toBeLessThan(0.01)
    await ben.page.getByRole('button', { name: 'Stop following' }).click()
    await expect(banner).toBeHidden()
    await expect(follow.getByRole('button', { name: 'Follow Ada' })).toHaveAttribute('aria-pressed', 'false')

    a.expectNoProblems()
    b.expectNoProblems()
    await Promise.all([ada.close(), ben.close()])
  })

  test('a pattern from the library arrives with its loops, polarities and delays', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    const a = new DiagramStudio(ada)
    await ada.createConvening('Patterns')
    await a.open()
    await a.startFirst()
    await ada.page.getByRole('button', { name: 'Patterns…' }).click()
    const dialog = ada.page.getByRole('dialog', { name: 'Start from a pattern' })
    await expect(dialog.getByRole('radio')).toHaveCount(9)
    await dialog.getByRole('radio', { name: 'Fixes that fail' }).check()
    await expect(dialog.getByRole('heading', { name: 'Where to push' })).toBeVisible()
    await a.screenshot('archetype-picker')
    await dialog.getByRole('button', { name: /^Add “Fixes that fail”/ }).click()
    await expect(dialog).toBeHidden()
    await expect(a.variable('Quick fix')).toBeVisible()
    await expect(a.link('Quick fix', 'Unintended consequence')).toHaveAttribute('aria-label', 'Quick fix increases Unintended consequence, delay')
    await expect(a.link('Quick fix', 'Problem symptom')).toHaveAttribute('aria-label', /decreases/)
    await expect(a.loops.getByRole('listitem')).toHaveCount(2)
    await expect(a.loops).toContainText('Balancing · 2 variables')
    await expect(a.loops).toContainText('Reinforcing · 3 variables')
    await expect(ada.page.locator('.dg-loop-marker')).toHaveCount(2)
    await ada.page.keyboard.press('Escape')
    await a.loops.getByRole('listitem').nth(1).hover()
    await expect(ada.page.locator('.dg-variable.is-lit')).toHaveCount(3)
    await a.screenshot('cld-loops')
    // A second pattern lands in free space and is shown: no variable covers another, the new ones are all in view.
    await ada.page.getByRole('button', { name: 'Patterns…' }).click()
    await dialog.getByRole('radio', { name: 'Limits to growth' }).check()
    await dialog.getByRole('button', { name: /^Add “Limits to growth”/ }).click()
    await expect(a.loops.getByRole('listitem')).toHaveCount(4)
    const layout = async () => {
      const canvas = (await a.canvas.boundingBox())!
      const boxes = await ada.page.locator('.dg-variable').evaluateAll((els) => els.map((e) => ({ ...(e.getBoundingClientRect().toJSON() as DOMRect), label: e.textContent ?? '' })))
      const overlaps = boxes.filter((p, i) => boxes.some((q, j) => j > i && p.left < q.right && p.right > q.left && p.top < q.bottom && p.bottom > q.top)).length
      const added = boxes.filter((b) => ['Results', 'Effort to grow', 'Slowing action', 'Limiting condition'].some((l) => b.label.includes(l)))
      const outside = added.filter((b) => b.left < canvas.x || b.top < canvas.y || b.right > canvas.x + canvas.width || b.bottom > canvas.y + canvas.height).length
      return { variables: boxes.length, added: added.length, overlaps, outside }
    }
    await expect.poll(layout).toEqual({ variables: 7, added: 4, overlaps: 0, outside: 0 })
    await a.screenshot('cld-two-patterns')
    await ada.page.keyboard.press('Escape')
    await ada.page.getByRole('tab', { name: 'Text' }).click()
    await expect(ada.page.getByRole('tabpanel', { name: 'Text' })).toContainText('increases Unintended consequence, after a delay')
    a.expectNoProblems()
    await ada.close()
  })

  test('variables and links can be made with the keyboard alone', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    const a = new DiagramStudio(ada)
    const keys = ada.page.keyboard
    await ada.createConvening('Keyboard only')
    await a.open()
    await ada.page.getByRole('button', { name: /^Causal loop diagram/ }).focus()
    await keys.press('Enter')
    await a.canvas.focus()
    await keys.press('n')
    await keys.type('Trust')
    await keys.press('Enter')
    await expect(a.variable('Trust')).toBeFocused()
    await keys.press('n')
    await keys.type('Cooperation')
    await keys.press('Enter')
    await expect(a.variable('Cooperation')).toBeFocused()

    await keys.press('l')
    const picker = ada.page.getByRole('dialog', { name: 'Link “Cooperation” to…' })
    await expect(picker).toBeVisible()
    await keys.type('tru')
    await keys.press('Enter')
    await expect(picker).toBeHidden()
    await expect(a.link('Cooperation', 'Trust')).toHaveAttribute('aria-label', 'Cooperation increases Trust')
    await keys.press('d')
    await expect(a.link('Cooperation', 'Trust')).toHaveAttribute('aria-label', 'Cooperation increases Trust, delay')
    await keys.press('-')
    await expect(a.link('Cooperation', 'Trust')).toHaveAttribute('aria-label', 'Cooperation decreases Trust, delay')

    // Rename with Enter, move with the arrows (one undo step), and close a loop with L.
    await a.variable('Trust').focus()
    await keys.press('Enter')
    await keys.type('Mutual trust')
    await keys.press('Enter')
    await expect(a.variable('Mutual trust')).toBeFocused()
    const before = await a.position('Mutual trust')
    for (let i = 0; i < 3; i++) await keys.press('ArrowRight')
    await expect.poll(() => a.position('Mutual trust')).toEqual({ x: before.x + 15, y: before.y })
    await keys.press('Control+z')
    await expect.poll(() => a.position('Mutual trust')).toEqual(before)
    await keys.press('l')
    await keys.type('coop')
    await keys.press('Enter')
    await expect(a.variable('Mutual trust')).toHaveAttribute('aria-label', 'Variable: Mutual trust, 2 links')
    await expect(a.loops.getByRole('listitem')).toHaveCount(1)
    await expect(a.loops).toContainText('Balancing · 2 variables')
    await a.screenshot('keyboard')
    a.expectNoProblems()
    await ada.close()
  })

  test('bad input gets a clear message and leaves the canvas working', async ({ browser }) => {
    const ada = await Person.open(browser, 'Ada')
    const a = new DiagramStudio(ada)
    await ada.createConvening('Bad input')
    await a.open()
    await a.startFirst()
    await a.addVariableAt('Rain', 0.3, 0.4)
    await a.addVariableAt('Floods', 0.6, 0.4)
    await a.drawLink('Rain', 'Floods')
    await a.drawLink('Rain', 'Floods')
    await expect(a.notice).toContainText('There is already a link from "Rain" to "Floods".')

    await a.canvas.focus()
    await a.pasteText(Array.from({ length: 3000 }, (_, i) => `Thing ${i}`).join('\n'))
    await expect(a.notice).toContainText('This paste holds 3,000 variables and 0 links; at most 200 variables')
    await a.pasteText(JSON.stringify({ type: 'convene/diagram-fragment', version: 1, variables: [{ id: 'x', x: 0 }], links: [] }))
    await expect(a.notice).toContainText('This paste is not a diagram: variables[0].label')
    await a.pasteText(`${'Very long label '.repeat(20)}\nShort one`)
    await expect(a.notice).toContainText('Pasted 2 variables. 1 long label was shortened.')
    await expect(a.variable('Short one')).toBeVisible()

    // Copy and paste between diagrams keeps labels, links and polarities.
    await ada.page.keyboard.press('Control+a')
    const copied = await a.copySelection()
    expect(JSON.parse(copied)).toMatchObject({ type: 'convene/diagram-fragment', links: [{ polarity: '+' }] })
    await a.newDiagram('Causal loop diagram', 'Second map')
    await a.canvas.focus()
    await a.pasteText(copied)
    await expect(a.variable('Rain')).toBeVisible()
    await expect(a.link('Rain', 'Floods')).toBeAttached()
    a.expectNoProblems()
    await ada.close()
  })

  test('an iceberg board is shared: notes per level that everyone can write in', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Iceberg')
    await a.startFirst('Iceberg')
    await expect(b.tab('Iceberg 1')).toBeVisible()
    await ada.page.getByRole('button', { name: '+ Add a note to Events' }).click()
    await ada.page.keyboard.type('Attendance fell in February')
    const note = ben.page.getByRole('textbox', { name: 'Note by Ada in Events' })
    await expect(note).toHaveValue('Attendance fell in February')
    await note.click()
    await note.press('End')
    await note.pressSequentially(' and March')
    await expect(ada.page.getByRole('textbox', { name: 'Note by Ada in Events' })).toHaveValue('Attendance fell in February and March')
    await ben.page.getByRole('button', { name: '+ Add a note to Patterns' }).click()
    await ben.page.keyboard.type('The same students miss school every winter')
    await ben.page.getByRole('button', { name: '+ Add a note to Mental models' }).click()
    await ben.page.keyboard.type('Winter illness is just bad luck')
    await expect(ada.page.getByRole('textbox', { name: 'Note by Ben in Patterns' })).toHaveValue('The same students miss school every winter')
    await ada.page.getByRole('button', { name: '+ Add a note to Structures' }).click()
    await ada.page.keyboard.type('Heating budget is cut first')
    await a.screenshot('iceberg')
    await ben.page.getByRole('radio', { name: 'Aspirational iceberg' }).click()
    await expect(ada.page.getByText('What would we love to see happen, a year from now?')).toBeVisible()
    await ada.page.getByRole('list', { name: 'Notes: Events' }).getByRole('button', { name: 'Move down to Patterns' }).click()
    await expect(ben.page.getByRole('textbox', { name: 'Note by Ada in Patterns' })).toHaveValue('Attendance fell in February and March')
    await b.screenshot('iceberg-aspirational')
    a.expectNoProblems()
    b.expectNoProblems()
    await Promise.all([ada.close(), ben.close()])
  })

  test('people sketch and compare lines on a behaviour-over-time graph', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Over time')
    await a.startFirst('Behaviour over time')
    await ada.page.getByLabel('What is changing (the up axis)').fill('Student wellbeing')
    await ada.page.getByLabel('Time starts').fill('2015')
    await ada.page.getByLabel('Time ends').fill('2030')
    await ada.page.getByLabel('Time ends').press('Enter')
    await expect(ben.page.getByLabel('What is changing (the up axis)')).toHaveValue('Student wellbeing')
    await expect(ben.page.getByLabel('Time ends')).toHaveValue('2030')

    await ada.page.getByLabel('Label for my next line').fill('What has happened')
    const plot = (await ada.page.locator('.bot-svg').boundingBox())!
    await ada.page.mouse.move(plot.x + plot.width * 0.1, plot.y + plot.height * 0.3)
    await ada.page.mouse.down()
    for (let i = 1; i <= 20; i++) await ada.page.mouse.move(plot.x + plot.width * (0.1 + i * 0.04), plot.y + plot.height * (0.3 + 0.4 * Math.sin(i / 6)))
    await ada.page.mouse.up()
    await expect(ben.page.getByRole('heading', { name: 'Compare the lines (1)' })).toBeVisible()
    await expect(ben.page.getByRole('textbox', { name: 'Label of Ada’s line' })).toHaveValue('What has happened')

    await ben.page.getByLabel('Label for my next line').fill('What we hope for')
    await ben.page.getByRole('button', { name: 'Add a line with the keyboard' }).click()
    await expect(ben.page.locator('.bot-svg')).toBeFocused()
    for (let i = 0; i < 14; i++) await ben.page.keyboard.press('ArrowRight')
    for (let i = 0; i < 6; i++) await ben.page.keyboard.press('ArrowUp')
    await ben.page.keyboard.press('Escape')
    await expect(ada.page.getByRole('heading', { name: 'Compare the lines (2)' })).toBeVisible()
    await expect(ada.page.locator('.bot-line-row', { hasText: 'Ben' })).toContainText('peaks')
    await ada.page.getByRole('checkbox', { name: 'Show Ben’s line' }).uncheck()
    await expect(ada.page.locator('polyline.bot-line')).toHaveCount(1)
    await ada.page.getByRole('checkbox', { name: 'Show Ben’s line' }).check()
    await expect(ada.page.locator('polyline.bot-line')).toHaveCount(2)
    await a.screenshot('bot')
    a.expectNoProblems()
    b.expectNoProblems()
    await Promise.all([ada.close(), ben.close()])
  })

  test('the connection circle is a view until someone keeps it, and keeping it is one undo step', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Circle')
    await a.startFirst()
    await ada.page.getByRole('button', { name: 'Patterns…' }).click()
    const dialog = ada.page.getByRole('dialog', { name: 'Start from a pattern' })
    await dialog.getByRole('radio', { name: 'Growth and underinvestment' }).check()
    await dialog.getByRole('button', { name: /^Add/ }).click()
    await expect(b.loops.getByRole('listitem')).not.toHaveCount(0)
    const label = 'Demand'
    await expect(b.variable(label)).toBeVisible()
    const stored = await b.position(label)
    await ada.page.getByRole('button', { name: 'Circle view' }).click()
    await expect(ada.page.getByRole('button', { name: 'Circle view' })).toHaveAttribute('aria-pressed', 'true')
    await expect.poll(() => a.position(label)).not.toEqual(stored)
    await ada.page.getByRole('button', { name: 'Fit the diagram in view' }).click()
    await a.screenshot('connection-circle')
    expect(await b.position(label)).toEqual(stored)
    await ada.page.getByRole('button', { name: 'Keep the circle' }).click()
    const circled = await a.position(label)
    await expect.poll(() => b.position(label)).toEqual(circled)
    await ada.page.getByRole('button', { name: 'Undo' }).click()
    await expect.poll(() => b.position(label)).toEqual(stored)
    a.expectNoProblems()
    await Promise.all([ada.close(), ben.close()])
  })

  test('a loop keeps its number when others are added; only a facilitator renumbers, after saying so', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Kept numbers')
    await a.startFirst()
    await a.addVariableAt('Population', 0.45, 0.3)
    await a.addVariableAt('Crowding', 0.75, 0.45)
    await a.addVariableAt('Deaths', 0.45, 0.7)
    await a.drawLink('Population', 'Crowding')
    await a.drawLink('Crowding', 'Deaths')
    await a.drawLink('Deaths', 'Population')
    await ada.page.getByRole('button', { name: /Opposite/ }).click()
    await expect(b.loopName('B1')).toBeVisible()
    await a.loopName('B1').fill('Mortality brake')
    await a.loopName('B1').press('Enter')
    await expect(b.loopName('B1')).toHaveValue('Mortality brake')

    // Ben adds a shorter balancing loop, which the list shows first: the brake stays B1 on both screens.
    await b.addVariableAt('Food', 0.15, 0.45)
    await b.drawLink('Population', 'Food')
    await b.drawLink('Food', 'Population')
    await ben.page.getByRole('button', { name: /Opposite/ }).click()
    for (const studio of [a, b]) {
      await expect(studio.loops.getByRole('listitem')).toHaveCount(2)
      await expect(studio.loops.getByRole('listitem').first()).toContainText('Food')
      await expect(studio.loopName('B1')).toHaveValue('Mortality brake')
      await expect(studio.loopName('B2')).toHaveValue('')
    }
    await expect(b.page.locator('.dg-loop-marker', { hasText: 'Mortality brake' })).toContainText('B1')
    await b.screenshot('kept-loop-numbers')

    // What a practitioner cannot do is not offered: renumbering, deleting the diagram, renaming the convening.
    await expect(ben.page.getByRole('button', { name: 'Renumber loops' })).toHaveCount(0)
    await expect(ben.page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0)
    await expect(ben.page.getByLabel('Convening title')).toHaveAttribute('readonly', '')
    await expect(ada.page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible()
    await expect(ada.page.getByLabel('Convening title')).not.toHaveAttribute('readonly', '')

    // Ada renumbers, after a warning that numbers change for everyone: shortest first again.
    await ada.page.getByRole('button', { name: 'Renumber loops' }).click()
    const confirm = ada.page.getByRole('dialog', { name: 'Renumber the loops for everyone?' })
    await expect(confirm).toContainText('the numbers change on everyone’s screen')
    await a.screenshot('renumber-confirm')
    await confirm.getByRole('button', { name: 'Renumber for everyone' }).click()
    for (const studio of [a, b]) await expect(studio.loopName('B2')).toHaveValue('Mortality brake')
    a.expectNoProblems()
    b.expectNoProblems()
    await Promise.all([ada.close(), ben.close()])
  })

  test('a facilitator plays a pulse round the loops: three screens see the same play, a reduced-motion screen reads it as a table, Stop ends it for all', async ({ browser }) => {
    const { ada, a, ben, b } = await twoPeople(browser, 'Loops that play')
    // Cy has asked the system for less motion.
    const cy = await Person.open(browser, 'Cy')
    await cy.page.emulateMedia({ reducedMotion: 'reduce' })
    const c = new DiagramStudio(cy)
    await cy.joinByLink(await ada.inviteLink())
    await ada.expectPresent(['Ada', 'Ben', 'Cy'])
    await c.open()

    await a.startFirst()
    await a.addVariableAt('Births', 0.15, 0.3)
    await a.addVariableAt('Population', 0.45, 0.3)
    await a.addVariableAt('Deaths', 0.45, 0.75)
    await a.drawLink('Births', 'Population')
    await a.drawLink('Population', 'Births')
    await a.drawLink('Population', 'Deaths')
    await a.drawLink('Deaths', 'Population')
    await ada.page.getByRole('button', { name: /Opposite/ }).click()
    const studios = [a, b, c]
    for (const studio of studios) await expect(studio.loops.getByRole('listitem')).toHaveCount(2)

    // Only a facilitator has Play.
    await expect(ben.page.getByRole('button', { name: /^Play/ })).toHaveCount(0)
    await expect(cy.page.getByRole('button', { name: /^Play/ })).toHaveCount(0)
    await a.variable('Births').click()
    await ada.page.getByRole('button', { name: 'Play from Births' }).click()
    const setup = ada.page.getByRole('group', { name: 'Play a pulse' })
    await expect(setup.getByLabel('From')).toBeFocused()
    await expect(setup.getByLabel('From').locator('option:checked')).toHaveText('Births')
    await setup.getByRole('radio', { name: 'More of this' }).check()
    await setup.getByLabel('Speed').selectOption({ label: 'Slow' })
    await setup.getByText('How the pulse moves').click()
    await a.screenshot('play-setup')
    await setup.getByRole('button', { name: 'Play for everyone' }).click()

    await expect(ada.page.getByTestId('play-status')).toHaveText('You are playing a pulse from Births (more of this).')
    for (const studio of [b, c]) await expect(studio.page.getByTestId('play-status')).toHaveText('Ada is playing a pulse from Births (more of this).')
    // The pulse goes round both loops: the loops panel marks them on every screen.
    const loopPlay = (studio: DiagramStudio, kind: string) => studio.loops.getByRole('listitem').filter({ hasText: kind }).getByTestId('loop-play')
    for (const studio of [a, b]) {
      await expect(loopPlay(studio, 'Reinforcing')).toContainText(/swell/)
      await expect(loopPlay(studio, 'Balancing')).toContainText(/settl/)
    }
    // Drawn on the canvas of the screens that move, at the same step on both.
    await expect(ben.page.locator('.cld-canvas .react-flow__node[data-play]').first()).toBeAttached()
    const stepOf = async (studio: DiagramStudio): Promise<number> => {
      const text = (await studio.page.getByTestId('play-step').textContent()) ?? ''
      return Number(/Step (\d+)/.exec(text)?.[1] ?? /after (\d+)/.exec(text)?.[1])
    }
    await expect.poll(async () => Math.abs((await stepOf(a)) - (await stepOf(b)))).toBeLessThanOrEqual(1)
    await b.screenshot('play')

    // Less motion: the steps as a table, moved by this person alone.
    const table = cy.page.getByTestId('play-table')
    await expect(table).toBeVisible()
    await expect(table.getByRole('row', { name: /Births/ })).toBeVisible()
    await table.getByRole('button', { name: 'Next step' }).click()
    await expect(table.getByRole('row', { name: /Population \+1\.2 \(more\)/ })).toBeVisible()
    // One step in, the pulse is on its way back to Births (round the reinforcing loop), not yet back from Deaths.
    await expect(loopPlay(c, 'Reinforcing')).toContainText(/swell/)
    await expect(loopPlay(c, 'Balancing')).toHaveCount(0)
    await table.getByRole('button', { name: 'Next step' }).click()
    await expect(table.getByRole('row', { name: /Births \+1\.4 \(more\)/ })).toBeVisible()
    await expect(loopPlay(c, 'Balancing')).toContainText(/settl/)
    await expect(ada.page.getByTestId('play-table')).toHaveCount(0)
    await c.screenshot('play-reduced-motion')

    // The facilitator changes the speed and stops it, by keyboard (Stop has the focus after Play).
    const bar = ada.page.getByRole('group', { name: 'Pulse playing' })
    await bar.getByLabel('Speed').selectOption({ label: 'Quick' })
    await bar.getByRole('button', { name: 'Stop for everyone' }).focus()
    await ada.page.keyboard.press('Enter')
    for (const studio of studios) {
      await expect(studio.page.getByTestId('play-status')).toHaveCount(0)
      await expect(studio.page.getByTestId('loop-play')).toHaveCount(0)
      await expect(studio.page.locator('.cld-canvas [data-play]')).toHaveCount(0)
    }

    for (const studio of studios) studio.expectNoProblems()
    await Promise.all([ada.close(), ben.close(), cy.close()])
  })
})
