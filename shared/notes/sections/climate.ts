import { readClimateForHarvest, type Headline, type HarvestLever, type HarvestRound, type HarvestScenario, type Pledge } from '../../climate'
import type { Translator } from '../../i18n/messages'
import type { Block, HarvestSection, ListItem, Text } from '../blocks'
import { chartFile, type ChartSeries } from '../chart'
import { dateTime } from '../dates'
import { TERM, fixed, isEnglish, num, slotted, translatorOf } from '../language'

const FROM_YEAR = 2000

const M = {
  title: { id: 'notes.export.section.climate', defaultMessage: 'Climate simulation' },
  warming: { id: 'notes.export.climate.warming', defaultMessage: '{value} °C (likely {low}–{high})', description: 'Warming by 2100 with its likely range' },
  headWarming: { id: 'notes.export.climate.head.warming', defaultMessage: 'Warming by 2100' },
  headCo2: { id: 'notes.export.climate.head.co2', defaultMessage: 'CO₂ in 2100' },
  headGhg2050: { id: 'notes.export.climate.head.ghg2050', defaultMessage: 'Greenhouse gases 2050 (CO₂e/yr)' },
  headGhg2100: { id: 'notes.export.climate.head.ghg2100', defaultMessage: 'Greenhouse gases 2100 (CO₂e/yr)' },
  headSeaLevel: { id: 'notes.export.climate.head.seaLevel', defaultMessage: 'Sea level rise by 2100' },
  lever: { id: 'notes.export.climate.lever', defaultMessage: '{value} {unit} (status quo {statusQuo})', description: 'A lever moved away from the status quo: its value and unit' },
  chartAlt: { id: 'notes.export.climate.chartAlt', defaultMessage: '{title}: warming above 1850–1900 from {from} to 2100' },
  chartYear: { id: 'notes.export.climate.chartYear', defaultMessage: 'Year' },
  chartWarming: { id: 'notes.export.climate.chartWarming', defaultMessage: 'Warming above 1850–1900 (°C)' },
  scenarios: { id: 'notes.export.climate.scenarios', defaultMessage: 'Saved scenarios' },
  scenario: { id: 'notes.export.climate.scenario', defaultMessage: 'Scenario' },
  savedBy: { id: 'notes.export.climate.savedBy', defaultMessage: 'Saved by {name}, {when}.' },
  statusQuo: { id: 'notes.export.climate.allStatusQuo', defaultMessage: 'Every lever at the status quo.' },
  noPledge: { id: 'notes.export.climate.pledge.none', defaultMessage: 'no pledge' },
  noPeak: { id: 'notes.export.climate.pledge.noPeak', defaultMessage: 'no peak year' },
  peak: { id: 'notes.export.climate.pledge.peak', defaultMessage: 'peak in {year}' },
  noReductions: { id: 'notes.export.climate.pledge.noReductions', defaultMessage: 'no reductions' },
  cut: { id: 'notes.export.climate.pledge.cut', defaultMessage: 'cut {rate}%/yr from {year}' },
  deforestation: { id: 'notes.export.climate.pledge.deforestation', defaultMessage: 'deforestation cut {percent}%' },
  noDeforestation: { id: 'notes.export.climate.pledge.noDeforestation', defaultMessage: 'no deforestation cut' },
  afforestation: { id: 'notes.export.climate.pledge.afforestation', defaultMessage: 'afforestation {percent}% of potential' },
  noAfforestation: { id: 'notes.export.climate.pledge.noAfforestation', defaultMessage: 'no afforestation' },
  noFund: { id: 'notes.export.climate.pledge.noFund', defaultMessage: 'no fund' },
  gives: { id: 'notes.export.climate.pledge.gives', defaultMessage: 'gives ${amount} bn/yr', description: 'To the climate fund, in billions of US dollars a year' },
  asks: { id: 'notes.export.climate.pledge.asks', defaultMessage: 'asks ${amount} bn/yr', description: 'From the climate fund, in billions of US dollars a year' },
  rounds: { id: 'notes.export.climate.rounds', defaultMessage: 'World Climate rounds' },
  round: { id: 'notes.export.climate.round', defaultMessage: 'Round' },
  roundNumber: { id: 'notes.export.climate.roundNumber', defaultMessage: 'Round {number}' },
  ranBy: { id: 'notes.export.climate.ranBy', defaultMessage: 'Run by {name}, {when}. Without pledges: {warming} °C by 2100.' },
  seaLevelRise: { id: 'notes.export.climate.seaLevelRise', defaultMessage: 'Sea-level rise by 2100' },
  seaLevelValue: { id: 'notes.export.climate.seaLevelValue', defaultMessage: '{level} above 1995–2014 (without pledges {baseline})' },
  fund: { id: 'notes.export.climate.fund', defaultMessage: 'Climate fund' },
  fundValue: {
    id: 'notes.export.climate.fundValue',
    defaultMessage: '${given} bn/yr given, ${asked} bn/yr asked (balance ${balance} bn/yr)',
    description: 'The climate fund, in billions of US dollars a year',
  },
  bloc: { id: 'notes.export.climate.bloc', defaultMessage: 'Bloc' },
  pledge: { id: 'notes.export.climate.pledge', defaultMessage: 'Pledge' },
  levers: { id: 'notes.export.climate.levers', defaultMessage: 'Where the levers were left' },
} as const

