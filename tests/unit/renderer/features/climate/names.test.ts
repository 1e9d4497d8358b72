import { createIntl, createIntlCache } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { BLOCS, LEVER_GROUPS, LEVERS } from '../../../../../shared/climate'
import type { Message } from '../../../../../shared/i18n'
import { degrees, leverName, leverValue, measure } from '../../../../../renderer/features/climate/format'
import {
  BLOC_MEMBERS, BLOC_NAMES, GROUP_NAMES, LEVER_EXPLANATIONS, LEVER_LABELS, LEVER_NAMES_ALONE, LEVER_UNITS,
  blocMembers, blocName, groupName, leverExplanation, leverLabel,
} from '../../../../../renderer/features/climate/names'

const maps: Record<string, Message>[] = [LEVER_LABELS, LEVER_EXPLANATIONS, LEVER_UNITS, GROUP_NAMES, BLOC_NAMES, BLOC_MEMBERS, LEVER_NAMES_ALONE]

/** A catalog that marks every translation of the model's words: "[da] Coal". */
const catalog = Object.fromEntries(maps.flatMap((map) => Object.values(map)).map((m) => [m.id, `[da] ${m.defaultMessage}`]))
const danish = createIntl({ locale: 'da', defaultLocale: 'en', messages: catalog, onError: () => undefined }, createIntlCache())

describe('the model’s words (English data in shared/climate) in the person’s language', () => {
  it('has a translation for every lever, group, unit and bloc, made from the English shared/ holds now', () => {
    for (const lever of LEVERS) {
      expect(leverLabel(danish, lever.id), lever.id).toBe(`[da] ${lever.label}`)
      expect(leverExplanation(danish, lever.id), lever.id).toBe(`[da] ${lever.explanation}`)
      if (lever.unit !== 'year') expect(LEVER_UNITS[lever.unit]?.defaultMessage, lever.id).toBe(`{value} ${lever.unit}`)
    }
    for (const group of LEVER_GROUPS) expect(groupName(danish, group)).toBe(`[da] ${group}`)
    for (const bloc of [...BLOCS.three, ...BLOCS.six]) {
      expect(blocName(danish, bloc), bloc.id).toBe(`[da] ${bloc.name}`)
      expect(blocMembers(danish, bloc), bloc.id).toBe(bloc.members && `[da] ${bloc.members}`)
    }
  })

  it('shows shared/’s English for a bloc or lever text it has no translation of, never an outdated one', () => {
    expect(blocName(danish, { id: 'brics', name: 'BRICS' })).toBe('BRICS')
    expect(blocName(danish, { id: 'usa', name: 'United States of America' })).toBe('United States of America')
    expect(blocMembers(danish, { id: 'developed', members: 'Rich countries' })).toBe('Rich countries')
    expect(blocMembers(danish, { id: 'usa', members: undefined })).toBeUndefined()
  })

  it('names the two levers Transport and Buildings and Industry share by their group when they stand alone', () => {
    expect(leverName('buildingsElectrification')).toBe('Buildings and Industry: electrification')
    expect(leverName('buildingsElectrification', danish)).toBe('[da] Buildings and Industry: electrification')
    expect(leverName('carbonPrice', danish)).toBe('[da] Carbon price')
  })
})

describe('numbers with units in the person’s language', () => {
  it('writes decimals as the language does and keeps true minus signs', () => {
    const plain = createIntl({ locale: 'da', defaultLocale: 'en', messages: {}, onError: () => undefined }, createIntlCache())
    expect(degrees(3.26, plain)).toBe('+3,3 °C')
    expect(degrees(-0.44, plain)).toBe('−0,4 °C')
    expect(leverValue('transportEfficiency', 1.1, plain)).toBe('1,1 %/yr')
    expect(leverValue('deforestation', -35, plain)).toBe('−35 % vs baseline')
    expect(leverValue('newTechYear', 2040, plain)).toBe('2040')
    expect(measure('ppm', 1050.4, 0, plain)).toBe('1050 ppm')
    expect(leverValue('coal', 50, danish)).toBe('[da] +50 % of cost')
  })
})
