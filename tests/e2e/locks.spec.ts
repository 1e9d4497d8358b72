import { expect, test } from '@playwright/test'
import * as Y from 'yjs'
import { diagramsMap } from '../../shared/diagram/doc'
import { DiagramStudio } from './support/diagram'
import { convening } from './support/facilitation'
import { ModifiedPeer } from './support/modified-peer'

/** The first diagram's variables in a peer's copy, by label. */
function variables(doc: Y.Doc): Map<string, Y.Map<unknown>> {
  const root = [...diagramsMap(doc).values()][0]
  const map = root?.get('variables')
  const out = new Map<string, Y.Map<unknown>>()
  if (map instanceof Y.Map) for (const entry of map.values()) if (entry instanceof Y.Map) out.set(String(entry.get('label')), entry)
  return out
}

test('a facilitator locks part of a diagram, then all of it; a modified app cannot change it; unlocked, everyone edits again; the agenda locks too', async ({ browser }) => {
  const people = await convening(browser, 'Locks', 'Fran', ['Pia', 'Pat'])
  const [fran, pia, pat] = people.map((p) => new DiagramStudio(p.person))
  for (const studio of [fran, pia, pat]) await studio.open()
  await fran.startFirst()
  await fran.addVariableAt('Workload', 0.3, 0.4)
  await fran.addVariableAt('Stress', 0.65, 0.4)
  for (const studio of [pia, pat]) await expect(studio.variable('Stress')).toBeVisible()
  await expect(pia.page.getByRole('button', { name: 'Lock diagram' })).toHaveCount(0)

  // A region: Fran selects Stress and locks it; Pia can no longer rename it, Workload stays open.
  await fran.variable('Stress').click()
  await fran.page.getByRole('group', { name: 'Selection' }).getByRole('button', { name: 'Lock these' }).click()
  for (const studio of [fran, pia, pat]) await expect(studio.page.getByRole('status').filter({ hasText: '1 variable locked by Fran' })).toBeVisible()
  await expect(pia.page.getByRole('group', { name: /^Variable: Stress, \d+ links?, locked$/ })).toBeVisible()
  await expect(pia.page.getByRole('group', { name: /^Variable: Workload, \d+ links?$/ })).toBeVisible()
  await pia.screenshot('region-locked')
  await pia.variable('Stress').click()
  const piaSelection = pia.page.getByRole('group', { name: 'Selection' })
  await expect(piaSelection.getByRole('button', { name: /^Rename/ })).toBeDisabled()
  await pia.variable('Workload').click()
  await expect(piaSelection.getByRole('button', { name: /^Rename/ })).toBeEnabled()
  await fran.page.getByRole('button', { name: 'Unlock these' }).click()
  for (const studio of [pia, pat]) await expect(studio.page.getByText('1 variable locked by Fran')).toHaveCount(0)

  // The whole diagram.
  await fran.page.getByRole('button', { name: 'Lock diagram' }).click()
  for (const studio of [fran, pia, pat]) await expect(studio.page.getByRole('status').filter({ hasText: 'This diagram is locked by Fran' })).toBeVisible()
  await expect(pia.page.getByRole('button', { name: '+ Variable' })).toBeDisabled()
  // Double-clicking a locked canvas offers no new variable either.
  const canvas = (await pia.canvas.boundingBox())!
  await pia.page.mouse.dblclick(canvas.x + canvas.width * 0.5, canvas.y + canvas.height * 0.8)
  await pia.page.keyboard.press('n')
  await expect(pia.page.getByRole('textbox', { name: 'Name of the new variable' })).toHaveCount(0)
  await fran.screenshot('locked')

  // Eve's rebuilt app writes straight into the document through the relay.
  const eve = await ModifiedPeer.join(await people[0].person.inviteLink(), 'eve-modified-app')
  await eve.until(() => variables(eve.doc).has('Workload'), 'the diagram to arrive')
  eve.doc.transact(() => {
    variables(eve.doc).get('Workload')?.set('label', 'Nothing to see')
    variables(eve.doc).get('Stress')?.set('x', 5_000)
  })
  await eve.flushed()
  // Every honest app puts it back: even Eve's copy holds the locked diagram again.
  await eve.until(() => variables(eve.doc).has('Workload') && variables(eve.doc).get('Stress')?.get('x') !== 5_000, 'the locked diagram to be put back')
  for (const studio of [fran, pia, pat]) {
    await expect(studio.variable('Workload')).toBeVisible()
    await expect(studio.page.getByText('Nothing to see')).toHaveCount(0)
  }
  eve.close()

  await fran.page.getByRole('button', { name: 'Unlock diagram' }).click()
  await expect(pia.page.getByRole('button', { name: '+ Variable' })).toBeEnabled()
  await pia.addVariableAt('Rest', 0.5, 0.75)
  await expect(fran.variable('Rest')).toBeVisible()

  // The agenda: locked, nobody changes the segments; the lock says who, on every screen.
  const [host, guest] = people
  await host.openAgendaTab('Run of show')
  const add = host.page.getByRole('form', { name: 'Add a segment' })
  await add.getByLabel('New segment').fill('Check-in')
  await add.getByRole('button', { name: 'Add segment' }).click()
  await expect(host.page.getByRole('list', { name: 'Segments' }).getByTestId('ag-segment')).toHaveCount(1)
  await host.page.getByRole('button', { name: 'Lock the agenda' }).click()
  await expect(host.page.getByRole('form', { name: 'Add a segment' })).toHaveCount(0)
  await guest.openAgendaTab('Run of show')
  await expect(guest.page.getByRole('status').filter({ hasText: 'The agenda is locked by Fran' })).toBeVisible()
  await host.person.screenshot('agenda-locked')
  await host.page.getByRole('button', { name: 'Unlock the agenda' }).click()
  await expect(host.page.getByRole('form', { name: 'Add a segment' })).toBeVisible()
  await Promise.all(people.map((p) => p.person.close()))
})
