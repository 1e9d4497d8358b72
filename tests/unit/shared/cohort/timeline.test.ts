import { describe, expect, it } from 'vitest'
import { newId } from '../../../../shared/session'
import {
  buildTimeline,
  createProject,
  editProjectText,
  forgetInvite,
  milestoneAllCards,
  readConvenings,
  recordConvening,
  saveMilestone,
  searchTimeline,
  startClinic,
  type ConveningDetails,
} from '../../../../shared/cohort'
import { ORIGIN, cohort } from './helpers'

function setup() {
  const c = cohort()
  const names = new Map([[c.fay.id, 'Fay'], [c.pia.id, 'Pia'], [c.priya.id, 'Priya'], [c.mo.id, 'Mo']])
  return { ...c, names: { person: (id: string) => names.get(id) ?? '?', project: () => 'Outdoor learning' } }
}

describe('the thread between convenings', () => {
  it('keeps the cohort’s convenings by date, added by facilitators only, once each', () => {
    const { doc, fay, pia } = setup()
    const first = newId()
    const second = newId()
    const invite = { secret: newId(), signaling: ['ws://127.0.0.1:4444'] }
    expect(recordConvening(doc, { conveningId: second, title: 'March', date: '2027-03-04', by: fay.id }, 2, ORIGIN).ok).toBe(true)
    expect(recordConvening(doc, { conveningId: first, title: 'January', date: '2027-01-14', by: fay.id, invite }, 3, ORIGIN).ok).toBe(true)
    expect(recordConvening(doc, { conveningId: first, title: 'Again', date: '2027-01-14', by: fay.id }, 4, ORIGIN).ok).toBe(true)
    expect(recordConvening(doc, { conveningId: newId(), title: 'Mine', date: '2027-02-01', by: pia.id }, 5, ORIGIN).ok).toBe(false)
    expect(recordConvening(doc, { conveningId: newId(), title: 'Bad', date: 'March', by: fay.id }, 5, ORIGIN).ok).toBe(false)
    expect(readConvenings(doc).map((c) => c.title)).toEqual(['January', 'March'])
    expect(readConvenings(doc)[0].invite).toEqual(invite)
    expect(forgetInvite(doc, first, pia.id, ORIGIN).ok).toBe(false)
    forgetInvite(doc, first, fay.id, ORIGIN)
    expect(readConvenings(doc)[0].invite).toBeUndefined()
    expect(readConvenings(doc).map((c) => c.title)).toEqual(['January', 'March'])
  })

  it('threads convenings, milestones and clinics newest first, folding each convening’s snapshots into it', () => {
    const { doc, fay, pia, names } = setup()
    const id = newId()
    createProject(doc, pia.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { field: 'title' }, 'Outdoor learning', { by: pia.id, now: 1, origin: ORIGIN })
    recordConvening(doc, { conveningId: id, title: 'Systems mapping', date: '2027-01-14', by: fay.id }, Date.parse('2027-01-10'), ORIGIN)
    milestoneAllCards(doc, { by: fay.id, label: 'Before “Systems mapping”', now: Date.parse('2027-01-10'), conveningId: id }, ORIGIN)
    editProjectText(doc, pia.id, { field: 'nextSteps' }, 'Pilot', { by: pia.id, now: 2, origin: ORIGIN })
    saveMilestone(doc, pia.id, { by: pia.id, label: 'After the pilot', now: Date.parse('2027-02-01') }, ORIGIN)
    startClinic(doc, { projectId: pia.id, by: fay.id, now: Date.parse('2027-02-10') }, ORIGIN)
    const details = new Map<string, ConveningDetails>([[id, { diagrams: ['Why recess shrinks'], scenarios: ['Fast phase-out'], people: 4 }]])
    const items = buildTimeline(doc, details, names)
    expect(items.map((i) => i.kind)).toEqual(['clinic', 'milestone', 'convening'])
    const convening = items[2]
    expect(convening.kind === 'convening' && convening.kept.map((k) => k.projectId)).toEqual([pia.id])
    expect(searchTimeline(items, 'recess').map((i) => i.kind)).toEqual(['convening'])
    expect(searchTimeline(items, 'PHASE out').map((i) => i.kind)).toEqual(['convening'])
    expect(searchTimeline(items, 'pia pilot').map((i) => i.kind)).toEqual(['milestone'])
    expect(searchTimeline(items, 'clinic').map((i) => i.kind)).toEqual(['clinic'])
    expect(searchTimeline(items, '  ')).toHaveLength(3)
    expect(searchTimeline(items, 'nothing like this')).toEqual([])
  })

  it('puts a convening started today after what happened earlier today, and a planned one on its day', () => {
    const { doc, fay, pia, names } = setup()
    createProject(doc, pia.id, 1, ORIGIN)
    const morning = Date.parse('2027-03-04T08:00:00Z')
    startClinic(doc, { projectId: pia.id, by: fay.id, now: morning }, ORIGIN)
    recordConvening(doc, { conveningId: newId(), title: 'Today', date: '2027-03-04', by: fay.id }, morning + 3_600_000, ORIGIN)
    recordConvening(doc, { conveningId: newId(), title: 'Next month', date: '2027-04-01', by: fay.id }, morning + 3_700_000, ORIGIN)
    const items = buildTimeline(doc, new Map(), names)
    expect(items.map((i) => (i.kind === 'convening' ? i.entry.title : i.kind))).toEqual(['Next month', 'Today', 'clinic'])
  })

  it('finds words whatever their accents', () => {
    const { doc, fay, names } = setup()
    recordConvening(doc, { conveningId: newId(), title: 'Réunion à São Paulo', date: '2027-05-05', by: fay.id }, 1, ORIGIN)
    const items = buildTimeline(doc, new Map(), names)
    expect(searchTimeline(items, 'reunion sao')).toHaveLength(1)
  })
})
