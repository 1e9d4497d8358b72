import * as Y from 'yjs'
import { seedConvening, setRole, upsertPerson } from '../../../../shared/session'
import type { ClockReader } from '../../../../shared/facilitation'
import { person } from '../conversation/helpers'

// The same people and the same ways of syncing peers as the conversation's tests.
export { person, sync, joinerOf as replica } from '../conversation/helpers'

/**
 * A convening started by Fran (facilitator), with Cole (co-facilitator, confirmed by
 * Fran), and Pia and Pat (practitioners).
 */
export function convening(): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, { id: 'room', title: 'Circle', createdBy: person('fran', 'facilitator', 1), now: 1 })
  upsertPerson(doc, person('cole', 'co-facilitator', 2))
  upsertPerson(doc, person('pia', 'practitioner', 3))
  upsertPerson(doc, person('pat', 'practitioner', 4))
  const granted = setRole(doc, 'fran', 'cole', 'co-facilitator', 2)
  if (!granted.ok) throw new Error(granted.message)
  return doc
}

/** A clock reading `now`, with other people's clocks `offsets[id]` ms ahead of it. */
export class TestClock implements ClockReader {
  constructor(
    public time: number,
    private readonly offsets: Record<string, number> = {},
  ) {}

  now(): number {
    return this.time
  }

  offsetTo(personId: string): number {
    return this.offsets[personId] ?? 0
  }

  advance(ms: number): this {
    this.time += ms
    return this
  }
}
