import { describe, expect, it } from 'vitest'
import { DEFAULT_LEVERS, assignDelegation, runRound, saveScenario, savePledge, setLever } from '../../../../shared/climate'
import { collectHarvest, harvestFolder, harvestToHtml, harvestToMarkdown } from '../../../../shared/notes'
import { ADA, BEN, ORIGIN, sampleConvening } from './sample'

const NOW = Date.UTC(2026, 2, 14, 16, 0)

function withClimate() {
  const { doc } = sampleConvening()
  const at = Date.UTC(2026, 2, 12, 11, 0)
  expect(setLever(doc, 'carbonPrice', 100, { by: BEN.id }, ORIGIN).ok).toBe(true)
  expect(saveScenario(doc, 'Price on carbon', { ...DEFAULT_LEVERS, carbonPrice: 100 }, { by: BEN.id, at }, ORIGIN).ok).toBe(true)
  expect(saveScenario(doc, 'Status quo', DEFAULT_LEVERS, { by: ADA.id, at: at + 60_000 }, ORIGIN).ok).toBe(true)
  assignDelegation(doc, BEN.id, 'developed', { by: ADA.id }, ORIGIN)
  expect(savePledge(doc, 'developed', { peakYear: 2025, reductionStartYear: 2030, reductionRate: 5, climateFund: 80 }, { by: BEN.id }, ORIGIN).ok).toBe(true)
  expect(runRound(doc, { by: ADA.id, at: at + 120_000 }, ORIGIN).ok).toBe(true)
  return doc
}

describe('the climate simulation in the notes', () => {
  it('gives saved scenarios and World Climate rounds with headline numbers and a chart each', () => {
    const doc = withClimate()
    const harvest = collectHarvest(doc, { now: NOW })
    const markdown = harvestToMarkdown(harvest)
    const section = markdown.slice(markdown.indexOf('\n## Climate simulation\n'))
    expect(section).toContain('### Saved scenarios')
    expect(section).toMatch(/\| Price on carbon \| \d\.\d °C \(likely \d\.\d–\d\.\d\) \| \d+ ppm \|/)
    expect(section).toContain('![Saved scenarios: warming above 1850–1900 from 2000 to 2100](images/climate-scenarios-1.svg)')
    expect(section).toContain('*Saved by Ben: \\#1 \\<b\\>, 12 March 2026, 11:00.*')
    expect(section).toContain('- **Carbon price:** 100 \\$/tCO2 (status quo 0)')
    expect(section).toContain('Every lever at the status quo.')
    expect(section).toContain('### World Climate rounds')
    expect(section).toContain('![World Climate rounds: warming above 1850–1900 from 2000 to 2100](images/climate-rounds-1.svg)')
    expect(section).toContain('| Developed nations | peak in 2025 · cut 5%/yr from 2030 · no deforestation cut · no afforestation · gives \\$80 bn/yr |')
    expect(section).toContain('### Where the levers were left')
    expect(markdown).toMatch(/tags:[\s\S]*"climate"[\s\S]*"world-climate"/)
    const files = harvestFolder(harvest).files.map((f) => f.path)
    expect(files).toEqual(expect.arrayContaining(['images/climate-scenarios-1.svg', 'images/climate-rounds-1.svg']))
    const svg = harvest.files.find((f) => f.path === 'images/climate-scenarios-1.svg')!.file.data as string
    expect(svg.match(/<path d="M/g)).toHaveLength(2)
    expect(harvestToHtml(harvest)).toContain('<th scope="col">Warming by 2100</th>')
  })

  it('leaves the section out when nobody used the simulation', () => {
    const { doc } = sampleConvening()
    expect(harvestToMarkdown(collectHarvest(doc, { now: NOW }))).not.toContain('## Climate simulation')
  })
})
