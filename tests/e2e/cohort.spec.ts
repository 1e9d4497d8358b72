import { expect, test } from '@playwright/test'
import { Person } from './support/convene'
import { execFileSync } from 'node:child_process'
import { CohortMember, becomeFacilitator, storeCohort, type StoredCohort } from './support/cohort'

/**
 * One cohort, four people in their own browser contexts over real WebRTC: Fay
 * facilitates, Pia and Priya are practitioners, Mo mentors. The tests build on each
 * other (serial), as a cohort's year does.
 */
test.describe.serial('a cohort: projects, mentors and the thread between convenings', () => {
  let fay: CohortMember
  let pia: CohortMember
  let priya: CohortMember
  let mo: CohortMember

  test.afterAll(async () => {
    await Promise.all([fay, pia, priya, mo].filter(Boolean).map((m) => m.person.close()))
  })

  test('a facilitator creates a cohort with two practitioners and a mentor, each in their own context', async ({ browser }) => {
    test.setTimeout(120_000)
    fay = new CohortMember(await Person.open(browser, 'Fay'))
    await fay.openCreateForm()
    await fay.screenshot('home-empty')
    await fay.createCohort('Fellows 2027')
    await fay.page.getByRole('button', { name: 'Invite', exact: true }).click()
    await fay.screenshot('invite')
    await fay.page.getByRole('dialog', { name: 'Invite people to the cohort' }).getByRole('button', { name: 'Close' }).click()
    const link = await fay.inviteLink()
    expect(link).toMatch(/#\/join\?room=[A-Za-z0-9_-]{22}&secret=[A-Za-z0-9_-]{22}&signal=ws.*&kind=cohort/)

    pia = new CohortMember(await Person.open(browser, 'Pia'))
    priya = new CohortMember(await Person.open(browser, 'Priya'))
    mo = new CohortMember(await Person.open(browser, 'Mo'))
    await pia.joinByLink(link, 'Practitioner')
    await priya.joinByLink(link, 'Practitioner')
    await mo.joinByLink(link, 'Mentor')
    await expect(mo.page.getByRole('heading', { name: 'Fellows 2027' })).toBeAttached()

    await pia.setDetails('Kenya', 'Nairobi Green School')
    await fay.openTab('Members')
    // Mo asked to mentor; the role counts once Fay confirms it. Fay changes roles with a select.
    await expect(fay.memberRow('Mo')).toContainText('asks to be Mentor')
    await expect(fay.memberRow('Mo').getByRole('combobox', { name: 'Role of Mo' })).toHaveValue('practitioner')
    await fay.memberRow('Mo').getByRole('button', { name: 'Confirm as Mentor' }).click()
    await expect(fay.memberRow('Mo').getByRole('combobox', { name: 'Role of Mo' })).toHaveValue('mentor')
    await expect(fay.memberRow('Mo')).not.toContainText('asks to be')
    await expect(fay.page.getByText('A peer-to-peer cohort cannot take its invite back')).toBeVisible()
    await mo.openTab('Members')
    for (const [name, role] of [['Fay', 'Facilitator'], ['Pia', 'Practitioner'], ['Priya', 'Practitioner'], ['Mo', 'Mentor']]) {
      await expect(mo.memberRow(name).getByTestId('role-text')).toHaveText(role)
    }
    await expect(mo.page.getByText('A peer-to-peer cohort cannot take its invite back')).toHaveCount(0)
    await expect(fay.memberRow('Pia')).toContainText('Nairobi Green School, Kenya')
    await expect(fay.memberRow('Mo')).toContainText('here now')
    await expect(fay.page.getByText('4 in the cohort, facilitated by Fay.')).toBeVisible()
    await fay.screenshot('members')

    // Fay pairs Mo with Pia; Pia starts her card.
    await fay.openTab('Mentoring')
    await fay.page.getByRole('combobox', { name: /^Mentor/ }).selectOption({ label: 'Mo' })
    await fay.page.getByRole('combobox', { name: /^Practitioner/ }).selectOption({ label: 'Pia' })
    await fay.page.getByRole('button', { name: 'Pair them' }).click()
    await expect(fay.page.getByRole('list', { name: 'Mentoring pairs' })).toContainText('Mo mentors Pia')

    await pia.startCard()
    await pia.typeInto('Project title', 'Learning outdoors, every week')
    await pia.typeInto('Aspiration', 'Every class learns outside once a week.')
    await pia.typeInto('Practice', 'I am learning to slow down and let the children lead.')
    await pia.page.getByRole('button', { name: /Quality education/ }).click()
    await expect(pia.page.getByRole('button', { name: /Quality education/ })).toHaveAttribute('aria-pressed', 'true')
    await expect(pia.field('School or organisation')).toHaveValue('Nairobi Green School')
    await pia.screenshot('card-owner')

    await priya.openTab('Projects')
    await expect(priya.page.getByTestId('project-list')).toContainText('Learning outdoors, every week')
    await expect(priya.page.getByTestId('project-list')).toContainText('Nairobi Green School, Kenya')
    await priya.screenshot('projects')

    // The mentor sees his mentee's project and reflections in one place, and leaves a note.
    await mo.openTab('Mentoring')
    const mentee = mo.page.getByRole('article', { name: 'Pia' })
    await expect(mentee).toContainText('Learning outdoors, every week')
    await expect(mentee).toContainText('I am learning to slow down and let the children lead.')
    await mentee.getByLabel('A note for Pia').fill('Lovely start. What would a first small step be?')
    await mentee.getByRole('button', { name: 'Leave note' }).click()
    await mo.screenshot('mentor')

    await pia.openTab('Mentoring')
    await expect(pia.page.getByRole('heading', { name: 'Your mentors' })).toBeVisible()
    await expect(pia.page.getByLabel('Notes for you')).toContainText('Lovely start. What would a first small step be?')
    await priya.openTab('Mentoring')
    await expect(priya.page.getByText('You have not been paired with a mentor yet.')).toBeVisible()
    await expect(priya.page.getByText('Lovely start')).toHaveCount(0)
  })

  test('a project card edited by two co-authors at once converges, and the others see it read-only', async () => {
    await pia.openCard('Pia')
    await pia.page.getByText(/^Co-authors/).click()
    await pia.page.getByLabel('Add a co-author').selectOption({ label: 'Priya' })
    await pia.page.getByRole('button', { name: 'Add co-author' }).click()
    await expect(pia.page.getByText('Co-authors: Priya')).toBeVisible()

    await priya.openCard('Pia')
    await expect(priya.field('Current reality')).toBeEditable()
    await pia.typeInto('Current reality', 'The timetable is full.')
    await expect(priya.field('Current reality')).toHaveValue('The timetable is full.')
    // At the same moment: Pia adds at the start, Priya at the end.
    await Promise.all([
      pia.typeInto('Current reality', 'For now: ', 'start'),
      priya.typeInto('Current reality', ' Priya: but the head teacher is keen.'),
    ])
    const merged = 'For now: The timetable is full. Priya: but the head teacher is keen.'
    await expect(pia.field('Current reality')).toHaveValue(merged)
    await expect(priya.field('Current reality')).toHaveValue(merged)

    await mo.openCard('Pia')
    const card = mo.page.getByRole('article', { name: 'Pia’s project' })
    await expect(card.getByRole('textbox', { name: 'Current reality' })).toHaveCount(0)
    await expect(card).toContainText(merged)
    await card.getByLabel('Your comment').fill('Who could you ask about the timetable?')
    await card.getByRole('button', { name: 'Comment', exact: true }).click()
    await expect(pia.comments()).toContainText('Who could you ask about the timetable?')
    await mo.screenshot('card-reader')

    await fay.openTab('Mentoring')
    await fay.page.getByText('Everyone being mentored').waitFor()
    await fay.page.locator('details.mentee-details summary').first().click()
    await expect(fay.page.getByRole('article', { name: 'Pia' })).toContainText('Lovely start. What would a first small step be?')
    await fay.screenshot('mentoring-facilitator')
  })

  test('a clinic’s appreciations reach the presenter’s card', async () => {
    await priya.openTab('Clinic')
    await expect(priya.page.getByText('No clinic is running.', { exact: false })).toBeVisible()
    await priya.screenshot('clinic-waiting')
    await fay.openTab('Clinic')
    await fay.page.getByLabel('Who presents').selectOption({ label: 'Pia — Learning outdoors, every week' })
    await fay.screenshot('clinic-setup')
    await fay.page.getByRole('button', { name: 'Start the clinic' }).click()
    for (const member of [pia, priya, mo]) {
      await member.openTab('Clinic')
      await expect(member.page.getByRole('list', { name: 'Clinic stages' }).locator('[aria-current="step"]')).toHaveText('Presenting')
    }
    await fay.page.getByRole('button', { name: 'Start timer' }).click()
    await expect(priya.page.getByRole('timer')).toContainText('running')
    await expect(priya.page.getByRole('timer')).toContainText(/^4:5\d|^5:00/)

    await fay.page.getByRole('button', { name: 'Next: Clarifying questions →' }).click()
    await fay.page.getByRole('button', { name: 'Next: Appreciations →' }).click()
    await expect(priya.page.getByRole('list', { name: 'Clinic stages' }).locator('[aria-current="step"]')).toHaveText('Appreciations')
    await expect(pia.page.getByLabel('Your appreciation')).toHaveCount(0)
    await priya.page.getByLabel('Your appreciation').fill('How clearly you keep the children at the centre.')
    await priya.page.getByRole('button', { name: 'Offer appreciation' }).click()
    await mo.page.getByLabel('Your appreciation').fill('You started small and kept going.')
    await mo.page.getByRole('button', { name: 'Offer appreciation' }).click()
    await expect(fay.page.getByRole('list', { name: 'Offered in this clinic' }).getByRole('listitem')).toHaveCount(2)
    await pia.screenshot('clinic-presenter')
    await priya.screenshot('clinic-group')

    await pia.openCard('Pia')
    for (const text of ['How clearly you keep the children at the centre.', 'You started small and kept going.']) {
      await expect(pia.comments().getByRole('listitem').filter({ hasText: text })).toContainText('Appreciation · clinic')
    }
  })

  test('a convening created from the cohort shows its members, and anyone opens it from the timeline', async () => {
    await fay.openTab('Clinic')
    await fay.page.getByRole('button', { name: 'End early' }).click()
    await fay.openTab('Timeline')
    await fay.page.getByText('Start a convening from this cohort').click()
    await fay.page.getByLabel('Title').fill('Convening 1: our systems')
    await fay.screenshot('timeline-start')
    await fay.page.getByRole('button', { name: 'Create the convening' }).click()
    await expect(fay.person.titleInput).toHaveValue('Convening 1: our systems')
    for (const [name, role] of [['Pia', 'Practitioner'], ['Priya', 'Practitioner'], ['Mo', 'Mentor']]) {
      await expect(fay.person.absent.getByRole('listitem').filter({ hasText: name }).getByTestId('role-text')).toHaveText(role)
    }
    await fay.person.expectPresent(['Fay'])
    await fay.page.screenshot({ path: 'tests/e2e/screenshots/cohort-convening.png' })

    await pia.openTab('Timeline')
    const entry = pia.page.getByRole('listitem').filter({ hasText: 'Convening 1: our systems' })
    await expect(entry).toContainText('Where 1 card stood before it')
    await entry.getByRole('button', { name: 'Join Convening 1: our systems' }).click()
    await expect(pia.person.titleInput).toHaveValue('Convening 1: our systems')
    await fay.person.expectPresent(['Fay', 'Pia'])

    await pia.page.goBack()
    await pia.openTab('Timeline')
    await pia.page.getByLabel('Search the timeline').fill('clinic pia')
    await expect(pia.page.getByRole('list', { name: 'Cohort timeline, newest first' }).getByRole('listitem')).toHaveCount(1)
    await pia.page.getByLabel('Search the timeline').fill('')
    await pia.screenshot('timeline')
    await pia.openCard('Pia')
    await pia.page.getByRole('button', { name: 'History' }).click()
    await expect(pia.page.getByRole('list', { name: 'Milestones, newest first' })).toContainText('Before “Convening 1: our systems”')
    await pia.screenshot('card-history')
  })

  test('a member who leaves keeps their card; the others keep what was shared', async () => {
    await priya.startCard()
    await priya.typeInto('Project title', 'Circles of care in Year 9')
    await priya.openTab('Members')
    await priya.page.getByRole('button', { name: 'Leave this cohort…' }).click()
    await priya.page.getByRole('dialog').getByRole('button', { name: 'Leave the cohort' }).click()
    await expect(priya.page.getByText(/You left this cohort on/)).toBeVisible()
    await expect(priya.page.getByRole('heading', { name: 'Circles of care in Year 9' })).toBeVisible()
    await expect(priya.page.getByRole('button', { name: 'Save your card as a file' })).toBeVisible()
    await priya.screenshot('left')
    await priya.page.getByRole('link', { name: '← Home' }).or(priya.page.getByRole('button', { name: '← Home' })).click()
    await expect(priya.page.getByRole('list', { name: 'Cohorts on this computer' })).toContainText('You left this cohort')
    await priya.page.screenshot({ path: 'tests/e2e/screenshots/cohort-home-list.png' })

    await fay.page.goBack()
    // The convening is on Fay's computer: its harvest can be saved from the timeline.
    await fay.openTab('Timeline')
    const download = fay.page.waitForEvent('download')
    await fay.page.getByRole('button', { name: 'Save the harvest of Convening 1: our systems' }).click()
    expect((await download).suggestedFilename()).toMatch(/\.html$/)
    await fay.openTab('Members')
    await expect(fay.memberRow('Priya')).toContainText('left on')
    await fay.openTab('Mentoring')
    await expect(fay.page.getByRole('combobox', { name: /^Practitioner/ }).getByRole('option', { name: 'Priya' })).toHaveCount(0)
    // Priya's own card stays in the cohort as she shared it, and nobody can change it now.
    await fay.openCard('Priya')
    await expect(fay.page.getByRole('heading', { name: /Priya has left the cohort/ })).toBeVisible()
    await expect(fay.page.getByRole('article')).toContainText('Circles of care in Year 9')
    await expect(fay.page.getByRole('article').getByRole('textbox', { name: 'Project title' })).toHaveCount(0)
    // Pia's card, which Priya co-wrote, keeps Priya's words.
    await fay.openCard('Pia')
    await expect(fay.page.getByRole('article')).toContainText('Priya: but the head teacher is keen.')
    await fay.screenshot('card-facilitator')
  })
})

test('a cohort saved by a newer version of Convene opens read-only, with a clear message', async ({ browser, baseURL }) => {
  const reader = new CohortMember(await Person.open(browser, 'Fay Facilitator'))
  const options = { title: 'Fellows 2031', practitioners: 3, convenings: 2, recentEdits: 0, schemaVersion: 2 }
  const made = execFileSync(process.execPath, ['--import', 'tsx', 'tests/bench/cohort.ts', '--fixture', JSON.stringify(options)], { encoding: 'utf8' })
  const fixture = JSON.parse(made) as StoredCohort
  await becomeFacilitator(reader.page, fixture)
  await storeCohort(reader.page, fixture, (baseURL ?? '').replace(/^http/, 'ws'))
  await reader.page.reload()
  await reader.page.getByRole('list', { name: 'Cohorts on this computer' }).getByRole('button', { name: /^Fellows 2031/ }).click()
  await expect(reader.page.getByRole('status').filter({ hasText: 'This cohort was saved by a newer version of Convene' })).toBeVisible()
  await expect(reader.page.getByRole('heading', { name: 'Fellows 2031', level: 1 })).toBeAttached()
  await expect(reader.page.getByLabel('Cohort name')).not.toBeEditable()
  await reader.openCard('Practitioner 1')
  const card = reader.page.getByRole('article')
  await expect(card).toContainText('Project 1: learning through systems')
  await expect(card.getByRole('textbox')).toHaveCount(0)
  await reader.screenshot('newer-version')
  await reader.openTab('Timeline')
  await expect(reader.page.getByText('Start a convening from this cohort')).toHaveCount(0)
  await expect(reader.page.getByRole('list', { name: 'Cohort timeline, newest first' }).getByRole('listitem').filter({ hasText: 'Convening 2' })).toBeVisible()
  await reader.openTab('Clinic')
  await expect(reader.page.getByRole('button', { name: 'Start the clinic' })).toBeDisabled()
  await reader.person.close()
})