/** The numbers of a run, written in the notes' language. */
function numbers(t: Translator) {
  const one = (v: number): string => (Number.isFinite(v) ? fixed(t, v, 1) : '–')
  const metres = (v: number): string => (Number.isFinite(v) ? `${fixed(t, v, 2)} m` : '–')
  const ghg = (v: number): string => `${one(v)} Gt`
  const warming = (h: Headline): string => t.formatMessage(M.warming, { value: one(h.warming2100), low: one(h.warming2100Low), high: one(h.warming2100High) })
  const headlineRow = (h: Headline): string[] => [
    warming(h),
    Number.isFinite(h.co2Ppm2100) ? `${num(t, Math.round(h.co2Ppm2100))} ppm` : '–',
    ghg(h.ghg2050),
    ghg(h.ghg2100),
    metres(h.seaLevel2100),
  ]
  const header = [M.headWarming, M.headCo2, M.headGhg2050, M.headGhg2100, M.headSeaLevel].map((m) => t.formatMessage(m))
  return { one, metres, warming, headlineRow, header }
}

function leverItems(levers: readonly HarvestLever[], t: Translator): ListItem[] {
  const term = slotted(t, TERM, 'term')
  return levers.map((l) => ({
    text: [
      { text: term(l.label), strong: true },
      { text: ` ${t.formatMessage(M.lever, { value: num(t, l.value), unit: l.unit, statusQuo: num(t, l.statusQuo) })}` },
    ],
  }))
}

/** The central warming path of each run, from 2000 on. */
function series(name: string, t: { years: number[]; values: number[] }): ChartSeries {
  return { name, points: t.years.map((year, i) => [year, t.values[i]] as const).filter(([year]) => year >= FROM_YEAR) }
}

function warmingChart(title: string, runs: ChartSeries[], base: string, t: Translator): Block {
  return {
    kind: 'image',
    alt: t.formatMessage(M.chartAlt, { title, from: String(FROM_YEAR) }),
    file: chartFile({ title, xLabel: t.formatMessage(M.chartYear), yLabel: t.formatMessage(M.chartWarming), series: runs, ...(isEnglish(t) ? {} : { locale: t.locale }) }, base),
  }
}

function scenarioBlocks(scenarios: readonly HarvestScenario[], timeZone: string, t: Translator): Block[] {
  if (scenarios.length === 0) return []
  const { headlineRow, header } = numbers(t)
  const title = t.formatMessage(M.scenarios)
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: title },
    { kind: 'table', header: [t.formatMessage(M.scenario), ...header], rows: scenarios.map((s) => [s.name, ...headlineRow(s.headline)]) },
    warmingChart(title, scenarios.map((s) => series(s.name, s.temperature)), 'climate-scenarios', t),
  ]
  for (const s of scenarios) {
    blocks.push({ kind: 'heading', level: 4, text: s.name }, { kind: 'paragraph', muted: true, text: t.formatMessage(M.savedBy, { name: s.savedBy, when: dateTime(s.savedAt, timeZone, t) }) })
    blocks.push(s.levers.length ? { kind: 'list', items: leverItems(s.levers, t) } : { kind: 'paragraph', text: t.formatMessage(M.statusQuo) })
  }
  return blocks
}

