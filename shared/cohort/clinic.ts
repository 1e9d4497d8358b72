import { z } from 'zod'
import type * as Y from 'yjs'
import { said, type Failure } from '../result'
import { newItemId } from '../session/ids'
import { MAX_TIMER_MS, addTime, newTimer, pauseTimer, remainingMs, startTimer, type TimerState } from '../facilitation/clock'
import { done, isWritable, NEWER_MESSAGE, refuse, type CohortResult } from './doc'
import { facilitates, isActive } from './permissions'
import { projectMap } from './projects'
import { clinicLog, clinicMap } from './roots'
import { pushComment } from './comments'
import { CLINIC_STAGES, type ClinicStage } from './content'
import type { ClinicRecord } from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const CLINIC_MESSAGES = {
  facilitatorsRun: { id: 'shared.cohort.clinic.facilitatorsRun', defaultMessage: 'Facilitators run the clinic.' },
  chooseCard: { id: 'shared.cohort.clinic.chooseCard', defaultMessage: 'Choose a project card for the clinic.' },
  presenterLeft: { id: 'shared.cohort.clinic.presenterLeft', defaultMessage: 'The presenter has left the cohort.' },
  stageMinutes: { id: 'shared.cohort.clinic.stageMinutes', defaultMessage: 'Each stage lasts between 1 and 60 minutes.' },
  notRunning: { id: 'shared.cohort.clinic.notRunning', defaultMessage: 'No clinic is running.' },
  noSuchStage: { id: 'shared.cohort.clinic.noSuchStage', defaultMessage: 'There is no such stage.' },
  everyoneListens: { id: 'shared.cohort.clinic.everyoneListens', defaultMessage: 'In “{stage}” everyone listens.' },
  presentersStage: { id: 'shared.cohort.clinic.presentersStage', defaultMessage: 'This stage is the presenter’s.' },
  presenterListens: { id: 'shared.cohort.clinic.presenterListens', defaultMessage: 'The presenter listens in this stage.' },
} as const
const MSG = CLINIC_MESSAGES

/**
 * A project clinic: one practitioner presents their card, the group asks clarifying
 * questions, offers appreciations and wonderings, the presenter reflects. Each stage
 * has its own timer, kept in the shared clock of shared/facilitation (stored in the
 * clock of whoever last touched it, read by everyone with their own offset). What the
 * group offers is written straight onto the presenter's card, tagged with the stage.
 *
 * The clinic running now is one record under `clinic.current`: a facilitator moving
 * it on replaces it whole, so two facilitators pressing "next" at once agree on one.
 */
const TimerSchema = z.object({
  durationMs: z.number().finite().min(0).max(MAX_TIMER_MS),
  startedAt: z.number().finite().nullable(),
  remainingAtStartMs: z.number().finite().min(0).max(MAX_TIMER_MS),
  clockOf: z.string().min(1).max(64),
})

export const ClinicStateSchema = z.object({
  id: z.string().min(1).max(64),
  projectId: z.string().min(1).max(64),
  presenter: z.string().min(1).max(64),
  stage: z.number().int().min(0).max(CLINIC_STAGES.length - 1),
  minutes: z.array(z.number().int().min(1).max(60)).length(CLINIC_STAGES.length),
  timer: TimerSchema,
  by: z.string().min(1).max(64),
  startedAt: z.number().finite(),
})
export type ClinicState = z.infer<typeof ClinicStateSchema>

export type OffsetTo = (personId: string) => number

export const DEFAULT_MINUTES: readonly number[] = CLINIC_STAGES.map((s) => s.minutes)

/** The clinic running now, if a facilitator started it. */
export function readClinic(doc: Y.Doc): ClinicState | null {
  const parsed = ClinicStateSchema.safeParse(clinicMap(doc).get('current'))
  return parsed.success && facilitates(doc, parsed.data.by) ? parsed.data : null
}

function write(doc: Y.Doc, state: ClinicState, origin: Origin): void {
  doc.transact(() => clinicMap(doc).set('current', ClinicStateSchema.parse(state)), origin)
}

function guard(doc: Y.Doc, by: string): Failure | null {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, by) || !isActive(doc, by)) return refuse(MSG.facilitatorsRun)
  return null
}

export function totalMinutes(minutes: readonly number[]): number {
  return minutes.reduce((sum, m) => sum + m, 0)
}

