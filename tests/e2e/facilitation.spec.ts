import { expect, test } from '@playwright/test'
import { Person } from './support/convene'
import * as Y from 'yjs'
import { Facilitation, closeAll, confirmRole, convening, shiftClockScript } from './support/facilitation'
import { ModifiedPeer } from './support/modified-peer'
import { PERSON_COLOURS, SIGNED_FIELD, bindStatement, grantStatement, metaMap, peopleMap, placeStatement, readPeople } from '../../shared/session'

test.describe('run of show', () => {
  test('summon and follow move the others’ view; stepping out is one click', async ({ browser }) => {
    const people = await convening(browser, 'Attention', 'Fran', ['Pia', 'Pat'])
    const [fran, pia, pat] = people

    await fran.goTo('Diagrams')
    await fran.strip.getByRole('button', { name: 'Bring everyone here' }).click()
    await pia.expectPanel('Diagrams')
    await pat.expectPanel('Diagrams')
    // A summon is once: Pia may go elsewhere afterwards.
    await pia.goTo('Notes')
    await pia.expectPanel('Notes')

    await fran.strip.getByRole('button', { name: 'Follow me' }).click()
    await expect(pia.followBanner).toContainText('Following Fran’s view')
    await fran.goTo('Climate')
    await pia.expectPanel('Climate')
    await pat.expectPanel('Climate')
    await expect(fran.strip.getByRole('button', { name: 'Following you: 2' })).toBeVisible()
    await pat.person.screenshot('facilitation-following')

    await pat.followBanner.getByRole('button', { name: 'Stop following' }).click()
    await expect(pat.followBanner).toHaveCount(0)
    await fran.goTo('Conversation')
    await pia.expectPanel('Conversation')
    await pat.expectPanel('Climate')

    // Follow any person: Pat follows Pia (who follows Fran).
    await (await pat.personDetails('Pia')).getByRole('button', { name: 'Follow Pia' }).click()
    await pat.expectPanel('Conversation')
    await expect(pat.followBanner).toContainText('Following Pia’s view')
    // Picking a panel oneself steps out too.
    await pat.goTo('Notes')
    await expect(pat.followBanner).toHaveCount(0)
    await fran.goTo('Harvest')
    await pia.expectPanel('Harvest')
    await pat.expectPanel('Notes')
    await closeAll(people)
  })

  test('a shared timer shows the same seconds on all three screens, one of them seven minutes off', async ({ browser }) => {
    const franPerson = await Person.open(browser, 'Fran')
    await franPerson.createConvening('Clocks')
    const link = await franPerson.inviteLink()
    const piaPerson = await Person.open(browser, 'Pia')
    await piaPerson.joinByLink(link)
    const patPerson = await Person.open(browser, 'Pat')
    const shift = 7 * 60_000
    await patPerson.context.addInitScript(shiftClockScript(shift))
    // The invite link only changes the address's hash: load the page afresh so the shifted clock is in place first.
    await patPerson.page.reload()
    await patPerson.joinByLink(link)
    for (const p of [franPerson, piaPerson, patPerson]) await p.expectPresent(['Fran', 'Pia', 'Pat'])
    const [fran, pia, pat] = [franPerson, piaPerson, patPerson].map((p) => new Facilitation(p))
    // The shift is real: Pat's machine reads seven minutes ahead.
    const skew = (await pat.page.evaluate(() => Date.now())) - (await fran.page.evaluate(() => Date.now()))
    expect(skew).toBeGreaterThan(shift - 5000)

    await fran.startTimer('Silent writing', 5)
    for (const view of [fran, pia, pat]) await expect(view.timerChip('Silent writing')).toBeVisible()
    await expect
      .poll(async () => {
        const seconds = await Promise.all([fran, pia, pat].map((v) => v.secondsLeft('Silent writing')))
        return Math.max(...seconds) - Math.min(...seconds)
      })
      .toBeLessThanOrEqual(1)
    const seconds = await Promise.all([fran, pia, pat].map((v) => v.secondsLeft('Silent writing')))
    expect(Math.min(...seconds)).toBeGreaterThan(4 * 60)
    expect(Math.max(...seconds)).toBeLessThanOrEqual(5 * 60)

    // Paused, it reads the same everywhere; a facilitators-only timer stays off practitioners' screens.
    await fran.timerChip('Silent writing').getByRole('button', { name: 'Pause Silent writing' }).click()
    await expect(pat.timerChip('Silent writing').getByTestId('fx-countdown')).toContainText('paused')
    const paused = await Promise.all([fran, pia, pat].map((v) => v.secondsLeft('Silent writing')))
    expect(Math.max(...paused) - Math.min(...paused)).toBeLessThanOrEqual(1)
    await fran.startTimer('Wrap-up cue', 2, 'Facilitators only')
    await expect(fran.timerChip('Wrap-up cue')).toBeVisible()
    await expect(pia.timerChip('Silent writing')).toBeVisible()
    await expect(pia.timerChip('Wrap-up cue')).toHaveCount(0)
    await pat.person.screenshot('facilitation-timer-shifted-clock')
    await closeAll([fran, pia, pat])
  })

  test('agenda from a template: starting a segment opens its panel for everyone; extending rebalances or runs over', async ({ browser }) => {
    const people = await convening(browser, 'Weekly', 'Fran', ['Pia'])
    const [fran, pia] = people
    await fran.openAgendaTab('Run of show')
    await fran.page.getByRole('button', { name: 'Templates' }).click()
    const dialog = fran.page.getByRole('dialog', { name: 'Agenda templates' })
    await dialog.getByRole('button', { name: 'Use Weekly practice convening' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(fran.page.getByRole('list', { name: 'Segments' }).getByTestId('ag-segment')).toHaveCount(5)
    await expect(pia.strip.getByTestId('fx-now')).toContainText('Not started · 5 segments, 1 h 5 min')

    await fran.page.getByRole('button', { name: 'Start the convening' }).click()
    for (const view of [fran, pia]) {
      await view.expectPanel('Conversation')
      await expect(view.strip.getByTestId('fx-current-segment')).toHaveText('Arrive and check in')
      await expect(view.strip.getByTestId('fx-next-segment')).toContainText('Next: This week’s tool · 20 min')
    }
    // Pia was moved, and is told by whom, with the way back.
    await expect(pia.movedNotice).toContainText('Fran started “Arrive and check in” and brought everyone to Conversation')
    // Practitioners see the plan, not the controls.
    await expect(pia.strip.getByRole('group', { name: 'Segment controls' })).toHaveCount(0)

    await fran.strip.getByRole('button', { name: 'Five more minutes for this segment' }).click()
    await fran.openAgendaTab('Run of show')
    await expect(fran.page.getByTestId('ag-overrun')).toHaveText('(on time)')
    await expect(fran.page.getByRole('list', { name: 'Segments' })).toContainText('shortened to')
    await fran.page.getByLabel('Keep every segment’s length: run over').check()
    await expect(fran.page.getByTestId('ag-overrun')).toHaveText('(+5 min)')
    await fran.person.screenshot('facilitation-agenda-running')

    await fran.strip.getByRole('button', { name: 'Next segment' }).click()
    for (const view of [fran, pia]) {
      await view.expectPanel('Diagrams')
      await expect(view.strip.getByTestId('fx-current-segment')).toHaveText('This week’s tool')
    }
    await pia.goTo('Agenda')
    await expect(pia.page.getByRole('list', { name: 'Segments' }).getByTestId('ag-segment').first()).toContainText('Done')
    await pia.person.screenshot('facilitation-agenda-practitioner')

    // Ending is signed with Fran's key (her app's WebCrypto key), and every copy checks it.
    await fran.openAgendaTab('Run of show')
    await fran.page.getByRole('button', { name: 'End the convening' }).click()
    for (const view of [fran, pia]) await expect(view.page.getByText(/Ended: 5 segments/)).toBeVisible()
    await closeAll(people)
  })

  test('a breakout round trip: groups by hand, each with its diagram and prompt, a late joiner, a broadcast, and back', async ({ browser }) => {
    const people = await convening(browser, 'Breakouts', 'Fran', ['Pia', 'Pat'])
    const [fran, pia, pat] = people
    const setup = await fran.breakoutsByHand(2, { Pia: 'Group 1', Pat: 'Group 2' })
    await setup.getByLabel('Prompt for the groups').fill('Which loop keeps this pattern going?')
    await setup.getByLabel('Afterwards everyone comes back to').selectOption({ label: 'Notes' })
    await fran.person.screenshot('facilitation-breakout-setup')
    await setup.getByRole('button', { name: 'Open breakouts' }).click()

    await expect(pia.page.getByTestId('fx-my-group')).toHaveText('Group 1')
    await expect(pat.page.getByTestId('fx-my-group')).toHaveText('Group 2')
    await expect(pia.page.getByTestId('fx-group-prompt')).toHaveText('Which loop keeps this pattern going?')
    // Each group lands on its own diagram.
    await pia.expectPanel('Diagrams')
    await pat.expectPanel('Diagrams')
    await expect(pia.page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab', { selected: true })).toContainText('Group 1')
    await expect(pat.page.getByRole('tablist', { name: 'Diagrams' }).getByRole('tab', { selected: true })).toContainText('Group 2')

    // Lee arrives late and is placed in the smallest group.
    const lee = new Facilitation(await Person.open(browser, 'Lee'))
    await lee.person.joinByLink(await fran.person.inviteLink())
    await expect(lee.page.getByTestId('fx-my-group')).toHaveText(/Group [12]/)
    await expect(lee.page.getByTestId('fx-breakout')).toContainText(/with (Pia|Pat)/)

    await expect(fran.page.getByRole('list', { name: 'Groups' })).toContainText('Lee')
    await fran.page.getByLabel('Message to every group').fill('Five minutes left: choose one loop to bring back.')
    await fran.page.getByRole('button', { name: 'Send to all groups' }).click()
    for (const view of [pia, pat, lee]) await expect(view.page.getByTestId('fx-broadcast')).toContainText('Five minutes left')
    await fran.page.getByRole('button', { name: 'Close in 30 s' }).click()
    await expect(pia.page.getByTestId('fx-breakout')).toContainText('Back together in')
    await fran.person.screenshot('facilitation-breakout-running')
    await pia.person.screenshot('facilitation-breakout-member')

    await fran.page.getByRole('button', { name: 'Close breakouts now' }).click()
    for (const view of [pia, pat, lee]) {
      await expect(view.page.getByTestId('fx-breakout')).toHaveCount(0)
      await view.expectPanel('Notes')
    }
    await closeAll([...people, lee])
  })

  test('hands go up in order and come down by their owner or a facilitator', async ({ browser }) => {
    const people = await convening(browser, 'Hands', 'Fran', ['Pia', 'Pat'])
    const [fran, pia, pat] = people
    await pia.handButton.click()
    await expect(pia.handButton).toHaveText(/Lower hand \(1st\)/)
    await pat.handButton.click()
    await expect(pat.handButton).toHaveText(/Lower hand \(2nd\)/)
    await expect.poll(() => fran.hands()).toEqual(['Pia', 'Pat'])
    await expect.poll(() => pat.hands()).toEqual(['Pia', 'Pat'])

    await fran.lowerHandOf('Pia')
    await expect(pia.handButton).toHaveText(/Raise hand/)
    await expect(pat.handButton).toHaveText(/Lower hand \(1st\)/)
    await pat.handButton.click()
    await expect.poll(() => fran.hands()).toEqual([])
    await closeAll(people)
  })

  test('a role asked for at joining waits for the facilitator; only facilitators see a pause request', async ({ browser }) => {
    const people = await convening(browser, 'Roles', 'Fran', [['Cole', 'Co-facilitator'], 'Pia'])
    const [fran, cole, pia] = people
    await expect(fran.personRow('Cole')).toContainText('Practitioner · asks to be Co-facilitator')
    await expect(cole.strip.getByRole('button', { name: 'Bring everyone here' })).toHaveCount(0)
    await fran.person.screenshot('facilitation-role-request')

    await confirmRole(fran.person, 'Cole', 'Co-facilitator')
    await expect(cole.strip.getByRole('button', { name: 'Bring everyone here' })).toBeVisible()
    await expect(pia.personRow('Cole').getByTestId('role-text')).toHaveText('Co-facilitator')

    await pia.strip.getByRole('button', { name: 'We need a pause' }).click()
    await expect(fran.strip.getByTestId('fx-pause-requests')).toHaveText('Pia asks for a pause')
    await expect(cole.strip.getByTestId('fx-pause-requests')).toHaveText('Pia asks for a pause')
    await expect(pia.strip.getByRole('button', { name: 'You asked for a pause' })).toHaveAttribute('aria-pressed', 'true')
    await expect(pia.strip.getByTestId('fx-pause-requests')).toHaveCount(0)

    await fran.openAgendaTab('Roles')
    await expect(fran.page.getByRole('heading', { name: 'About roles' })).toBeVisible()
    await expect(fran.page.getByText(/Someone who rebuilt Convene cannot give themselves a role or take one from anyone/)).toBeVisible()
    await fran.person.screenshot('facilitation-roles')

    // Eve has the invite and a Convene rebuilt to lie: she writes straight into the document,
    // through the real relay, everything that would once have made her the facilitator.
    const eve = await ModifiedPeer.join(await fran.person.inviteLink(), 'eve-modified-app')
    const { room } = eve.invite
    const id = (name: string): string => readPeople(eve.doc).find((p) => p.name === name)!.id
    const [franId, coleId] = [id('Fran'), id('Cole')]
    const coleStatements = (): Y.Map<string> => peopleMap(eve.doc).get(coleId)!.get(SIGNED_FIELD) as Y.Map<string>
    expect(coleStatements().size).toBe(2) // Cole's own key, and Fran's signed grant
    const bind = await bindStatement(eve.signer, room)
    const selfGrant = await grantStatement({ ...eve.signer, personId: franId }, room, { subject: eve.personId, subjectKey: eve.signer.publicKey, role: 'facilitator' })
    eve.doc.transact(() => {
      const entry = new Y.Map<unknown>()
      peopleMap(eve.doc).set(eve.personId, entry)
      for (const [key, value] of Object.entries({ name: 'Eve', role: 'facilitator', colour: PERSON_COLOURS[0], timeZone: 'UTC', joinedAt: Date.now() })) entry.set(key, value)
      entry.set('grant', { role: 'facilitator', by: franId, at: Date.now() }) // an unsigned grant "from" Fran
      metaMap(eve.doc).set('createdBy', eve.personId) // the old anchor of every role
      for (const key of [...coleStatements().keys()]) coleStatements().delete(key) // Cole's role, taken away
    })
    placeStatement(eve.doc, eve.personId, bind)
    placeStatement(eve.doc, eve.personId, selfGrant) // signed by Eve, claiming to be Fran
    await eve.flushed()

    for (const view of [fran, cole, pia]) {
      const eveRow = view.person.absent.getByRole('listitem').filter({ hasText: 'Eve' })
      await expect(eveRow.getByTestId('role-text')).toHaveText('Practitioner') // her writes arrived, and changed nothing
    }
    await expect(pia.personRow('Cole').getByTestId('role-text')).toHaveText('Co-facilitator')
    await expect(cole.strip.getByRole('button', { name: 'Bring everyone here' })).toBeVisible()
    await expect(fran.strip.getByRole('button', { name: 'Bring everyone here' })).toBeVisible()
    await expect(fran.personRow('Fran').getByTestId('role-text')).toHaveText('Facilitator')
    // The honest apps put Cole's statements back: even Eve's own copy holds them again.
    await eve.until(() => coleStatements().size === 2, 'Cole’s grant to come back')
    await fran.person.screenshot('facilitation-roles-modified-peer')
    eve.close()
    await closeAll(people)
  })

  test('time zones: each person sees the start time in their own time, and how a proposed time falls for everyone', async ({ browser }) => {
    const fran = await Person.open(browser, 'Fran', { timezoneId: 'Europe/Lisbon' })
    await fran.createConvening('Across the world')
    const link = await fran.inviteLink()
    const yuki = await Person.open(browser, 'Yuki', { timezoneId: 'Asia/Tokyo' })
    await yuki.joinByLink(link, 'Practitioner')
    const ana = await Person.open(browser, 'Ana', { timezoneId: 'America/Bogota' })
    await ana.joinByLink(link, 'Practitioner')
    const people = [fran, yuki, ana]
    for (const person of people) await person.expectPresent(['Fran', 'Yuki', 'Ana'])
    const [f, y, a] = people.map((p) => new Facilitation(p))
    // Each person's own time beside their name.
    await expect((await f.personDetails('Yuki')).getByTestId('fx-local-time')).toContainText('in Tokyo')
    await expect((await y.personDetails('Ana')).getByTestId('fx-local-time')).toContainText('in Bogota')

    // 10 March 2027, 09:00 in Lisbon (UTC+0 then) is 18:00 in Tokyo and 04:00 in Bogotá.
    await f.openAgendaTab('Time zones')
    await fran.page.getByLabel(/A time in your zone/).fill('2027-03-10T09:00')
    const falls = fran.page.getByRole('table', { name: 'How this time falls for each person' })
    await expect(falls.getByRole('row', { name: /Yuki/ })).toContainText('18:00')
    await expect(falls.getByRole('row', { name: /Yuki/ })).toContainText('late')
    await expect(falls.getByRole('row', { name: /Ana/ })).toContainText('04:00')
    await expect(falls.getByRole('row', { name: /Ana/ })).toContainText('night')
    await expect(falls.getByRole('row', { name: /Fran/ })).toContainText('usual hours')
    await fran.page.getByRole('button', { name: 'Use as the start time' }).click()
    await fran.screenshot('facilitation-time-zones')

    // Above every panel, each person sees the start in their own time, with the day.
    await expect(y.strip.getByTestId('fx-now')).toHaveText('Starts Wed 10 Mar, 18:00 your time')
    await expect(a.strip.getByTestId('fx-now')).toHaveText('Starts Wed 10 Mar, 04:00 your time')
    await yuki.screenshot('facilitation-start-time-strip')
    await y.openAgendaTab('Time zones')
    await expect(yuki.page.getByTestId('ag-start-time')).toContainText('18:00')
    await expect(yuki.page.getByTestId('ag-start-time')).toContainText('Tokyo')
    await a.openAgendaTab('Time zones')
    await expect(ana.page.getByTestId('ag-start-time')).toContainText('04:00')
    await closeAll([f, y, a])
  })
})