function pledgeText(p: Pledge | undefined, t: Translator): Text {
  if (!p) return t.formatMessage(M.noPledge)
  const parts = [
    p.peakYear === null ? t.formatMessage(M.noPeak) : t.formatMessage(M.peak, { year: String(p.peakYear) }),
    p.reductionStartYear === null ? t.formatMessage(M.noReductions) : t.formatMessage(M.cut, { rate: num(t, p.reductionRate), year: String(p.reductionStartYear) }),
    p.deforestationCut ? t.formatMessage(M.deforestation, { percent: num(t, p.deforestationCut) }) : t.formatMessage(M.noDeforestation),
    p.afforestation ? t.formatMessage(M.afforestation, { percent: num(t, p.afforestation) }) : t.formatMessage(M.noAfforestation),
    p.climateFund === 0
      ? t.formatMessage(M.noFund)
      : p.climateFund > 0
        ? t.formatMessage(M.gives, { amount: num(t, p.climateFund) })
        : t.formatMessage(M.asks, { amount: num(t, -p.climateFund) }),
  ]
  return parts.join(' · ')
}

function roundBlocks(rounds: readonly HarvestRound[], timeZone: string, t: Translator): Block[] {
  if (rounds.length === 0) return []
  const { one, metres, warming, headlineRow, header } = numbers(t)
  const roundName = (r: HarvestRound): string => t.formatMessage(M.roundNumber, { number: num(t, r.number) })
  const title = t.formatMessage(M.rounds)
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: title },
    { kind: 'table', header: [t.formatMessage(M.round), ...header], rows: rounds.map((r) => [roundName(r), ...headlineRow(r.headline)]) },
    warmingChart(title, rounds.map((r) => series(roundName(r), r.temperature)), 'climate-rounds', t),
  ]
  for (const r of rounds) {
    const money = (v: number): string => num(t, Math.round(v))
    blocks.push(
      { kind: 'heading', level: 4, text: roundName(r) },
      { kind: 'paragraph', muted: true, text: t.formatMessage(M.ranBy, { name: r.ranBy, when: dateTime(r.ranAt, timeZone, t), warming: one(r.baselineWarming2100) }) },
      {
        kind: 'facts',
        rows: [
          [t.formatMessage(M.headWarming), warming(r.headline)],
          [t.formatMessage(M.seaLevelRise), t.formatMessage(M.seaLevelValue, { level: metres(r.headline.seaLevel2100), baseline: metres(r.baselineSeaLevel2100) })],
          [t.formatMessage(M.fund), t.formatMessage(M.fundValue, { given: money(r.fund.contributions), asked: money(r.fund.requests), balance: money(r.fund.balance) })],
        ],
      },
      { kind: 'table', header: [t.formatMessage(M.bloc), t.formatMessage(M.pledge)], rows: r.blocs.map((b) => [b.name, pledgeText(b.pledge, t)]) },
    )
  }
  return blocks
}

/**
 * The climate simulation: saved scenarios and World Climate rounds with their headline
 * numbers and a chart of warming for each set, then each one's levers or pledges. The
 * numbers come from the climate module (it runs the model); this section writes them.
 */
export const climateSection: HarvestSection = {
  id: 'climate',
  title: M.title,
  order: 70,
  collect(doc, context) {
    const t = translatorOf(context)
    const climate = readClimateForHarvest(doc)
    const blocks = [...scenarioBlocks(climate.scenarios, context.timeZone, t), ...roundBlocks(climate.rounds, context.timeZone, t)]
    if (climate.current && climate.current.levers.length > 0) {
      const { headlineRow, header } = numbers(t)
      blocks.push(
        { kind: 'heading', level: 3, text: t.formatMessage(M.levers) },
        { kind: 'table', header, rows: [headlineRow(climate.current.headline)] },
        { kind: 'list', items: leverItems(climate.current.levers, t) },
      )
    }
    if (blocks.length === 0) return null
    return { blocks, tags: ['climate', ...(climate.rounds.length ? ['world-climate'] : [])] }
  },
}
