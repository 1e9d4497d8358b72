import type * as Y from 'yjs'
import { createDiagram } from '../diagram/doc'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { seededShuffle } from '../conversation/random'
import type { Panel } from '../session/presence'
import { canFacilitate } from '../session/roles'
import { newTimer, remainingMs, startTimer, type ClockReader } from './clock'
import {
  BreakoutSchema,
  FACILITATION_ORIGIN,
  LIMITS,
  MemberSchema,
  NOT_FACILITATOR,
  done,
  guard,
  readFacilitated,
  readPrefixed,
  refuse,
  runMap,
  type Breakout,
  type BreakoutMode,
  type Group,
  type Member,
  type RunResult,
} from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const BREAKOUT_MESSAGES = {
  alreadyOpen: { id: 'shared.facilitation.breakout.alreadyOpen', defaultMessage: 'Breakouts are already open. Close them before opening new ones.' },
  makeGroup: { id: 'shared.facilitation.breakout.makeGroup', defaultMessage: 'Make at least one group.' },
  tooManyGroups: { id: 'shared.facilitation.breakout.tooManyGroups', defaultMessage: 'At most {max} groups.' },
  groupSize: { id: 'shared.facilitation.breakout.groupSize', defaultMessage: 'A group needs room for at least one person.' },
  groupName: { id: 'shared.facilitation.breakout.groupName', defaultMessage: 'Give each group a name under {max} characters.' },
  promptsTooLong: { id: 'shared.facilitation.breakout.promptsTooLong', defaultMessage: 'Keep each prompt under {max} characters.' },
  twoGroups: { id: 'shared.facilitation.breakout.twoGroups', defaultMessage: 'Someone is in two groups.' },
  noneOpen: { id: 'shared.facilitation.breakout.noneOpen', defaultMessage: 'No breakout is open.' },
  noSuchGroup: { id: 'shared.facilitation.breakout.noSuchGroup', defaultMessage: 'That group is not in this breakout.' },
  facilitatorsPlace: { id: 'shared.facilitation.breakout.facilitatorsPlace', defaultMessage: 'The facilitators are placing people in this breakout.' },
  full: { id: 'shared.facilitation.breakout.full', defaultMessage: '{group} is full. Pick another group.' },
  writeMessage: { id: 'shared.facilitation.breakout.writeMessage', defaultMessage: 'Write the message first.' },
  messageTooLong: { id: 'shared.facilitation.breakout.messageTooLong', defaultMessage: 'Keep the message under {max} characters.' },
  promptTooLong: { id: 'shared.facilitation.breakout.promptTooLong', defaultMessage: 'Keep the prompt under {max} characters.' },
  fewSeconds: { id: 'shared.facilitation.breakout.fewSeconds', defaultMessage: 'Give the groups at least a few seconds.' },
} as const
const MSG = BREAKOUT_MESSAGES

/**
 * Breakouts: the group splits into small groups, each with its own prompt and its own
 * causal loop diagram inside the convening, then everyone comes back.
 *
 * The breakout record holds the groups; who is in which group is one run entry per
 * person (`member:<id>`), so two facilitators placing different people at once both
 * count. A breakout is open until a facilitator closes it or its closing countdown
 * reaches zero: no one has to be online at that moment for everyone to come back.
 */

// ---- assignment (pure) ----

/** Group sizes that differ by at most one, none above `size` (or exactly `groups` groups). */
export function groupSizes(people: number, options: { size?: number; groups?: number }): number[] {
  if (people <= 0) return []
  let count: number
  if (options.groups !== undefined) count = Math.max(1, Math.min(people, Math.floor(options.groups)))
  else count = Math.ceil(people / Math.max(1, Math.floor(options.size ?? people)))
  count = Math.min(count, LIMITS.groups)
  return Array.from({ length: count }, (_, i) => Math.floor(people / count) + (i < people % count ? 1 : 0))
}

/** Random groups: everyone placed once, sizes as even as they can be; the same seed gives the same groups. */
export function assignRandom(people: readonly string[], options: { size?: number; groups?: number }, seed: number): string[][] {
  const order = seededShuffle(people, seed)
  const groups: string[][] = []
  let at = 0
  for (const size of groupSizes(order.length, options)) {
    groups.push(order.slice(at, at + size))
    at += size
  }
  return groups
}

/** Where someone who arrives late goes: the smallest group with room, the first of equals; the smallest if all are full. */
export function placeLateJoiner(groups: readonly { id: string; members: readonly string[] }[], capacity: number): string | null {
  if (groups.length === 0) return null
  const withRoom = groups.filter((g) => g.members.length < capacity)
  const pool = withRoom.length > 0 ? withRoom : groups
  return pool.reduce((best, g) => (g.members.length < best.members.length ? g : best)).id
}

