import { loopNumbers, type AssignedNumbers, type Loop } from '../../../../shared/diagram'
import type { useT } from '../../../i18n'

/**
 * shared/diagram's loopSummaries in the reader's language, one line per loop with its
 * kept number: "R1 Vicious circle (reinforcing, 3 variables): a → b → c → a". The
 * numbers (R1, B2, ?1) are the diagram's own marks and stay as drawn.
 */
export function loopLines(
  t: ReturnType<typeof useT>,
  loops: readonly Loop[],
  labels: ReadonlyMap<string, string>,
  names: Readonly<Record<string, string>> = {},
  assigned: AssignedNumbers = {},
): string[] {
  const numbers = loopNumbers(loops, assigned)
  return loops.map((loop) =>
    t(
      {
        id: 'diagram.shared.loop.summary',
        defaultMessage:
          '{number}{named, select, yes { {name}} other {}} ({polarity, select, R {reinforcing} B {balancing} other {unknown polarity}}, {count, plural, one {# variable} other {# variables}}): {chain}',
      },
      {
        number: numbers.get(loop.id) ?? '',
        named: names[loop.id] ? 'yes' : 'no',
        name: names[loop.id] ?? '',
        polarity: loop.polarity,
        count: loop.length,
        chain: [...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? id).join(' → '),
      },
    ),
  )
}
