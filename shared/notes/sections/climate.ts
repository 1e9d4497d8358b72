import { readClimateForHarvest, type Headline, type HarvestLever, type HarvestRound, type HarvestScenario, type Pledge } from '../../climate'
import type { Block, HarvestSection, ListItem, Text } from '../blocks'
import { chartFile, type ChartSeries } from '../chart'
import { dateTime } from '../dates'

const FROM_YEAR = 2000

const one = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '–')
const warming = (h: Headline): string => `${one(h.warming2100)} °C (likely ${one(h.warming2100Low)}–${one(h.warming2100High)})`
const ghg = (v: number): string => `${one(v)} Gt`
const metres = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)} m` : '–')

function headlineRow(h: Headline): string[] {
  return [warming(h), Number.isFinite(h.co2Ppm2100) ? `${Math.round(h.co2Ppm2100)} ppm` : '–', ghg(h.ghg2050), ghg(h.ghg2100), metres(h.seaLevel2100)]
}
const HEADLINE_HEADER = ['Warming by 2100', 'CO₂ in 2100', 'Greenhouse gases 2050 (CO₂e/yr)', 'Greenhouse gases 2100 (CO₂e/yr)', 'Sea level rise by 2100']

function leverItems(levers: readonly HarvestLever[]): ListItem[] {
  return levers.map((l) => ({ text: [{ text: `${l.label}:`, strong: true }, { text: ` ${l.value} ${l.unit} (status quo ${l.statusQuo})` }] }))
}

/** The central warming path of each run, from 2000 on. */
function series(name: string, t: { years: number[]; values: number[] }): ChartSeries {
  return { name, points: t.years.map((year, i) => [year, t.values[i]] as const).filter(([year]) => year >= FROM_YEAR) }
}

function warmingChart(title: string, runs: ChartSeries[], base: string): Block {
  return {
    kind: 'image',
    alt: `${title}: warming above 1850–1900 from ${FROM_YEAR} to 2100`,
    file: chartFile({ title, xLabel: 'Year', yLabel: 'Warming above 1850–1900 (°C)', series: runs }, base),
  }
}

function scenarioBlocks(scenarios: readonly HarvestScenario[], timeZone: string): Block[] {
  if (scenarios.length === 0) return []
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: 'Saved scenarios' },
    { kind: 'table', header: ['Scenario', ...HEADLINE_HEADER], rows: scenarios.map((s) => [s.name, ...headlineRow(s.headline)]) },
    warmingChart('Saved scenarios', scenarios.map((s) => series(s.name, s.temperature)), 'climate-scenarios'),
  ]
  for (const s of scenarios) {
    blocks.push({ kind: 'heading', level: 4, text: s.name }, { kind: 'paragraph', muted: true, text: `Saved by ${s.savedBy}, ${dateTime(s.savedAt, timeZone)}.` })
    blocks.push(s.levers.length ? { kind: 'list', items: leverItems(s.levers) } : { kind: 'paragraph', text: 'Every lever at the status quo.' })
  }
  return blocks
}

function pledgeText(p: Pledge | undefined): Text {
  if (!p) return 'no pledge'
  const parts = [
    p.peakYear === null ? 'no peak year' : `peak in ${p.peakYear}`,
    p.reductionStartYear === null ? 'no reductions' : `cut ${p.reductionRate}%/yr from ${p.reductionStartYear}`,
    p.deforestationCut ? `deforestation cut ${p.deforestationCut}%` : 'no deforestation cut',
    p.afforestation ? `afforestation ${p.afforestation}% of potential` : 'no afforestation',
    p.climateFund === 0 ? 'no fund' : p.climateFund > 0 ? `gives $${p.climateFund} bn/yr` : `asks $${-p.climateFund} bn/yr`,
  ]
  return parts.join(' · ')
}

function roundBlocks(rounds: readonly HarvestRound[], timeZone: string): Block[] {
  if (rounds.length === 0) return []
  const blocks: Block[] = [
    { kind: 'heading', level: 3, text: 'World Climate rounds' },
    { kind: 'table', header: ['Round', ...HEADLINE_HEADER], rows: rounds.map((r) => [`Round ${r.number}`, ...headlineRow(r.headline)]) },
    warmingChart('World Climate rounds', rounds.map((r) => series(`Round ${r.number}`, r.temperature)), 'climate-rounds'),
  ]
  for (const r of rounds) {
    blocks.push(
      { kind: 'heading', level: 4, text: `Round ${r.number}` },
      { kind: 'paragraph', muted: true, text: `Run by ${r.ranBy}, ${dateTime(r.ranAt, timeZone)}. Without pledges: ${one(r.baselineWarming2100)} °C by 2100.` },
      {
        kind: 'facts',
        rows: [
          ['Warming by 2100', warming(r.headline)],
          ['Sea-level rise by 2100', `${metres(r.headline.seaLevel2100)} above 1995–2014 (without pledges ${metres(r.baselineSeaLevel2100)})`],
          ['Climate fund', `$${Math.round(r.fund.contributions)} bn/yr given, $${Math.round(r.fund.requests)} bn/yr asked (balance $${Math.round(r.fund.balance)} bn/yr)`],
        ],
      },
      { kind: 'table', header: ['Bloc', 'Pledge'], rows: r.blocs.map((b) => [b.name, pledgeText(b.pledge)]) },
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
  title: 'Climate simulation',
  order: 70,
  collect(doc, context) {
    const climate = readClimateForHarvest(doc)
    const blocks = [...scenarioBlocks(climate.scenarios, context.timeZone), ...roundBlocks(climate.rounds, context.timeZone)]
    if (climate.current && climate.current.levers.length > 0) {
      blocks.push(
        { kind: 'heading', level: 3, text: 'Where the levers were left' },
        { kind: 'table', header: HEADLINE_HEADER, rows: [headlineRow(climate.current.headline)] },
        { kind: 'list', items: leverItems(climate.current.levers) },
      )
    }
    if (blocks.length === 0) return null
    return { blocks, tags: ['climate', ...(climate.rounds.length ? ['world-climate'] : [])] }
  },
}