// ---- the document ----

export interface BreakoutPlan {
  mode: BreakoutMode
  /** Most people per group. */
  size: number
  groups: { name: string; prompt: string; members: string[] }[]
  returnTo: Panel
  /** Give every group its own causal loop diagram. */
  withDiagrams: boolean
  /** For the diagrams' titles. */
  title: string
  /** Place people who arrive while it is open. */
  autoPlace: boolean
}

export function readBreakout(doc: Y.Doc): Breakout | null {
  return readFacilitated(doc, 'breakout', BreakoutSchema)
}

/** Open until closed, or until its closing countdown has run out (on every screen at once). */
export function isBreakoutOpen(breakout: Breakout | null, clock: ClockReader): boolean {
  if (!breakout || breakout.status !== 'open') return false
  const closing = breakout.closing
  return !(closing && closing.startedAt !== null && remainingMs(closing, clock.now(), clock.offsetTo(closing.clockOf)) === 0)
}

/** Who is in which group of this breakout: placed by a facilitator, or (by choice) by themselves. */
export function readMembers(doc: Y.Doc, breakout: Breakout): Map<string, string> {
  const groupIds = new Set(breakout.groups.map((g) => g.id))
  const out = new Map<string, string>()
  for (const [personId, m] of readPrefixed(doc, 'member:', MemberSchema)) {
    if (m.breakoutId !== breakout.id || !groupIds.has(m.groupId)) continue
    const allowed = m.via === 'choice' ? breakout.mode === 'choice' && m.by === personId : canFacilitate(doc, m.by)
    if (allowed) out.set(personId, m.groupId)
  }
  return out
}

export interface GroupView {
  group: Group
  members: string[]
}

export function groupsOf(doc: Y.Doc, breakout: Breakout): GroupView[] {
  const members = readMembers(doc, breakout)
  return breakout.groups.map((group) => ({ group, members: [...members].filter(([, g]) => g === group.id).map(([p]) => p).sort() }))
}

function clearMembers(doc: Y.Doc): void {
  const run = runMap(doc)
  for (const key of [...run.keys()]) if (key.startsWith('member:')) run.delete(key)
}

