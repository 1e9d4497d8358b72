import { describe, expect, it } from 'vitest'
import {
  CLINIC_STAGES,
  DEFAULT_MINUTES,
  addClinicTime,
  createProject,
  endClinic,
  goToStage,
  mayOffer,
  offerToClinic,
  offeringsOf,
  readClinic,
  readClinicLog,
  readComments,
  stageStatus,
  startClinic,
  toggleClinicTimer,
  totalMinutes,
} from '../../../../shared/cohort'
import { ORIGIN, cohort, replica, sync } from './helpers'

const MIN = 60_000

function running() {
  const setup = cohort()
  createProject(setup.doc, setup.pia.id, 1, ORIGIN)
  const started = startClinic(setup.doc, { projectId: setup.pia.id, by: setup.fay.id, now: 1_000 }, ORIGIN)
  if (!started.ok) throw new Error(started.message)
  return { ...setup, clinicId: started.value }
}

const noOffset = (): number => 0

describe('project clinic stages and timing', () => {
  it('plans every authored stage, timing the first at once, when no minutes are given', () => {
    const { doc, fay, pia } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    expect(startClinic(doc, { projectId: pia.id, by: fay.id, now: 1 }, ORIGIN).ok).toBe(true)
    const clinic = readClinic(doc)
    expect(clinic?.minutes).toEqual(DEFAULT_MINUTES)
    expect(DEFAULT_MINUTES.every((m) => m >= 1 && m <= 60)).toBe(true)
    expect(totalMinutes(clinic?.minutes ?? [])).toBe(DEFAULT_MINUTES.reduce((a, b) => a + b, 0))
    expect(clinic?.timer.durationMs).toBe(DEFAULT_MINUTES[0] * 60_000)
  })

  it('is started by a facilitator, for a practitioner’s card, with the first stage waiting to be timed', () => {
    const { doc, fay, pia, mo } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    expect(startClinic(doc, { projectId: pia.id, by: mo.id, now: 1 }, ORIGIN).ok).toBe(false)
    expect(startClinic(doc, { projectId: fay.id, by: fay.id, now: 1 }, ORIGIN).ok).toBe(false)
    expect(startClinic(doc, { projectId: pia.id, by: fay.id, now: 1, minutes: [5, 0, 5, 5, 5] }, ORIGIN).ok).toBe(false)
    const { clinicId } = running()
    expect(clinicId).toBeTruthy()
    expect(readClinicLog(doc)).toHaveLength(0)
    const { doc: other } = running()
    const state = readClinic(other)
    expect(state?.stage).toBe(0)
    const status = state && stageStatus(state, 50_000, noOffset)
    expect(status).toMatchObject({ index: 0, remainingMs: 5 * MIN, running: false, timeUp: false })
    expect(readClinicLog(other)).toHaveLength(1)
  })

  it('counts down once started, pauses, takes extra time, and says when time is up', () => {
    const { doc, fay } = running()
    const control = (now: number) => ({ by: fay.id, now, offsetTo: noOffset })
    toggleClinicTimer(doc, control(10_000), ORIGIN)
    let state = readClinic(doc)!
    expect(stageStatus(state, 10_000 + 2 * MIN, noOffset)).toMatchObject({ remainingMs: 3 * MIN, running: true })
    toggleClinicTimer(doc, control(10_000 + 2 * MIN), ORIGIN)
    state = readClinic(doc)!
    expect(stageStatus(state, 10_000 + 60 * MIN, noOffset)).toMatchObject({ remainingMs: 3 * MIN, running: false })
    addClinicTime(doc, MIN, control(10_000 + 60 * MIN), ORIGIN)
    state = readClinic(doc)!
    expect(stageStatus(state, 0, noOffset).remainingMs).toBe(4 * MIN)
    toggleClinicTimer(doc, control(100 * MIN), ORIGIN)
    state = readClinic(doc)!
    expect(stageStatus(state, 104 * MIN + 1, noOffset)).toMatchObject({ remainingMs: 0, running: false, timeUp: true })
  })

  it('shows the same time left on a machine whose clock is 7 minutes ahead', () => {
    const { doc, fay } = running()
    toggleClinicTimer(doc, { by: fay.id, now: 10_000, offsetTo: noOffset }, ORIGIN)
    const other = replica(doc)
    const state = readClinic(other)!
    // The other clock reads 7 minutes more; its offset to Fay is -7 minutes.
    const theirNow = 10_000 + MIN + 7 * MIN
    expect(stageStatus(state, theirNow, () => -7 * MIN).remainingMs).toBe(4 * MIN)
  })

  it('moves stage by stage, each stage timed from its own length and started at once', () => {
    const { doc, fay } = running()
    goToStage(doc, 2, { by: fay.id, now: 5_000, offsetTo: noOffset }, ORIGIN)
    const state = readClinic(doc)!
    expect(stageStatus(state, 5_000 + MIN, noOffset)).toMatchObject({ index: 2, remainingMs: 4 * MIN, running: true })
    expect(state.timer.durationMs).toBe(CLINIC_STAGES[2].minutes * MIN)
    expect(goToStage(doc, 5, { by: fay.id, now: 6_000, offsetTo: noOffset }, ORIGIN).ok).toBe(false)
    expect(goToStage(doc, 3, { by: fay.id.slice(1) + 'x', now: 6_000, offsetTo: noOffset }, ORIGIN).ok).toBe(false)
    goToStage(doc, 4, { by: fay.id, now: 7_000, offsetTo: noOffset }, ORIGIN)
    expect(stageStatus(readClinic(doc)!, 7_000, noOffset).isLast).toBe(true)
  })

  it('lets the group offer in the group’s stages and the presenter reflect last; offerings land on the card', () => {
    const { doc, fay, pia, priya, mo, clinicId } = running()
    const at = (stage: number) => goToStage(doc, stage, { by: fay.id, now: 1, offsetTo: noOffset }, ORIGIN)
    expect(offerToClinic(doc, { by: priya.id, text: 'Too early', now: 2 }, ORIGIN)).toEqual({ ok: false, message: expect.stringMatching(/listens/) })
    at(2)
    expect(mayOffer(doc, readClinic(doc)!, priya.id)).toBe(true)
    expect(mayOffer(doc, readClinic(doc)!, pia.id)).toBe(false)
    expect(offerToClinic(doc, { by: priya.id, text: 'Your clarity about the why', now: 3 }, ORIGIN).ok).toBe(true)
    expect(offerToClinic(doc, { by: mo.id, text: 'The student voice in it', now: 4 }, ORIGIN).ok).toBe(true)
    expect(offerToClinic(doc, { by: pia.id, text: 'I appreciate myself', now: 5 }, ORIGIN).ok).toBe(false)
    at(3)
    expect(offerToClinic(doc, { by: mo.id, text: 'I wonder who else could join', now: 6 }, ORIGIN).ok).toBe(true)
    at(4)
    expect(offerToClinic(doc, { by: priya.id, text: 'More', now: 7 }, ORIGIN).ok).toBe(false)
    expect(offerToClinic(doc, { by: pia.id, text: 'I will start smaller', now: 8 }, ORIGIN).ok).toBe(true)
    const other = replica(doc)
    endClinic(doc, fay.id, ORIGIN)
    sync(doc, other)
    expect(readClinic(other)).toBeNull()
    const onCard = readComments(other, pia.id)
    expect(offeringsOf(onCard, clinicId, 'appreciations').map((c) => c.text)).toEqual(['Your clarity about the why', 'The student voice in it'])
    expect(offeringsOf(onCard, clinicId).map((c) => c.stage)).toEqual(['appreciations', 'appreciations', 'wonderings', 'reflecting'])
  })

  it('ignores a clinic, or offerings, that no facilitator started', () => {
    const { doc, pia, priya } = running()
    doc.getMap('clinic').set('current', { ...readClinic(doc)!, by: priya.id })
    expect(readClinic(doc)).toBeNull()
    const list = doc.getMap('projects').get(pia.id) as { get: (k: string) => { push: (v: unknown[]) => void } }
    list.get('comments').push([{ id: 'f', by: priya.id, at: 9, text: 'forged', kind: 'clinic', stage: 'appreciations', clinicId: 'no-such-clinic' }])
    expect(readComments(doc, pia.id)).toEqual([])
  })
})
