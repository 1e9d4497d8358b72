import { LEVERS_BY_ID, isLeverId } from '../../../shared/climate'
import type { LeverId } from '../../../shared/climate'

const decimalsOf = (step: number): number => (Number.isInteger(step) ? 0 : Math.min(3, String(step).split('.')[1]?.length ?? 1))

/** A lever's value as people read it: "100 $/tCO2", "1.1 %/yr", "2040". */
export function leverValue(id: LeverId, value: number): string {
  const lever = LEVERS_BY_ID[id]
  const number = id === 'newTechYear' ? String(value) : value.toFixed(decimalsOf(lever.step))
  const signed = lever.min < 0 && value > 0 ? `+${number}` : number.replace('-', '−')
  return lever.unit === 'year' ? number : `${signed} ${lever.unit}`
}

/** "+3.3 °C" */
export function degrees(value: number, decimals = 1): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(decimals)} °C`
}

/** "0.4 °C less than", "0.1 °C more than", "the same as" */
export function degreesDifference(value: number, reference: number): string {
  const d = value - reference
  if (Math.abs(d) < 0.05) return 'about the same as'
  return `${Math.abs(d).toFixed(1)} °C ${d < 0 ? 'less' : 'more'} than`
}

export const fixed = (value: number, decimals: number): string => value.toFixed(decimals).replace('-', '−')

/** "$120 billion/yr" */
export function billions(value: number): string {
  return `$${Math.round(Math.abs(value)).toLocaleString('en')} billion/yr`
}

/** A lever's name that stands alone: "Transport: Electrification", "Carbon price". */
export function leverName(id: LeverId): string {
  const lever = LEVERS_BY_ID[id]
  return lever.group === 'Transport' || lever.group === 'Buildings and Industry' ? `${lever.group}: ${lever.label.toLowerCase()}` : lever.label
}

/** The model names levers by field ("levers.deforestation"); people read their names. */
export function readable(message: string): string {
  return message.replace(/levers\.(\w+)/g, (whole, id: string) => (isLeverId(id) ? leverName(id).toLowerCase() : whole))
}
