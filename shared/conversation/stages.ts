import type * as Y from 'yjs'
import { applyMove, newTimer, startTimer } from '../facilitation/clock'
import { fitLatecomers, planGroups, sizeNumber } from './groups'
import { KEYS, MAX_PEOPLE, StagesSchema, conversationMap, readEntry, type Current, type Stage, type Stages } from './schema'
import { CONVERSATION_ORIGIN, OK, facilitatorGuard, fail, readCurrent, type ClockReader, type ConversationResult, type Refusal, type TimerAction } from './state'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const STAGE_MESSAGES = {
  notValid: { id: 'shared.conversation.stage.notValid', defaultMessage: 'These stages are not valid.' },
  promptChanged: { id: 'shared.conversation.stage.promptChanged', defaultMessage: 'The prompt has changed since; these stages are no longer on screen.' },
  addOne: { id: 'shared.conversation.stage.addOne', defaultMessage: 'Add at least one stage.' },
  noSuchStage: { id: 'shared.conversation.stage.noSuchStage', defaultMessage: 'There is no such stage.' },
  noGroups: { id: 'shared.conversation.stage.noGroups', defaultMessage: 'This stage has no groups.' },
} as const
const MSG = STAGE_MESSAGES

/** The stages of this step (1-2-4-All and the like), or null before the facilitator begins. */
export function readStages(doc: Y.Doc, step: number): Stages | null {
  const stages = readEntry(doc, KEYS.stages, StagesSchema)
  if (!stages || stages.step !== step) return null
  return { ...stages, index: Math.min(stages.index, stages.plan.length - 1) }
}

function write(doc: Y.Doc, stages: Stages): ConversationResult {
  const parsed = StagesSchema.safeParse(stages)
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? MSG.notValid)
  doc.transact(() => conversationMap(doc).set(KEYS.stages, parsed.data), CONVERSATION_ORIGIN)
  return OK
}

function stillShowing(doc: Y.Doc, step: number): Refusal | null {
  const current = readCurrent(doc)
  return current && current.step === step ? null : fail(MSG.promptChanged)
}

/** Begin the first stage: groups are assigned from the people present, and its timer starts. */
export function beginStages(doc: Y.Doc, personId: string, seen: Current, plan: readonly Stage[], people: readonly string[], seed: number, clock: ClockReader): ConversationResult {
  const refused = facilitatorGuard(doc, personId) ?? stillShowing(doc, seen.step)
  if (refused) return refused
  if (plan.length === 0) return fail(MSG.addOne)
  const timer = startTimer(newTimer(plan[0].minutes * 60_000, personId), clock.now(), 0, personId)
  return write(doc, { step: seen.step, plan: [...plan], index: 0, timer, groups: planGroups(plan, people.slice(0, MAX_PEOPLE), seed), seed, by: personId })
}

/** Go to another stage; its timer starts at once. */
export function goToStage(doc: Y.Doc, personId: string, stages: Stages, index: number, clock: ClockReader): ConversationResult {
  const refused = facilitatorGuard(doc, personId) ?? stillShowing(doc, stages.step)
  if (refused) return refused
  if (index < 0 || index >= stages.plan.length) return fail(MSG.noSuchStage)
  const timer = startTimer(newTimer(stages.plan[index].minutes * 60_000, personId), clock.now(), 0, personId)
  return write(doc, { ...stages, index, timer, by: personId })
}

export function changeStageTimer(doc: Y.Doc, personId: string, stages: Stages, action: TimerAction, clock: ClockReader): ConversationResult {
  const refused = facilitatorGuard(doc, personId) ?? stillShowing(doc, stages.step)
  if (refused) return refused
  const timer = applyMove(stages.timer, action, clock.now(), clock.offsetTo(stages.timer.clockOf), personId)
  return write(doc, { ...stages, timer, by: personId })
}

/** Replace the groups of one size (a facilitator's edit by hand). */
export function setGroups(doc: Y.Doc, personId: string, stages: Stages, size: string, groups: readonly (readonly string[])[]): ConversationResult {
  const refused = facilitatorGuard(doc, personId) ?? stillShowing(doc, stages.step)
  if (refused) return refused
  const cleaned = groups.map((g) => [...new Set(g)]).filter((g) => g.length > 0)
  return write(doc, { ...stages, groups: { ...stages.groups, [size]: cleaned }, by: personId })
}

/** Fit everyone present who has no group yet into the groups of this stage. */
export function placeLatecomers(doc: Y.Doc, personId: string, stages: Stages, present: readonly string[]): ConversationResult {
  const stage = stages.plan[stages.index]
  const size = stage ? sizeNumber(stage.size) : null
  if (!stage || size === null || size < 2) return fail(MSG.noGroups)
  const key = String(size)
  return setGroups(doc, personId, stages, key, fitLatecomers(stages.groups[key] ?? [], present, size))
}
