// The policy levers, grouped like En-ROADS' main sliders. Each lever is a number with
// a range, a status-quo value (where the baseline sits) and a status-quo band (values a
// facilitator can call "about today's policies"). The model guide
// (resources/climate/model-guide.md) explains what each one does in the model.

export const LEVER_GROUPS = [
  'Energy Supply',
  'Transport',
  'Buildings and Industry',
  'Growth',
  'Land and Industry Emissions',
  'Carbon Removal',
] as const
export type LeverGroup = (typeof LEVER_GROUPS)[number]

export interface Lever {
  id: LeverId
  group: LeverGroup
  label: string
  unit: string
  min: number
  max: number
  /** The status-quo value: the baseline scenario uses it. */
  default: number
  statusQuoBand: readonly [number, number]
  step: number
  /** One line for a tooltip. */
  explanation: string
}

export const LEVER_IDS = [
  'coal', 'oil', 'gas', 'bioenergy', 'renewables', 'nuclear', 'newTech', 'newTechYear', 'carbonPrice',
  'transportEfficiency', 'transportElectrification',
  'buildingsEfficiency', 'buildingsElectrification',
  'population', 'economicGrowth',
  'methane', 'deforestation',
  'afforestation', 'techRemoval',
] as const
export type LeverId = (typeof LEVER_IDS)[number]
export type LeverValues = Record<LeverId, number>

const price = (id: LeverId, label: string, min: number, max: number, what: string): Lever => ({
  id, group: 'Energy Supply', label, unit: '% of cost', min, max, default: 0, statusQuoBand: [-5, 5], step: 5,
  explanation: `Tax (+) or subsidy (-) on ${what}, as a share of its cost, phased in 2025-2035.`,
})

export const LEVERS: readonly Lever[] = [
  price('coal', 'Coal', -30, 150, 'coal in power plants, industry and buildings'),
  price('oil', 'Oil', -30, 150, 'oil products in every use'),
  price('gas', 'Natural gas', -30, 150, 'natural gas in every use'),
  price('bioenergy', 'Bioenergy', -50, 100, 'bioenergy (wood, biofuels, biogas)'),
  price('renewables', 'Renewables', -50, 100, 'wind, solar, hydro and geothermal power'),
  price('nuclear', 'Nuclear', -50, 100, 'nuclear power'),
  {
    id: 'newTech', group: 'Energy Supply', label: 'New zero-carbon technology', unit: '% cheaper', min: 0, max: 60,
    default: 0, statusQuoBand: [0, 0], step: 5,
    explanation: 'A breakthrough zero-carbon source costing this much less than nuclear power and clean fuels do today; 0 = no breakthrough.',
  },
  {
    id: 'newTechYear', group: 'Energy Supply', label: 'Breakthrough year', unit: 'year', min: 2030, max: 2080,
    default: 2040, statusQuoBand: [2040, 2040], step: 1,
    explanation: 'When the breakthrough technology becomes available; it then spreads over about ten years.',
  },
  {
    id: 'carbonPrice', group: 'Energy Supply', label: 'Carbon price', unit: '$/tCO2', min: 0, max: 250,
    default: 0, statusQuoBand: [0, 10], step: 5,
    explanation: 'A price on every tonne of fossil CO2, rising from 2025 to this level in 2035.',
  },
  {
    id: 'transportEfficiency', group: 'Transport', label: 'Energy efficiency', unit: '%/yr', min: 0, max: 4,
    default: 1.1, statusQuoBand: [0.9, 1.3], step: 0.1,
    explanation: 'Yearly fall in energy used per unit of transport (lighter, better vehicles, less travel per unit of GDP).',
  },
  {
    id: 'transportElectrification', group: 'Transport', label: 'Electrification', unit: '% by 2100', min: 5, max: 95,
    default: 40, statusQuoBand: [35, 45], step: 5,
    explanation: 'Share of transport running on electricity in 2100 (about 4 % today); electric drives use a third of the energy.',
  },
  {
    id: 'buildingsEfficiency', group: 'Buildings and Industry', label: 'Energy efficiency', unit: '%/yr', min: 0, max: 4,
    default: 1.1, statusQuoBand: [0.9, 1.3], step: 0.1,
    explanation: 'Yearly fall in energy used per unit of output in buildings and industry.',
  },
  {
    id: 'buildingsElectrification', group: 'Buildings and Industry', label: 'Electrification', unit: '% by 2100', min: 35, max: 95,
    default: 50, statusQuoBand: [45, 55], step: 5,
    explanation: 'Share of heat and processes running on electricity in 2100 (about 35 % today), e.g. heat pumps, electric furnaces.',
  },
  {
    id: 'population', group: 'Growth', label: 'Population', unit: 'billion in 2100', min: 6, max: 13,
    default: 10.3, statusQuoBand: [9.8, 10.8], step: 0.1,
    explanation: 'World population in 2100 (8.1 billion in 2024; UN medium projection about 10.3).',
  },
  {
    id: 'economicGrowth', group: 'Growth', label: 'Economic growth', unit: '%/yr per person', min: 0, max: 3.5,
    default: 1.5, statusQuoBand: [1.3, 1.7], step: 0.1,
    explanation: 'Average yearly growth of GDP per person from 2025 to 2100.',
  },
  {
    id: 'methane', group: 'Land and Industry Emissions', label: 'Methane and other gases', unit: '% of potential', min: 0, max: 100,
    default: 0, statusQuoBand: [0, 10], step: 5,
    explanation: 'How much of the known cuts in methane, N2O and F-gases is made by 2050 (leaks and mines, waste, farming).',
  },
  {
    id: 'deforestation', group: 'Land and Industry Emissions', label: 'Deforestation', unit: '% vs baseline', min: -100, max: 100,
    default: 0, statusQuoBand: [-5, 5], step: 5,
    explanation: 'Change in forest clearing emissions, phased in 2025-2035: -100 stops deforestation, +100 doubles it.',
  },
  {
    id: 'afforestation', group: 'Carbon Removal', label: 'Afforestation and nature-based removal', unit: 'GtCO2/yr', min: 0, max: 6,
    default: 0, statusQuoBand: [0, 0.5], step: 0.5,
    explanation: 'CO2 taken up by new forests and restored land at full scale (2050), fading as the forests mature.',
  },
  {
    id: 'techRemoval', group: 'Carbon Removal', label: 'Technological carbon removal', unit: 'GtCO2/yr', min: 0, max: 15,
    default: 0, statusQuoBand: [0, 0.5], step: 0.5,
    explanation: 'CO2 removed and stored by machines and BECCS, growing from 2030 to this rate in 2070.',
  },
]

export const LEVERS_BY_ID: Readonly<Record<LeverId, Lever>> = Object.fromEntries(LEVERS.map((l) => [l.id, l])) as Record<LeverId, Lever>

/** The status-quo setting of every lever (the baseline scenario). */
export const DEFAULT_LEVERS: Readonly<LeverValues> = Object.fromEntries(LEVERS.map((l) => [l.id, l.default])) as LeverValues

export function isLeverId(id: string): id is LeverId {
  return (LEVER_IDS as readonly string[]).includes(id)
}
