import { describe, expect, it } from 'vitest'
import type { IntlShape } from 'react-intl'
import { formatChange, loopSummaries, type Loop } from '../../../../../../shared/diagram'
import { translator } from '../../../../../../shared/i18n'
import { loopLines } from '../../../../../../renderer/features/diagram/cld/loopWords'
import { signedChange } from '../../../../../../renderer/features/diagram/cld/signedChange'

type T = Parameters<typeof loopLines>[0]
const english = translator('en')

const loops: Loop[] = [
  { id: 'l1', variableIds: ['a', 'b', 'c'], linkIds: ['x', 'y', 'z'], polarity: 'R', length: 3 },
  { id: 'l2', variableIds: ['a', 'b'], linkIds: ['p', 'q'], polarity: 'B', length: 2 },
  { id: 'l3', variableIds: ['b', 'gone'], linkIds: ['r', 's'], polarity: '?', length: 2 },
]
const labels = new Map([
  ['a', 'Births'],
  ['b', 'Population'],
  ['c', 'Deaths'],
])

describe('the loops in words', () => {
  it('read in English as shared/diagram’s loopSummaries, with arrows', () => {
    for (const [names, assigned] of [
      [{}, {}],
      [{ l1: 'Vicious circle' }, { 'l1:R': 4 }],
    ] as const) {
      const expected = loopSummaries(loops, labels, names, assigned).map((line) => line.replace(/ -> /g, ' → '))
      expect(loopLines(english.formatMessage as unknown as T, loops, labels, names, assigned)).toEqual(expected)
    }
    expect(loopLines(english.formatMessage as unknown as T, loops, labels, { l1: 'Vicious circle' })[0]).toBe('R1 Vicious circle (reinforcing, 3 variables): Births → Population → Deaths → Births')
  })

  it('read in the person’s language', () => {
    const danish = translator('da', {
      'diagram.shared.loop.summary':
        '{number}{named, select, yes { {name}} other {}} ({polarity, select, R {forstærkende} B {balancerende} other {ukendt polaritet}}, {count, plural, one {# variabel} other {# variabler}}): {chain}',
    })
    expect(loopLines(danish.formatMessage as unknown as T, loops, labels)[1]).toBe('B1 (balancerende, 2 variabler): Births → Population → Births')
  })
})

describe('a change in the play table', () => {
  it('reads in English as shared/diagram’s formatChange', () => {
    for (const amount of [0, -0, 0.04, -0.04, 0.05, -0.05, 1.2, -0.6, 12.34, -1234.56, 3]) {
      expect(signedChange(english as unknown as IntlShape, amount)).toBe(formatChange(amount))
    }
  })

  it('takes the reader’s decimal mark', () => {
    expect(signedChange(translator('da') as unknown as IntlShape, 1.25)).toBe('+1,3')
    expect(signedChange(translator('de-CH') as unknown as IntlShape, -0.6)).toBe('−0.6')
  })
})
