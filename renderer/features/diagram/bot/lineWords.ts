import { lineShape, type LineLevel, type LineWhen } from '../../../../shared/diagram'
import type { Message } from '../../../../shared/i18n'
import type { useT } from '../../../i18n'

/**
 * shared/diagram's describeLine in the reader's language: the same reading of the
 * line (lineShape), worded here. One message per sentence; the levels and moments
 * are words of their own, as the English has them.
 */
const LEVEL: Record<LineLevel, Message> = {
  0: { id: 'diagram.shared.line.level.veryLow', defaultMessage: 'very low' },
  1: { id: 'diagram.shared.line.level.low', defaultMessage: 'low' },
  2: { id: 'diagram.shared.line.level.middling', defaultMessage: 'middling' },
  3: { id: 'diagram.shared.line.level.high', defaultMessage: 'high' },
  4: { id: 'diagram.shared.line.level.veryHigh', defaultMessage: 'very high' },
}

const WHEN: Record<LineWhen, Message> = {
  0: { id: 'diagram.shared.line.when.early', defaultMessage: 'early on' },
  1: { id: 'diagram.shared.line.when.firstHalf', defaultMessage: 'in the first half' },
  2: { id: 'diagram.shared.line.when.middle', defaultMessage: 'around the middle' },
  3: { id: 'diagram.shared.line.when.secondHalf', defaultMessage: 'in the second half' },
  4: { id: 'diagram.shared.line.when.end', defaultMessage: 'near the end' },
}

/** "Starts low, peaks high around the middle, falls to end very low." */
export function lineWords(t: ReturnType<typeof useT>, points: readonly [number, number][]): string {
  const shape = lineShape(points)
  if (!shape) return t({ id: 'diagram.shared.line.empty', defaultMessage: 'An empty line.' })
  return t(
    {
      id: 'diagram.shared.line.shape',
      defaultMessage:
        'Starts {start}{peaks, select, yes {, peaks {peak} {peakWhen}} other {}}{dips, select, yes {, dips {dip} {dipWhen}} other {}}, {trend, select, rises {rises to end {end}} falls {falls to end {end}} other {ends about where it began ({end})}}.',
    },
    {
      start: t(LEVEL[shape.start]),
      peaks: shape.peak ? 'yes' : 'no',
      peak: shape.peak ? t(LEVEL[shape.peak.level]) : '',
      peakWhen: shape.peak ? t(WHEN[shape.peak.when]) : '',
      dips: shape.dip ? 'yes' : 'no',
      dip: shape.dip ? t(LEVEL[shape.dip.level]) : '',
      dipWhen: shape.dip ? t(WHEN[shape.dip.when]) : '',
      trend: shape.trend,
      end: t(LEVEL[shape.end]),
    },
  )
}
