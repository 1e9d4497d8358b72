import { expect, test } from '@playwright/test'
import { Person } from './support/convene'
import { CohortMember } from './support/cohort'
import { RelayProcess } from './support/relay'

/**
 * The relay: work that travels between people who are never online together, and a
 * relay that dies mid-session without losing anything. Real browsers, real IndexedDB,
 * real WebRTC and the real relay (the one `convene web` embeds, and a standalone
 * `convene relay` process).
 */
test('a facilitator in Copenhagen and a practitioner in Jakarta, never online at the same time, see each other’s work', async ({ browser }) => {
  test.setTimeout(120_000)
  // Copenhagen: Fay starts the cohort, copies its invite, and closes the app.
  const fay = new CohortMember(await Person.open(browser, 'Fay', { timezoneId: 'Europe/Copenhagen' }))
  await fay.createCohort('Compassionate systems fellows')
  const link = await fay.inviteLink()
  expect(link).toContain('relay=ws')
  await fay.person.expectRelayHasEverything()
  await fay.person.leave()

  // Jakarta, evening: Pia opens the invite with nobody else online, writes her project card, and closes the app.
  const pia = new CohortMember(await Person.open(browser, 'Pia', { timezoneId: 'Asia/Jakarta' }))
  await pia.joinByLink(link, 'Practitioner')
  await expect(pia.page.getByLabel('Cohort name')).toHaveValue('Compassionate systems fellows')
  await pia.startCard()
  await pia.typeInto('Current reality', 'Our staff meetings never reach the students.')
  await expect(pia.page.getByTestId('connection-summary')).toContainText('On the relay')
  await pia.person.expectRelayHasEverything()
  await pia.person.leave()

  // Copenhagen, 09:00: Fay opens the app, reads Pia's card and answers it, and closes the app.
  const fayAgain = new CohortMember(await fay.person.comeBack())
  await fayAgain.page.getByRole('list', { name: 'Cohorts on this computer' }).getByRole('button', { name: /Compassionate systems fellows/ }).click()
  await fayAgain.openCard('Pia')
  const card = fayAgain.page.getByRole('article', { name: 'Pia’s project' })
  await expect(card).toContainText('Our staff meetings never reach the students.')
  await card.getByLabel('Your comment').fill('Could the students run one meeting?')
  await card.getByRole('button', { name: 'Comment', exact: true }).click()
  await fayAgain.screenshot('relay-copenhagen')
  await fayAgain.person.expectRelayHasEverything()
  await fayAgain.person.leave()

  // Jakarta, 17:00: Pia finds Fay's answer on her card.
  const piaAgain = new CohortMember(await pia.person.comeBack())
  await piaAgain.page.getByRole('list', { name: 'Cohorts on this computer' }).getByRole('button', { name: /Compassionate systems fellows/ }).click()
  await piaAgain.openCard('Pia')
  await expect(piaAgain.comments()).toContainText('Could the students run one meeting?')
  await Promise.all([piaAgain.person.close(), fayAgain.person.close()])
})

test('the relay is killed mid-session: people keep working, it comes back, and nothing is lost', async ({ browser, baseURL }) => {
  test.setTimeout(120_000)
  // An organisation's relay lets in the pages of the site that serves its browser twin (README).
  const relay = await RelayProcess.start(new URL(baseURL!).origin)
  try {
    const ada = await Person.open(browser, 'Ada')
    await ada.setRelays([relay.url], 'relay-settings')
    await ada.createConvening('Relay drill')
    await ada.page.getByRole('button', { name: 'Invite', exact: true }).click()
    await expect(ada.page.getByTestId('invite-relay')).toContainText(relay.url)
    await ada.screenshot('relay-invite')
    await ada.page.getByRole('dialog', { name: 'Invite people' }).getByRole('button', { name: 'Close' }).click()
    const link = await ada.inviteLink()
    expect(decodeURIComponent(link)).toContain(`relay=${relay.url}`)
    const ben = await Person.open(browser, 'Ben')
    await ben.joinByLink(link)
    await ada.expectPresent(['Ada', 'Ben'])
    await ada.typeInNotes('Before the cut.')
    await expect(ben.notes).toHaveValue('Before the cut.')
    await ada.expectRelayHasEverything()
    const details = await ada.connectionDetails()
    await expect(details.getByTestId('relay-state')).toHaveText('connected')
    await ada.screenshot('relay-connection-details')

    await relay.kill()
    await expect(details.getByTestId('relay-state')).toHaveText(/connecting|not reachable/)
    // WebRTC carries on while the relay is gone.
    await ben.typeInNotes(' During the cut.')
    await expect(ada.notes).toHaveValue('Before the cut. During the cut.')
    await expect(ada.present.getByRole('listitem')).toHaveCount(2)

    await relay.restart()
    await expect(details.getByTestId('relay-state')).toHaveText('connected', { timeout: 30_000 })
    await ada.page.getByTestId('connection-summary').click()
    await ada.expectRelayHasEverything()
    await ben.expectRelayHasEverything()
    await Promise.all([ada.close(), ben.close()])

    // Nobody else is online: Cy gets everything from the relay alone.
    const cy = await Person.open(browser, 'Cy')
    await cy.joinByLink(link)
    await expect(cy.notes).toHaveValue('Before the cut. During the cut.')
    await cy.close()
  } finally {
    await relay.stop()
  }
})