export function openBreakout(doc: Y.Doc, by: string, plan: BreakoutPlan, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult<string> {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  if (isBreakoutOpen(readBreakout(doc), clock)) return refuse(MSG.alreadyOpen)
  if (plan.groups.length === 0) return refuse(MSG.makeGroup)
  if (plan.groups.length > LIMITS.groups) return refuse(said(MSG.tooManyGroups, { max: LIMITS.groups }))
  if (!Number.isInteger(plan.size) || plan.size < 1) return refuse(MSG.groupSize)
  const placed = new Set<string>()
  for (const g of plan.groups) {
    if (g.name.trim().length === 0 || g.name.length > LIMITS.label) return refuse(said(MSG.groupName, { max: LIMITS.label }))
    if (g.prompt.length > LIMITS.prompt) return refuse(said(MSG.promptsTooLong, { max: LIMITS.prompt }))
    for (const p of g.members) {
      if (placed.has(p)) return refuse(MSG.twoGroups)
      placed.add(p)
    }
  }
  const id = newItemId()
  const now = clock.now()
  doc.transact(() => {
    const groups: Group[] = plan.groups.map((g) => {
      let diagramId: string | null = null
      if (plan.withDiagrams) {
        const made = createDiagram(doc, { title: `${g.name.trim()} · ${plan.title}`.slice(0, 120), kind: 'cld', createdAt: now }, origin)
        if (made.ok) diagramId = made.value
      }
      return { id: newItemId(), name: g.name.trim(), prompt: g.prompt.trim(), diagramId }
    })
    const breakout: Breakout = { id, status: 'open', mode: plan.mode, size: plan.size, groups, message: null, closing: null, returnTo: plan.returnTo, autoPlace: plan.autoPlace, openedAt: now, clockOf: by, by }
    clearMembers(doc)
    runMap(doc).set('breakout', breakout)
    plan.groups.forEach((g, i) => {
      for (const p of g.members) runMap(doc).set(`member:${p}`, { breakoutId: id, groupId: groups[i].id, via: 'facilitator', by } satisfies Member)
    })
  }, origin)
  return done(id)
}

function withOpen(doc: Y.Doc, by: string, clock: ClockReader): RunResult<Breakout> {
  if (!canFacilitate(doc, by)) return refuse(NOT_FACILITATOR)
  const breakout = readBreakout(doc)
  if (!breakout || !isBreakoutOpen(breakout, clock)) return refuse(MSG.noneOpen)
  return done(breakout)
}

/** A facilitator puts someone in a group (or takes them out, with null). */
export function moveToGroup(doc: Y.Doc, by: string, personId: string, groupId: string | null, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const open = withOpen(doc, by, clock)
  if (!open.ok) return open
  const breakout = open.value
  if (groupId !== null && !breakout.groups.some((g) => g.id === groupId)) return refuse(MSG.noSuchGroup)
  doc.transact(() => {
    if (groupId === null) runMap(doc).delete(`member:${personId}`)
    else runMap(doc).set(`member:${personId}`, { breakoutId: breakout.id, groupId, via: 'facilitator', by } satisfies Member)
  }, origin)
  return done(undefined)
}

/** By choice: a person picks a group with room for them. */
export function chooseGroup(doc: Y.Doc, personId: string, groupId: string, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const breakout = readBreakout(doc)
  if (!breakout || !isBreakoutOpen(breakout, clock)) return refuse(MSG.noneOpen)
  if (breakout.mode !== 'choice') return refuse(MSG.facilitatorsPlace)
  const view = groupsOf(doc, breakout).find((g) => g.group.id === groupId)
  if (!view) return refuse(MSG.noSuchGroup)
  if (view.members.includes(personId)) return done(undefined)
  if (view.members.length >= breakout.size) return refuse(said(MSG.full, { group: view.group.name }))
  doc.transact(() => runMap(doc).set(`member:${personId}`, { breakoutId: breakout.id, groupId, via: 'choice', by: personId } satisfies Member), origin)
  return done(undefined)
}

/** Put everyone not yet in a group (people who arrived late) into the smallest groups. */
export function placeLateJoiners(doc: Y.Doc, by: string, people: readonly string[], clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult<number> {
  const open = withOpen(doc, by, clock)
  if (!open.ok) return open
  const breakout = open.value
  const groups = groupsOf(doc, breakout).map((g) => ({ id: g.group.id, members: [...g.members] }))
  const placed = new Set(groups.flatMap((g) => g.members))
  const late = people.filter((p) => !placed.has(p))
  if (late.length === 0) return done(0)
  doc.transact(() => {
    for (const p of late) {
      const groupId = placeLateJoiner(groups, breakout.size)
      if (!groupId) return
      groups.find((g) => g.id === groupId)!.members.push(p)
      runMap(doc).set(`member:${p}`, { breakoutId: breakout.id, groupId, via: 'facilitator', by } satisfies Member)
    }
  }, origin)
  return done(late.length)
}

function updateOpen(doc: Y.Doc, by: string, clock: ClockReader, change: (b: Breakout) => Breakout | null, origin: Origin): RunResult {
  const open = withOpen(doc, by, clock)
  if (!open.ok) return open
  const breakout = open.value
  // null: the group the change is about is not in this breakout.
  const next = change(breakout)
  if (next === null) return refuse(MSG.noSuchGroup)
  doc.transact(() => runMap(doc).set('breakout', { ...next, by }), origin)
  return done(undefined)
}

/** A message every group sees at once ("Five minutes left: choose one loop to bring back"). */
export function broadcast(doc: Y.Doc, by: string, text: string, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  const trimmed = text.trim()
  if (trimmed.length === 0) return refuse(MSG.writeMessage)
  if (trimmed.length > LIMITS.message) return refuse(said(MSG.messageTooLong, { max: LIMITS.message }))
  return updateOpen(doc, by, clock, (b) => ({ ...b, message: { text: trimmed, at: clock.now(), by } }), origin)
}

export function setGroupPrompt(doc: Y.Doc, by: string, groupId: string, prompt: string, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  if (prompt.length > LIMITS.prompt) return refuse(said(MSG.promptTooLong, { max: LIMITS.prompt }))
  return updateOpen(doc, by, clock, (b) => (b.groups.some((g) => g.id === groupId) ? { ...b, groups: b.groups.map((g) => (g.id === groupId ? { ...g, prompt } : g)) } : null), origin)
}

/** Everyone comes back when this countdown ends. */
export function startClosing(doc: Y.Doc, by: string, ms: number, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  if (!Number.isFinite(ms) || ms < 5_000) return refuse(MSG.fewSeconds)
  return updateOpen(doc, by, clock, (b) => ({ ...b, closing: startTimer(newTimer(ms, by), clock.now(), 0, by) }), origin)
}

export function closeBreakout(doc: Y.Doc, by: string, clock: ClockReader, origin: Origin = FACILITATION_ORIGIN): RunResult {
  return updateOpen(doc, by, clock, (b) => ({ ...b, status: 'closed' }), origin)
}
