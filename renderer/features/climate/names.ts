import type { IntlShape } from 'react-intl'
import { LEVERS_BY_ID } from '../../../shared/climate'
import type { Bloc, LeverGroup, LeverId } from '../../../shared/climate'
import type { Message } from '../../../shared/i18n'

// The model's own words (lever names, groups, units, explanations, blocs) are English
// data in shared/climate. Their translations live here, keyed by the lever's or bloc's
// id. A translation is used only while shared/ still holds the English it translates:
// a new lever, or a name changed there, shows in English until it is translated here,
// never under an outdated translation.

/** Our translation of `english`, a text shared/ holds, while `message` still translates it; otherwise the English. */
export function sharedText(intl: IntlShape, message: Message | undefined, english: string): string {
  return message !== undefined && message.defaultMessage === english ? intl.formatMessage(message) : english
}

export const LEVER_LABELS: Record<LeverId, Message> = {
  coal: { id: 'climate.lever.coal', defaultMessage: 'Coal' },
  oil: { id: 'climate.lever.oil', defaultMessage: 'Oil' },
  gas: { id: 'climate.lever.gas', defaultMessage: 'Natural gas' },
  bioenergy: { id: 'climate.lever.bioenergy', defaultMessage: 'Bioenergy' },
  renewables: { id: 'climate.lever.renewables', defaultMessage: 'Renewables' },
  nuclear: { id: 'climate.lever.nuclear', defaultMessage: 'Nuclear' },
  newTech: { id: 'climate.lever.newTech', defaultMessage: 'New zero-carbon technology' },
  newTechYear: { id: 'climate.lever.newTechYear', defaultMessage: 'Breakthrough year' },
  carbonPrice: { id: 'climate.lever.carbonPrice', defaultMessage: 'Carbon price' },
  transportEfficiency: { id: 'climate.lever.transportEfficiency', defaultMessage: 'Energy efficiency' },
  transportElectrification: { id: 'climate.lever.transportElectrification', defaultMessage: 'Electrification' },
  buildingsEfficiency: { id: 'climate.lever.buildingsEfficiency', defaultMessage: 'Energy efficiency' },
  buildingsElectrification: { id: 'climate.lever.buildingsElectrification', defaultMessage: 'Electrification' },
  population: { id: 'climate.lever.population', defaultMessage: 'Population' },
  economicGrowth: { id: 'climate.lever.economicGrowth', defaultMessage: 'Economic growth' },
  methane: { id: 'climate.lever.methane', defaultMessage: 'Methane and other gases' },
  deforestation: { id: 'climate.lever.deforestation', defaultMessage: 'Deforestation' },
  afforestation: { id: 'climate.lever.afforestation', defaultMessage: 'Afforestation and nature-based removal' },
  techRemoval: { id: 'climate.lever.techRemoval', defaultMessage: 'Technological carbon removal' },
}

/**
 * A lever's name where it stands alone, away from its group (history, comparisons):
 * the two levers named alike in Transport and in Buildings and Industry say which.
 */
export const LEVER_NAMES_ALONE: Partial<Record<LeverId, Message & { label: string }>> = {
  transportEfficiency: { id: 'climate.leverAlone.transportEfficiency', defaultMessage: 'Transport: energy efficiency', label: 'Energy efficiency' },
  transportElectrification: { id: 'climate.leverAlone.transportElectrification', defaultMessage: 'Transport: electrification', label: 'Electrification' },
  buildingsEfficiency: { id: 'climate.leverAlone.buildingsEfficiency', defaultMessage: 'Buildings and Industry: energy efficiency', label: 'Energy efficiency' },
  buildingsElectrification: { id: 'climate.leverAlone.buildingsElectrification', defaultMessage: 'Buildings and Industry: electrification', label: 'Electrification' },
}

