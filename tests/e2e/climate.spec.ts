import { expect, test, type Browser } from '@playwright/test'
import { Person } from './support/convene'
import { ClimateView } from './support/climate'
import { CohortMember } from './support/cohort'

async function convening(browser: Browser, title: string, names: string[]): Promise<ClimateView[]> {
  const [host, ...guests] = await Promise.all(names.map((name) => Person.open(browser, name)))
  await host.createConvening(title)
  const link = await host.inviteLink()
  for (const guest of guests) await guest.joinByLink(link)
  for (const person of [host, ...guests]) await person.expectPresent(names)
  const views = [host, ...guests].map((p) => new ClimateView(p))
  for (const view of views) await view.open()
  return views
}

test.describe('the climate simulation, together', () => {
  test('one person moves a lever; the other sees the slider, the charts and the headline follow', async ({ browser }) => {
    const [ada, ben] = await convening(browser, 'Climate exploration', ['Ada', 'Ben'])
    const baseline = await ada.warming.textContent()
    await expect(ben.warming).toHaveText(baseline ?? '')
    const adaPixels = await ada.chartPixels('Temperature increase')

    // Ben drags the methane lever with the mouse: Ada sees it move before he lets go.
    const methane = ben.lever('Land and Industry Emissions', 'Methane and other gases')
    await methane.scrollIntoViewIfNeeded()
    const box = await methane.boundingBox()
    if (!box) throw new Error('the methane slider is not on screen')
    await ben.page.mouse.move(box.x + 8, box.y + box.height / 2)
    await ben.page.mouse.down()
    await ben.page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 })
    await expect(ada.leverBox('Land and Industry Emissions', 'Methane and other gases')).toContainText('Ben is moving this')
    await expect.poll(() => ada.lever('Land and Industry Emissions', 'Methane and other gases').inputValue()).not.toBe('0')
    await ben.page.mouse.up()
    await expect(ada.leverBox('Land and Industry Emissions', 'Methane and other gases')).not.toContainText('Ben is moving this')
    const methaneValue = await methane.inputValue()
    await expect(ada.lever('Land and Industry Emissions', 'Methane and other gases')).toHaveValue(methaneValue)

    // Then the carbon price, by keyboard, all the way up.
    await ben.press('Energy Supply', 'Carbon price', 'End')
    await expect(ben.lever('Energy Supply', 'Carbon price')).toHaveAttribute('aria-valuetext', '250 $/tCO2')
    await expect(ada.lever('Energy Supply', 'Carbon price')).toHaveAttribute('aria-valuetext', '250 $/tCO2')
    await expect(ben.warming).not.toHaveText(baseline ?? '')
    const moved = await ben.warming.textContent()
    await expect(ada.warming).toHaveText(moved ?? '')
    expect(Number.parseFloat(moved ?? '')).toBeLessThan(Number.parseFloat(baseline ?? ''))
    await expect(ada.chartSummary('Temperature increase')).toContainText(`Warming reaches ${moved}`)
    await expect.poll(() => ada.chartPixels('Temperature increase')).not.toBe(adaPixels)
    await expect(ada.history.getByRole('listitem').first()).toContainText('Ben moved Carbon price from 0 $/tCO2 to 250 $/tCO2')
    await expect(ada.history).toContainText(`Ben moved Methane and other gases from 0 % of potential to ${methaneValue} % of potential`)
    await expect(ada.page.getByText('NaN')).toHaveCount(0)

    // The reference pathways, then the data table behind the chart.
    await ada.page.getByLabel('Show the IPCC reference pathways (SSPs)').check()
    await expect(ada.chartSummary('Temperature increase')).toContainText('SSP5-8.5')
    await ada.page.getByRole('figure', { name: 'Temperature increase' }).getByText('Data table: temperature increase').click()
    await expect(ada.page.getByRole('figure', { name: 'Temperature increase' }).getByRole('row', { name: /^2100/ })).toBeVisible()
    await ada.person.screenshot('climate-explore')

    await ada.page.getByRole('figure', { name: 'CO2 emissions by source' }).scrollIntoViewIfNeeded()
    await ada.person.screenshot('climate-explore-emissions')

    // An impossible combination is refused with the reason beside the lever; the charts keep a possible answer.
    await ben.press('Land and Industry Emissions', 'Deforestation', 'End')
    await expect(ada.lever('Land and Industry Emissions', 'Deforestation')).toHaveValue('100')
    await ben.press('Carbon Removal', 'Afforestation and nature-based removal', 'End')
    const forest = ben.leverBox('Carbon Removal', 'Afforestation and nature-based removal')
    await expect(forest.getByRole('alert')).toContainText('Mha')
    await expect(ben.lever('Carbon Removal', 'Afforestation and nature-based removal')).toHaveValue('0')
    await expect(ben.warming).toHaveText(/^\+\d\.\d °C$/)
    await forest.scrollIntoViewIfNeeded()
    await ben.person.screenshot('climate-impossible')

    // The model guide is readable in the panel.
    await ben.tab('Model guide')
    await expect(ben.page.getByRole('heading', { name: '3. The levers' })).toBeVisible()
    await expect(ben.page.getByRole('article', { name: 'Model guide' }).getByRole('table').first()).toContainText('warming 2011-2020')
    await ben.person.screenshot('climate-guide')
    await ben.tab('Explore')

    // Resetting one lever goes back to the status quo for everyone.
    await ada.page.getByRole('button', { name: /^Reset Carbon price to the status quo/ }).click()
    await expect(ben.lever('Energy Supply', 'Carbon price')).toHaveValue('0')
    await Promise.all([ada.person.close(), ben.person.close()])
  })

  test('the facilitator locks the levers: a practitioner cannot move them until they are opened again', async ({ browser }) => {
    const [ada, ben] = await convening(browser, 'Facilitator drives', ['Ada', 'Ben'])
    await ada.page.getByRole('button', { name: 'Lock the levers (I drive)' }).click()
    await expect(ben.page.getByText('Ada is driving: the levers are locked.')).toBeVisible()
    await expect(ben.lever('Energy Supply', 'Coal')).toBeDisabled()
    await expect(ben.page.getByRole('button', { name: 'Reset all levers' })).toBeDisabled()
    await expect(ben.page.getByRole('button', { name: 'Lock the levers (I drive)' })).toHaveCount(0)
    // Ben's slider cannot take focus or keys; Ada still drives, and Ben sees it.
    await ada.press('Energy Supply', 'Coal', 'End')
    await expect(ben.lever('Energy Supply', 'Coal')).toHaveAttribute('aria-valuetext', '+150 % of cost')
    await expect(ben.history.getByRole('listitem').first()).toContainText('Ada moved Coal')
    await ben.person.screenshot('climate-locked')

    await ada.page.getByRole('button', { name: 'Open the levers to everyone' }).click()
    await expect(ben.page.getByText('The levers are open: anyone can move them.')).toBeVisible()
    await ben.press('Energy Supply', 'Coal', 'Home')
    await expect(ada.lever('Energy Supply', 'Coal')).toHaveAttribute('aria-valuetext', '−30 % of cost')
    await Promise.all([ada.person.close(), ben.person.close()])
  })

  test('named scenarios are saved for everyone and compared side by side', async ({ browser }) => {
    const [ada, ben] = await convening(browser, 'Scenario compare', ['Ada', 'Ben'])
    await ada.press('Energy Supply', 'Carbon price', 'End')
    await ada.press('Buildings and Industry', 'Energy efficiency', 'End')
    await expect(ada.lever('Energy Supply', 'Carbon price')).toHaveAttribute('aria-valuetext', '250 $/tCO2')
    await ada.page.getByLabel('Scenario name').fill('Price and efficiency')
    await ada.page.getByRole('button', { name: 'Save scenario' }).click()
    await expect(ada.page.getByText('Saved “Price and efficiency”')).toBeVisible()
    await ada.page.getByRole('button', { name: 'Reset all levers' }).click()
    await expect(ben.lever('Energy Supply', 'Carbon price')).toHaveValue('0')
    await expect(ben.history.getByRole('listitem').first()).toContainText('Ada set every lever to the status quo')

    await ben.tab('Scenarios')
    const row = ben.page.getByRole('region', { name: 'Saved scenarios' }).getByRole('row', { name: /Price and efficiency/ })
    await expect(row).toContainText('Ada')
    await expect(row).toContainText('2')
    await ben.page.getByLabel('Scenario A').selectOption({ label: 'Price and efficiency' })
    await ben.page.getByLabel('Scenario B').selectOption({ label: 'The levers now' })
    const table = ben.page.locator('.compare-table')
    await expect(table.getByRole('row', { name: /Carbon price \(differs\)/ })).toContainText('250 $/tCO2')
    await expect(table.getByRole('row', { name: /Buildings and Industry: energy efficiency \(differs\)/ })).toBeVisible()
    await expect(table.getByRole('row', { name: /Warming in 2100 \(differs\)/ })).toBeVisible()
    await expect(ben.page.getByText(/B ends \d\.\d °C warmer than A in 2100\. 2 levers differ\./)).toBeVisible()
    await ben.person.screenshot('climate-compare')
    await table.scrollIntoViewIfNeeded()
    await ben.person.screenshot('climate-compare-table')

    await row.getByRole('button', { name: 'Set the levers to “Price and efficiency”' }).click()
    await expect(ada.lever('Energy Supply', 'Carbon price')).toHaveValue('250')

    // Ben keeps the scenario on his computer and brings it into a later convening of his own.
    await row.getByRole('button', { name: 'Keep “Price and efficiency” in my library' }).click()
    const library = ben.page.getByRole('list', { name: 'Scenarios in my library' })
    await expect(library).toContainText('Price and efficiency')
    await ben.page.getByRole('button', { name: /All convenings/ }).click()
    await ben.person.createConvening('Next cohort, climate')
    await ben.open()
    await ben.tab('Scenarios')
    await expect(ben.page.getByRole('region', { name: 'Saved scenarios' })).toContainText('No scenario saved yet')
    await library.getByRole('button', { name: 'Bring “Price and efficiency” into this convening' }).click()
    const brought = ben.page.getByRole('region', { name: 'Saved scenarios' }).getByRole('row', { name: /Price and efficiency/ })
    await expect(brought).toContainText('Ben')
    await ben.person.screenshot('climate-library')
    await brought.getByRole('button', { name: 'Set the levers to “Price and efficiency”' }).click()
    await ben.tab('Explore')
    await expect(ben.lever('Energy Supply', 'Carbon price')).toHaveValue('250')
    await Promise.all([ada.person.close(), ben.person.close()])
  })

  test('World Climate: two delegations pledge, the facilitator runs rounds, everyone sees results, then the debrief', async ({ browser }) => {
    const [ada, ben, cleo] = await convening(browser, 'World Climate', ['Ada', 'Ben', 'Cleo'])
    for (const view of [ada, ben, cleo]) await view.tab('World Climate')
    await ada.page.getByRole('button', { name: 'Seat everyone evenly' }).click()
    await expect(ben.page.getByRole('heading', { name: 'Your delegation: Developed nations' })).toBeVisible()
    await expect(cleo.page.getByRole('heading', { name: 'Your delegation: Developing nations A' })).toBeVisible()
    // As in a real negotiation, each delegation writes its pledge in private until the plenary.
    await ada.page.getByLabel('Keep pledges private until each round runs').check()
    await expect(cleo.page.getByText('Pledges are private until the facilitator runs the round')).toBeVisible()

    // Pledges that make no sense are named field by field, and cannot be saved.
    await ben.fillPledge({ 'Year fossil CO2 stops growing': '2040', 'Year reductions start': '2030', 'Yearly reduction': '140' })
    await expect(ben.page.getByText('reductions cannot start (2030) before emissions stop growing (2040)')).toBeVisible()
    await expect(ben.page.getByText('must be 100 %/yr or less')).toBeVisible()
    await expect(ben.pledgeField('Yearly reduction')).toHaveAttribute('aria-invalid', 'true')
    await expect(ben.page.getByRole('button', { name: 'Save the pledge' })).toBeDisabled()
    await ben.person.screenshot('climate-pledge-errors')
    await ben.fillPledge({ 'Year fossil CO2 stops growing': '2025', 'Year reductions start': '2027', 'Yearly reduction': '5' })
    await ben.page.getByLabel('Climate fund: contribute or request').selectOption({ label: 'Contributes' })
    await ben.page.getByLabel('Climate fund amount, $ billion per year').fill('100')
    await ben.page.getByRole('button', { name: 'Save the pledge' }).click()
    await expect(ben.page.getByText('Pledge saved for Developed nations')).toBeVisible()
    const developedSeenBy = (view: typeof ada) => view.page.getByRole('listitem').filter({ hasText: 'Developed nations:' })
    await expect(developedSeenBy(cleo)).toContainText('pledge saved · kept private until the round runs')
    await expect(developedSeenBy(cleo)).not.toContainText('cuts 5 %/yr')
    await expect(developedSeenBy(ada)).toContainText('cuts 5 %/yr from 2027')
    await expect(developedSeenBy(ben)).toContainText('cuts 5 %/yr from 2027')

    await cleo.fillPledge({ 'Year fossil CO2 stops growing': '2035', 'Year reductions start': '2040', 'Yearly reduction': '3', 'Deforestation stopped': '50' })
    await cleo.page.getByLabel('Climate fund: contribute or request').selectOption({ label: 'Requests' })
    await cleo.page.getByLabel('Climate fund amount, $ billion per year').fill('60')
    await cleo.page.getByRole('button', { name: 'Save the pledge' }).click()
    await expect(ada.page.getByText('2 of 3 delegations have saved a pledge.')).toBeVisible()
    await expect(ada.page.getByRole('listitem').filter({ hasText: 'Developing nations A:' })).toContainText('cuts 3 %/yr from 2040')

    await ada.page.getByRole('button', { name: 'Run round 1 and show the results' }).click()
    for (const view of [ada, ben, cleo]) await expect(view.page.getByRole('heading', { name: 'Results of round 1' })).toBeVisible()
    const first = Number.parseFloat((await cleo.page.getByTestId('round-warming').textContent()) ?? '')
    expect(first).toBeGreaterThan(1.5)
    expect(first).toBeLessThan(3.3)
    await expect(ben.page.getByTestId('round-fund')).toContainText('$100 billion/yr offered, $60 billion/yr asked: $40 billion/yr left over')
    await expect(ben.page.getByRole('figure', { name: 'Fossil CO2 by delegation' })).toBeVisible()
    await cleo.person.screenshot('climate-world-results')

    // Round two: Cleo's delegation goes further.
    await ada.page.getByRole('button', { name: 'Back to the pledge forms' }).click()
    await expect(cleo.page.getByRole('heading', { name: 'Your delegation: Developing nations A' })).toBeVisible()
    await cleo.fillPledge({ 'Year fossil CO2 stops growing': '2028', 'Year reductions start': '2030', 'Yearly reduction': '6' })
    await cleo.page.getByRole('button', { name: 'Save the pledge' }).click()
    await expect(ada.page.getByRole('listitem').filter({ hasText: 'Developing nations A:' })).toContainText('cuts 6 %/yr from 2030')
    await ada.page.getByRole('button', { name: 'Run round 2 and show the results' }).click()
    await expect(ben.page.getByRole('heading', { name: 'Results of round 2' })).toBeVisible()
    const second = Number.parseFloat((await ben.page.getByTestId('round-warming').textContent()) ?? '')
    expect(second).toBeLessThan(first)
    const rounds = ben.page.getByRole('region', { name: 'Rounds so far' })
    await expect(rounds.getByRole('row', { name: /Round 1/ })).toBeVisible()
    await expect(rounds.getByRole('row', { name: /Round 2/ })).toContainText('−')
    const byRound = rounds.getByRole('figure', { name: 'Warming by round' })
    await expect(byRound).toBeVisible()
    await expect(byRound).toContainText(/Round 1: .*; Round 2: /)
    // Once the round has run, everyone sees every pledge that was in it.
    await expect(cleo.page.getByRole('table', { name: 'The pledges of round 2' })).toContainText('cuts 5 %/yr from 2027')
    await ben.person.screenshot('climate-world-rounds')

    await ada.page.getByRole('button', { name: 'Start the debrief' }).click()
    await expect(ben.page.getByRole('heading', { name: 'Debrief' })).toBeVisible()
    await expect(ben.page.getByRole('region', { name: 'Fairness and trust' }).getByRole('listitem').first()).toBeVisible()
    await ben.person.screenshot('climate-world-debrief')
    await Promise.all([ada.person.close(), ben.person.close(), cleo.person.close()])
  })

  test('Explore, as in En-ROADS: levers beside the chosen graphs at every width, a readout under the pointer, one history line per move', async ({ browser }) => {
    const [ada] = await convening(browser, 'Explore layout', ['Ada'])
    const page = ada.page
    const levers = page.getByRole('region', { name: 'Policy levers' })
    const featured = page.getByRole('group', { name: 'Graphs beside the levers' })

    // The graph picker: two graphs beside the levers, the rest below; a graph chosen for one place leaves "More graphs".
    await featured.getByLabel('Second graph').selectOption({ label: 'Sea-level rise' })
    const more = page.getByRole('region', { name: 'More graphs' })
    await expect(more.getByRole('figure', { name: 'CO2 emissions by source' })).toBeVisible()
    await expect(more.getByRole('figure', { name: 'Sea-level rise' })).toHaveCount(0)
    await expect(page.getByRole('figure', { name: 'Sea-level rise' }).locator('.chart-summary')).toContainText(/The sea rises \d+ cm by 2100/)

    // Pointing at a chart reads that year's values; the data table stays.
    const temperature = page.getByRole('figure', { name: 'Temperature increase' })
    const canvas = temperature.locator('canvas').first()
    const box = await canvas.boundingBox()
    if (!box) throw new Error('the temperature chart is not on screen')
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2)
    await expect(temperature.locator('.chart-readout')).toContainText(/20\d\d\s*This scenario \+\d\.\d °C/)
    await expect(temperature.locator('.chart-readout')).toContainText('Baseline')
    await page.mouse.move(box.x + box.width * 0.6, box.y - 80)
    await expect(temperature.locator('.chart-readout')).toContainText('Point at the chart')
    await expect(temperature.getByText('Data table: temperature increase')).toBeVisible()

    // Four arrow-key steps are one move: one line in Recent changes, not four.
    await ada.press('Energy Supply', 'Carbon price', 'ArrowRight', 4)
    await expect(ada.history.getByRole('listitem').first()).toContainText('Ada moved Carbon price from 0 $/tCO2 to 20 $/tCO2')
    await expect(ada.history.getByRole('listitem').filter({ hasText: 'Carbon price' })).toHaveCount(1)
    // Leaving the slider writes a pending move at once.
    await ada.press('Energy Supply', 'Coal', 'ArrowRight', 2)
    await page.getByRole('button', { name: 'Reset all levers' }).focus()
    await expect(ada.history.getByRole('listitem').first()).toContainText('Ada moved Coal')
    await expect(ada.history.getByRole('listitem')).toHaveCount(2)

    for (const width of [1440, 1280, 1024, 800]) {
      await page.setViewportSize({ width, height: width >= 1024 ? 900 : 600 })
      await page.getByRole('tab', { name: 'Explore' }).scrollIntoViewIfNeeded()
      const explore = page.locator('.climate-explore')
      // Nothing runs off to the side: every chart ends inside the panel, and the panel does not scroll sideways.
      await expect.poll(() => explore.evaluate((el) => {
        let pane: HTMLElement | null = el.parentElement
        while (pane && !/(auto|scroll)/.test(getComputedStyle(pane).overflowY)) pane = pane.parentElement
        const right = el.getBoundingClientRect().right
        const charts = [...el.querySelectorAll('figure')].every((f) => f.getBoundingClientRect().right <= right + 1)
        return charts && el.scrollWidth <= el.clientWidth + 1 && (!pane || pane.scrollWidth <= pane.clientWidth + 1)
      }), `no sideways overflow at ${width}`).toBe(true)
      const sideBySide = await explore.evaluate((el) => {
        const l = el.querySelector('.climate-levers')?.getBoundingClientRect()
        const g = el.querySelector('.featured-charts figure')?.getBoundingClientRect()
        return !!l && !!g && l.right <= g.left
      })
      if (width >= 1280) expect(sideBySide, `levers beside the graphs at ${width}`).toBe(true)
      // Scrolled down past the headline, the levers are still in view and nothing covers them.
      await temperature.scrollIntoViewIfNeeded()
      await page.mouse.wheel(0, 400)
      if (sideBySide) {
        await expect(levers).toBeInViewport()
        // What sits at the levers' top left is the levers, not a summary stuck over them.
        const uncovered = await levers.evaluate((el) => {
          const r = el.getBoundingClientRect()
          const top = Math.max(r.top, 0) + 12
          const hit = document.elementFromPoint(r.left + 20, top)
          return !!hit && el.contains(hit)
        })
        expect(uncovered, `levers uncovered at ${width}`).toBe(true)
        // The last lever can be reached inside the levers' column.
        const last = ada.lever('Carbon Removal', 'Technological carbon removal')
        await last.scrollIntoViewIfNeeded()
        await expect(last).toBeInViewport()
      }
      await ada.person.screenshot(`climate-explore-${width}-scrolled`)
      await page.getByRole('tab', { name: 'Explore' }).scrollIntoViewIfNeeded()
      await ada.person.screenshot(`climate-explore-${width}`)
    }
    await ada.person.close()
  })

  test('scenarios and World Climate rounds kept in a cohort, brought into a later convening', async ({ browser }) => {
    const fay = new CohortMember(await Person.open(browser, 'Fay'))
    await fay.createCohort('Climate fellows')
    await fay.page.getByRole('button', { name: '← Home' }).click()
    await fay.person.createConvening('Spring workshop')
    const view = new ClimateView(fay.person)
    await view.open()
    await view.press('Energy Supply', 'Carbon price', 'End')
    await fay.page.getByLabel('Scenario name').fill('High carbon price')
    await fay.page.getByRole('button', { name: 'Save scenario' }).click()
    await view.tab('Scenarios')
    await fay.page.getByRole('button', { name: 'Keep “High carbon price” in the cohort “Climate fellows”' }).click()
    const kept = fay.page.getByRole('list', { name: 'Scenarios kept in Climate fellows' })
    await expect(kept).toContainText('High carbon price')
    await expect(kept).toContainText('kept by Fay from “Spring workshop”')

    await view.tab('World Climate')
    // Fay, facilitating, fills in one delegation's pledge, so this group's round differs from no pledges.
    await view.fillPledge({ 'Year fossil CO2 stops growing': '2025', 'Year reductions start': '2027', 'Yearly reduction': '6' })
    await fay.page.getByRole('button', { name: 'Save the pledge' }).click()
    await expect(fay.page.getByText(/Pledge saved for/)).toBeVisible()
    await fay.page.getByRole('button', { name: 'Run round 1 and show the results' }).click()
    await expect(fay.page.getByRole('heading', { name: 'Results of round 1' })).toBeVisible()
    await expect(fay.page.getByTestId('round-sea-level')).toContainText(/\d+ cm \(\d+ cm without pledges\)/)
    await fay.page.getByRole('button', { name: 'Keep this round in “Climate fellows”' }).click()
    await expect(fay.page.getByRole('list', { name: 'Rounds kept in Climate fellows' })).toContainText('Spring workshop')

    // A later convening of hers: both come in from the cohort.
    await fay.page.getByRole('button', { name: /All convenings/ }).click()
    await fay.person.createConvening('Autumn workshop')
    await view.open()
    await view.tab('Scenarios')
    await fay.page.getByRole('button', { name: 'Bring “High carbon price” from the cohort into this convening' }).click()
    const saved = fay.page.getByRole('region', { name: 'Saved scenarios' }).getByRole('row', { name: /High carbon price/ })
    await expect(saved).toContainText('Fay')
    await fay.person.screenshot('climate-cohort-scenarios')
    await view.tab('World Climate')
    await fay.page.getByRole('button', { name: 'Set the rounds of “Spring workshop” beside this convening’s' }).click()
    const others = fay.page.getByRole('region', { name: 'Other groups’ rounds' })
    await expect(others.getByRole('row', { name: /Spring workshop, round 1/ })).toContainText(/\+\d\.\d °C/)

    // Once this room plays a round, the other group's rounds are lines on its chart too: dashed, in the legend and under the pointer.
    await fay.page.getByRole('button', { name: 'Run round 1 and show the results' }).click()
    const chart = fay.page.getByRole('figure', { name: 'Warming by round' })
    await expect(chart.getByRole('list', { name: 'Legend' })).toContainText('Spring workshop, round 1')
    await expect(chart.getByRole('list', { name: 'Legend' }).getByRole('listitem').filter({ hasText: 'Spring workshop, round 1' }).locator('.legend-dash')).toHaveCount(1)
    await expect(chart.locator('.chart-summary')).toContainText(/Other groups, dashed: Spring workshop, round 1 \+\d\.\d °C/)
    const canvas = chart.locator('canvas').first()
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    if (!box) throw new Error('the rounds chart is not on screen')
    await fay.page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2)
    await expect(chart.locator('.chart-readout')).toContainText(/Round 1 \+\d\.\d °C/)
    await expect(chart.locator('.chart-readout')).toContainText(/Spring workshop, round 1 \+\d\.\d °C/)
    await fay.person.screenshot('climate-rounds-with-other-groups')
    // The table of other groups' rounds stays.
    await others.scrollIntoViewIfNeeded()
    await expect(others.getByRole('row', { name: /Spring workshop, round 1/ })).toBeVisible()
    await fay.person.screenshot('climate-cohort-rounds')

    // The cohort screen lists what is kept in it, under its timeline: what, from where, who and when; the keeper removes it there.
    await fay.page.getByRole('button', { name: /All convenings/ }).click()
    await fay.page.getByRole('list', { name: 'Cohorts on this computer' }).getByRole('button', { name: /^Climate fellows/ }).click()
    await fay.openTab('Timeline')
    const keptHere = fay.page.getByRole('list', { name: 'Climate work kept in the cohort' })
    const scenario = keptHere.getByRole('listitem').filter({ hasText: 'High carbon price' })
    await expect(scenario).toContainText('Scenario')
    await expect(scenario).toContainText('From “Spring workshop” · kept by you')
    await expect(keptHere.getByRole('listitem').filter({ hasText: 'World Climate, 1 round' })).toContainText('From “Spring workshop” · kept by you')
    await fay.screenshot('cohort-timeline-kept-climate')
    await scenario.getByRole('button', { name: 'Remove “High carbon price” from the cohort' }).click()
    await expect(keptHere.getByRole('listitem')).toHaveCount(1)
    await expect(keptHere).not.toContainText('High carbon price')
    await fay.person.close()
  })
})
