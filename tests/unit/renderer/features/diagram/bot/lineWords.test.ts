import { describe, expect, it } from 'vitest'
import { describeLine } from '../../../../../../shared/diagram'
import { translator } from '../../../../../../shared/i18n'
import { lineWords } from '../../../../../../renderer/features/diagram/bot/lineWords'

type T = Parameters<typeof lineWords>[0]
const english = translator('en').formatMessage as unknown as T

/** A small, repeatable source of lines of every shape. */
function lines(): [number, number][][] {
  let seed = 7
  const next = (): number => {
    seed = (seed * 16807) % 2147483647
    return (seed - 1) / 2147483646
  }
  const out: [number, number][][] = [[], [[0, 0.5]], [[0, 0], [1, 1]], [[0, 1], [1, 0]], [[0, 0.5], [0.5, 0.95], [1, 0.5]], [[0, 0.5], [0.3, 0.02], [1, 0.52]]]
  for (let i = 0; i < 300; i++) {
    const n = 2 + Math.floor(next() * 8)
    out.push(Array.from({ length: n }, (_, k) => [k / (n - 1), next()] as [number, number]))
  }
  return out
}

describe('a behaviour line in words', () => {
  it('reads in English exactly as shared/diagram’s describeLine', () => {
    for (const points of lines()) expect(lineWords(english, points)).toBe(describeLine(points))
  })

  it('reads in the person’s language', () => {
    const danish = translator('da', {
      'diagram.shared.line.level.low': 'lavt',
      'diagram.shared.line.level.veryHigh': 'meget højt',
      'diagram.shared.line.shape':
        'Starter {start}{peaks, select, yes {, topper {peak} {peakWhen}} other {}}{dips, select, yes {, dykker {dip} {dipWhen}} other {}}, {trend, select, rises {stiger og ender {end}} falls {falder og ender {end}} other {ender omtrent, hvor den begyndte ({end})}}.',
      'diagram.shared.line.empty': 'En tom linje.',
    }).formatMessage as unknown as T
    expect(lineWords(danish, [[0, 0.3], [1, 0.9]])).toBe('Starter lavt, stiger og ender meget højt.')
    expect(lineWords(danish, [])).toBe('En tom linje.')
  })
})