export const LEVER_EXPLANATIONS: Record<LeverId, Message> = {
  coal: { id: 'climate.leverHelp.coal', defaultMessage: 'Tax (+) or subsidy (-) on coal in power plants, industry and buildings, as a share of its cost, phased in 2025-2035.' },
  oil: { id: 'climate.leverHelp.oil', defaultMessage: 'Tax (+) or subsidy (-) on oil products in every use, as a share of its cost, phased in 2025-2035.' },
  gas: { id: 'climate.leverHelp.gas', defaultMessage: 'Tax (+) or subsidy (-) on natural gas in every use, as a share of its cost, phased in 2025-2035.' },
  bioenergy: { id: 'climate.leverHelp.bioenergy', defaultMessage: 'Tax (+) or subsidy (-) on bioenergy (wood, biofuels, biogas), as a share of its cost, phased in 2025-2035.' },
  renewables: { id: 'climate.leverHelp.renewables', defaultMessage: 'Tax (+) or subsidy (-) on wind, solar, hydro and geothermal power, as a share of its cost, phased in 2025-2035.' },
  nuclear: { id: 'climate.leverHelp.nuclear', defaultMessage: 'Tax (+) or subsidy (-) on nuclear power, as a share of its cost, phased in 2025-2035.' },
  newTech: { id: 'climate.leverHelp.newTech', defaultMessage: 'A breakthrough zero-carbon source costing this much less than nuclear power and clean fuels do today; 0 = no breakthrough.' },
  newTechYear: { id: 'climate.leverHelp.newTechYear', defaultMessage: 'When the breakthrough technology becomes available; it then spreads over about ten years.' },
  carbonPrice: { id: 'climate.leverHelp.carbonPrice', defaultMessage: 'A price on every tonne of fossil CO2, rising from 2025 to this level in 2035.' },
  transportEfficiency: { id: 'climate.leverHelp.transportEfficiency', defaultMessage: 'Yearly fall in energy used per unit of transport (lighter, better vehicles, less travel per unit of GDP).' },
  transportElectrification: { id: 'climate.leverHelp.transportElectrification', defaultMessage: 'Share of transport running on electricity in 2100 (about 4 % today); electric drives use a third of the energy.' },
  buildingsEfficiency: { id: 'climate.leverHelp.buildingsEfficiency', defaultMessage: 'Yearly fall in energy used per unit of output in buildings and industry.' },
  buildingsElectrification: { id: 'climate.leverHelp.buildingsElectrification', defaultMessage: 'Share of heat and processes running on electricity in 2100 (about 35 % today), e.g. heat pumps, electric furnaces.' },
  population: { id: 'climate.leverHelp.population', defaultMessage: 'World population in 2100 (8.1 billion in 2024; UN medium projection about 10.3).' },
  economicGrowth: { id: 'climate.leverHelp.economicGrowth', defaultMessage: 'Average yearly growth of GDP per person from 2025 to 2100.' },
  methane: { id: 'climate.leverHelp.methane', defaultMessage: 'How much of the known cuts in methane, N2O and F-gases is made by 2050 (leaks and mines, waste, farming).' },
  deforestation: { id: 'climate.leverHelp.deforestation', defaultMessage: 'Change in forest clearing emissions, phased in 2025-2035: -100 stops deforestation, +100 doubles it.' },
  afforestation: { id: 'climate.leverHelp.afforestation', defaultMessage: 'CO2 taken up by new forests and restored land at full scale (2050), fading as the forests mature.' },
  techRemoval: { id: 'climate.leverHelp.techRemoval', defaultMessage: 'CO2 removed and stored by machines and BECCS, growing from 2030 to this rate in 2070.' },
}

/** A lever's value with its unit, by the unit's English in shared/ ("{value}" is the number, signed where the lever goes both ways). */
export const LEVER_UNITS: Record<string, Message> = {
  '% of cost': { id: 'climate.leverUnit.percentOfCost', defaultMessage: '{value} % of cost' },
  '% cheaper': { id: 'climate.leverUnit.percentCheaper', defaultMessage: '{value} % cheaper' },
  '$/tCO2': { id: 'climate.leverUnit.dollarsPerTonne', defaultMessage: '{value} $/tCO2' },
  '%/yr': { id: 'climate.leverUnit.percentPerYear', defaultMessage: '{value} %/yr' },
  '% by 2100': { id: 'climate.leverUnit.percentBy2100', defaultMessage: '{value} % by 2100' },
  'billion in 2100': { id: 'climate.leverUnit.billionIn2100', defaultMessage: '{value} billion in 2100' },
  '%/yr per person': { id: 'climate.leverUnit.percentPerYearPerPerson', defaultMessage: '{value} %/yr per person' },
  '% of potential': { id: 'climate.leverUnit.percentOfPotential', defaultMessage: '{value} % of potential' },
  '% vs baseline': { id: 'climate.leverUnit.percentVsBaseline', defaultMessage: '{value} % vs baseline' },
  'GtCO2/yr': { id: 'climate.leverUnit.gtPerYear', defaultMessage: '{value} GtCO2/yr' },
}

