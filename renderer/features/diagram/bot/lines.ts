import { readLine, type BehaviourLine } from '../../../../shared/diagram'
import type * as Y from 'yjs'
import { useY } from '../../../sync'

export const sameLine = (a: BehaviourLine | null, b: BehaviourLine | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.colour === b.colour &&
    a.label === b.label &&
    a.authorId === b.authorId &&
    a.points.length === b.points.length &&
    a.points.every((p, i) => p[0] === b.points[i][0] && p[1] === b.points[i][1]))

/** One line, re-read only when that line changes. */
export function useLine(lines: Y.Map<Y.Map<unknown>>, id: string): BehaviourLine | null {
  const entry = lines.get(id) ?? null
  return useY(entry, () => readLine(id, entry), sameLine)
}