export function startClinic(
  doc: Y.Doc,
  input: { projectId: string; by: string; now: number; minutes?: readonly number[] },
  origin: Origin,
): CohortResult<string> {
  const refusal = guard(doc, input.by)
  if (refusal) return refusal
  if (!projectMap(doc, input.projectId)) return refuse(MSG.chooseCard)
  if (!isActive(doc, input.projectId)) return refuse(MSG.presenterLeft)
  const minutes = [...(input.minutes ?? DEFAULT_MINUTES)]
  if (minutes.length !== CLINIC_STAGES.length || minutes.some((m) => !Number.isInteger(m) || m < 1 || m > 60)) {
    return refuse(MSG.stageMinutes)
  }
  const id = newItemId()
  const record: ClinicRecord = { id, projectId: input.projectId, presenter: input.projectId, by: input.by, at: input.now }
  doc.transact(() => {
    clinicLog(doc).push([record])
    write(doc, { ...record, stage: 0, minutes, timer: newTimer(minutes[0] * 60_000, input.by), startedAt: input.now }, origin)
  }, origin)
  return done(id)
}

interface Control {
  by: string
  /** My clock now. */
  now: number
  offsetTo: OffsetTo
}

function current(doc: Y.Doc, control: Control): { ok: true; state: ClinicState } | Failure {
  const refusal = guard(doc, control.by)
  if (refusal) return refusal
  const state = readClinic(doc)
  return state ? { ok: true, state } : refuse(MSG.notRunning)
}

/** Move to a stage (next, back, or any): its timer starts at once, the conversation flows on. */
export function goToStage(doc: Y.Doc, stage: number, control: Control, origin: Origin): CohortResult {
  const found = current(doc, control)
  if (!found.ok) return found
  if (!Number.isInteger(stage) || stage < 0 || stage >= CLINIC_STAGES.length) return refuse(MSG.noSuchStage)
  const timer = startTimer(newTimer(found.state.minutes[stage] * 60_000, control.by), control.now, 0, control.by)
  write(doc, { ...found.state, stage, timer }, origin)
  return done(undefined)
}

export function toggleClinicTimer(doc: Y.Doc, control: Control, origin: Origin): CohortResult {
  const found = current(doc, control)
  if (!found.ok) return found
  const { timer } = found.state
  const offset = control.offsetTo(timer.clockOf)
  const next: TimerState =
    timer.startedAt === null
      ? startTimer(timer, control.now, offset, control.by)
      : pauseTimer(timer, control.now, offset, control.by)
  write(doc, { ...found.state, timer: next }, origin)
  return done(undefined)
}

export function addClinicTime(doc: Y.Doc, deltaMs: number, control: Control, origin: Origin): CohortResult {
  const found = current(doc, control)
  if (!found.ok) return found
  const { timer } = found.state
  write(doc, { ...found.state, timer: addTime(timer, deltaMs, control.now, control.offsetTo(timer.clockOf), control.by) }, origin)
  return done(undefined)
}

export function endClinic(doc: Y.Doc, by: string, origin: Origin): CohortResult {
  const refusal = guard(doc, by)
  if (refusal) return refusal
  if (clinicMap(doc).has('current')) doc.transact(() => clinicMap(doc).delete('current'), origin)
  return done(undefined)
}

export interface StageStatus {
  index: number
  stage: ClinicStage
  remainingMs: number
  running: boolean
  /** The stage's time is used up (the facilitator moves on when the group is ready). */
  timeUp: boolean
  isLast: boolean
}

export function stageStatus(state: ClinicState, myNow: number, offsetTo: OffsetTo): StageStatus {
  const remaining = remainingMs(state.timer, myNow, offsetTo(state.timer.clockOf))
  return {
    index: state.stage,
    stage: CLINIC_STAGES[state.stage],
    remainingMs: remaining,
    running: state.timer.startedAt !== null && remaining > 0,
    timeUp: remaining <= 0,
    isLast: state.stage === CLINIC_STAGES.length - 1,
  }
}

/** Who may write in the stage now: nobody, the group (not the presenter), or the presenter. */
export function mayOffer(doc: Y.Doc, state: ClinicState, personId: string): boolean {
  const stage = CLINIC_STAGES[state.stage]
  if (!isWritable(doc) || stage.offeringLabel === null || !isActive(doc, personId)) return false
  return stage.speaks === 'presenter' ? personId === state.presenter : personId !== state.presenter
}

/** An offering from the clinic lands on the presenter's card, tagged with the stage. */
export function offerToClinic(doc: Y.Doc, input: { by: string; text: string; now: number }, origin: Origin): CohortResult<string> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  const state = readClinic(doc)
  if (!state) return refuse(MSG.notRunning)
  const stage = CLINIC_STAGES[state.stage]
  if (!mayOffer(doc, state, input.by)) {
    return refuse(stage.offeringLabel === null ? said(MSG.everyoneListens, { stage: stage.label }) : stage.speaks === 'presenter' ? MSG.presentersStage : MSG.presenterListens)
  }
  return pushComment(doc, state.projectId, { by: input.by, at: input.now, text: input.text, kind: 'clinic', stage: stage.id, clinicId: state.id }, origin)
}