export const GROUP_NAMES: Record<LeverGroup, Message> = {
  'Energy Supply': { id: 'climate.leverGroup.energySupply', defaultMessage: 'Energy Supply' },
  Transport: { id: 'climate.leverGroup.transport', defaultMessage: 'Transport' },
  'Buildings and Industry': { id: 'climate.leverGroup.buildings', defaultMessage: 'Buildings and Industry' },
  Growth: { id: 'climate.leverGroup.growth', defaultMessage: 'Growth' },
  'Land and Industry Emissions': { id: 'climate.leverGroup.landAndIndustry', defaultMessage: 'Land and Industry Emissions' },
  'Carbon Removal': { id: 'climate.leverGroup.carbonRemoval', defaultMessage: 'Carbon Removal' },
}

export const BLOC_NAMES: Record<string, Message> = {
  usa: { id: 'climate.bloc.usa', defaultMessage: 'United States' },
  eu: { id: 'climate.bloc.eu', defaultMessage: 'European Union' },
  otherDeveloped: { id: 'climate.bloc.otherDeveloped', defaultMessage: 'Other developed countries' },
  china: { id: 'climate.bloc.china', defaultMessage: 'China' },
  india: { id: 'climate.bloc.india', defaultMessage: 'India' },
  otherDeveloping: { id: 'climate.bloc.otherDeveloping', defaultMessage: 'Other developing countries' },
  developed: { id: 'climate.bloc.developed', defaultMessage: 'Developed nations' },
  developingA: { id: 'climate.bloc.developingA', defaultMessage: 'Developing nations A' },
  developingB: { id: 'climate.bloc.developingB', defaultMessage: 'Developing nations B' },
}

export const BLOC_MEMBERS: Record<string, Message> = {
  developed: {
    id: 'climate.blocMembers.developed',
    defaultMessage: 'United States, European Union, Japan, Russia, United Kingdom, Canada, Australia, South Korea and other high-income countries',
  },
  developingA: {
    id: 'climate.blocMembers.developingA',
    defaultMessage: 'China, India, Brazil, Indonesia, Mexico, South Africa and other rapidly emerging economies',
  },
  developingB: {
    id: 'climate.blocMembers.developingB',
    defaultMessage: 'The rest of Africa, Asia, Latin America, the Middle East and the small island states',
  },
}

export function leverLabel(intl: IntlShape, id: LeverId): string {
  return sharedText(intl, LEVER_LABELS[id], LEVERS_BY_ID[id].label)
}

export function leverExplanation(intl: IntlShape, id: LeverId): string {
  return sharedText(intl, LEVER_EXPLANATIONS[id], LEVERS_BY_ID[id].explanation)
}

/** A lever's name that stands alone: "Transport: electrification", "Carbon price". */
export function leverNameAlone(intl: IntlShape, id: LeverId): string {
  const lever = LEVERS_BY_ID[id]
  const alone = LEVER_NAMES_ALONE[id]
  if (alone && alone.label === lever.label) return intl.formatMessage(alone)
  if (lever.group !== 'Transport' && lever.group !== 'Buildings and Industry') return leverLabel(intl, id)
  // A lever of these groups that shared/ renamed or added: named the English way until translated here.
  return `${lever.group}: ${lever.label.toLowerCase()}`
}

export function groupName(intl: IntlShape, group: LeverGroup): string {
  return sharedText(intl, GROUP_NAMES[group], group)
}

export function blocName(intl: IntlShape, bloc: Pick<Bloc, 'id' | 'name'>): string {
  return sharedText(intl, BLOC_NAMES[bloc.id], bloc.name)
}

export function blocMembers(intl: IntlShape, bloc: Pick<Bloc, 'id' | 'members'>): string | undefined {
  return bloc.members === undefined ? undefined : sharedText(intl, BLOC_MEMBERS[bloc.id], bloc.members)
}
