import type { Round, Turn } from './schema'

/**
 * Round order (the talking piece), derived from the round the facilitator started, the
 * log of turns, the people list and who is present right now. Nothing here is stored:
 * every peer derives the same view from the same document, and a late joiner sees the
 * round at once.
 *
 * - The speaking order is the queue fixed at the start (shuffled with the stored seed,
 *   or set by the facilitator); people who join later are appended in the order they
 *   joined.
 * - Someone who is not present is skipped and the round moves on; if they come back
 *   before the round ends, they speak when the order comes round to them again.
 * - "Pass" is always allowed, even before one's turn.
 * - In a "names the next" round, the speaker's choice is followed when that person is
 *   present and has not yet spoken; otherwise the first person waiting goes next.
 */
export type FinishedKind = 'spoke' | 'passed'
export type SpeakerStatus = FinishedKind | 'speaking' | 'waiting' | 'away'

export interface RoundMember {
  personId: string
  status: SpeakerStatus
}

export interface TurnFold {
  finished: Map<string, FinishedKind>
  /** People in the order they finished. */
  sequence: string[]
  /** Who last took the talking piece (their position anchors the order). */
  anchor: string | null
  /** When and in whose clock the anchor began speaking. */
  anchorSince: { at: number; by: string } | null
  /** Whom the last person to finish named as next. */
  lastNext: string | null
}

/**
 * Replay the turn log of this round. A person may only record their own turn ("I'm
 * done" only while holding the piece; "pass" any time); facilitators may record anyone's.
 * Other entries are ignored, so an honest peer cannot be pushed around by another's.
 */
export function foldTurns(round: Pick<Round, 'roundId'>, turns: readonly Turn[], isFacilitator: (personId: string) => boolean): TurnFold {
  const fold: TurnFold = { finished: new Map(), sequence: [], anchor: null, anchorSince: null, lastNext: null }
  for (const turn of turns) {
    if (turn.roundId !== round.roundId) continue
    const self = turn.by === turn.personId
    const facilitator = isFacilitator(turn.by)
    if (!self && !facilitator) continue
    if (fold.finished.has(turn.personId)) continue
    if (turn.kind === 'began') {
      if (fold.anchor === turn.personId) continue
      fold.anchor = turn.personId
      fold.anchorSince = { at: turn.at, by: turn.by }
      continue
    }
    if (turn.kind === 'spoke' && !facilitator && fold.anchor !== turn.personId) continue
    fold.finished.set(turn.personId, turn.kind)
    fold.sequence.push(turn.personId)
    fold.lastNext = turn.next ?? null
  }
  return fold
}

export interface RoundView {
  members: RoundMember[]
  current: string | null
  /** Who would speak after the current speaker, as things stand. */
  upNext: string | null
  /** When the current speaker began (for the per-speaker time); null until they take the piece. */
  since: { at: number; by: string } | null
  /** The current speaker has not yet taken the piece (their app, or a facilitator's, records it). */
  needsClaim: boolean
  complete: boolean
  spoke: number
  passed: number
}

/** The speaking order: the queue, then everyone present who joined later, in join order. */
export function speakingOrder(queue: readonly string[], peopleInJoinOrder: readonly string[], present: ReadonlySet<string>): string[] {
  const seen = new Set<string>()
  const order: string[] = []
  const add = (id: string): void => {
    if (seen.has(id)) return
    seen.add(id)
    order.push(id)
  }
  for (const id of queue) add(id)
  for (const id of peopleInJoinOrder) if (present.has(id)) add(id)
  return order
}

function firstWaiting(order: readonly string[], from: number, ready: (id: string) => boolean, except?: string): string | null {
  for (let k = 1; k <= order.length; k++) {
    const id = order[(from + k + order.length) % order.length]
    if (id !== except && ready(id)) return id
  }
  return null
}

export function deriveRound(
  round: Pick<Round, 'roundId' | 'order' | 'queue'>,
  turns: readonly Turn[],
  peopleInJoinOrder: readonly string[],
  present: ReadonlySet<string>,
  isFacilitator: (personId: string) => boolean,
): RoundView {
  const fold = foldTurns(round, turns, isFacilitator)
  const order = speakingOrder(round.queue, peopleInJoinOrder, present)
  const ready = (id: string): boolean => present.has(id) && !fold.finished.has(id)
  const named = round.order === 'named'

  let current: string | null = null
  if (fold.anchor && ready(fold.anchor)) current = fold.anchor
  else if (named && fold.lastNext && ready(fold.lastNext)) current = fold.lastNext
  else {
    const from = named || !fold.anchor ? -1 : order.indexOf(fold.anchor)
    current = firstWaiting(order, from, ready)
  }

  let upNext: string | null = null
  if (current) upNext = named ? firstWaiting(order, -1, ready, current) : firstWaiting(order, order.indexOf(current), ready, current)

  const status = (id: string): SpeakerStatus => fold.finished.get(id) ?? (id === current ? 'speaking' : present.has(id) ? 'waiting' : 'away')
  let ids = order
  if (named) {
    // Spoken first (in the order they spoke), then the speaker, then everyone waiting.
    const rest = order.filter((id) => !fold.finished.has(id) && id !== current)
    ids = [...fold.sequence.filter((id) => order.includes(id)), ...(current ? [current] : []), ...rest]
  }
  const members = ids.map((personId) => ({ personId, status: status(personId) }))
  return {
    members,
    current,
    upNext,
    since: current !== null && current === fold.anchor ? fold.anchorSince : null,
    needsClaim: current !== null && current !== fold.anchor,
    complete: current === null,
    spoke: members.filter((m) => m.status === 'spoke').length,
    passed: members.filter((m) => m.status === 'passed').length,
  }
}
