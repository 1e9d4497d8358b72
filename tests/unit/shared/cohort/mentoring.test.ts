import { describe, expect, it } from 'vitest'
import { setRole, upsertPerson } from '../../../../shared/session'
import {
  addMentorNote,
  leaveCohort,
  mayReadNotesFor,
  menteesOf,
  mentorsOf,
  pairKey,
  pairMentor,
  readMentorNotes,
  readPairs,
  rejoinCohort,
  unpairMentor,
} from '../../../../shared/cohort'
import { ORIGIN, cohort, person, replica, sync } from './helpers'

describe('mentoring pairs', () => {
  it('are made by facilitators, between a mentor and a practitioner', () => {
    const { doc, fay, pia, priya, mo } = cohort()
    expect(pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id, now: 10 }, ORIGIN).ok).toBe(true)
    expect(pairMentor(doc, { mentor: mo.id, practitioner: priya.id, by: fay.id, now: 11 }, ORIGIN).ok).toBe(true)
    expect(pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: mo.id, now: 12 }, ORIGIN)).toEqual({ ok: false, message: expect.stringMatching(/Facilitators/) })
    expect(pairMentor(doc, { mentor: pia.id, practitioner: priya.id, by: fay.id, now: 12 }, ORIGIN)).toEqual({ ok: false, message: expect.stringMatching(/mentor/) })
    expect(pairMentor(doc, { mentor: mo.id, practitioner: fay.id, by: fay.id, now: 12 }, ORIGIN).ok).toBe(false)
    const pairs = readPairs(doc)
    expect(menteesOf(pairs, mo.id)).toEqual([pia.id, priya.id])
    expect(mentorsOf(pairs, pia.id)).toEqual([mo.id])
    expect(mentorsOf(pairs, fay.id)).toEqual([])
  })

  it('give a practitioner more than one mentor, and two facilitators pairing the same people at once make one pair', () => {
    const { doc, fay, pia, mo } = cohort()
    const ana = person('Ana', 'mentor', 5)
    const cam = person('Cam', 'co-facilitator', 6)
    upsertPerson(doc, ana)
    upsertPerson(doc, cam)
    setRole(doc, fay.id, cam.id, 'co-facilitator')
    setRole(doc, fay.id, ana.id, 'mentor')
    const other = replica(doc)
    pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id, now: 10 }, ORIGIN)
    pairMentor(other, { mentor: mo.id, practitioner: pia.id, by: cam.id, now: 10 }, ORIGIN)
    pairMentor(other, { mentor: ana.id, practitioner: pia.id, by: cam.id, now: 11 }, ORIGIN)
    sync(doc, other)
    expect(mentorsOf(readPairs(doc), pia.id)).toEqual([mo.id, ana.id])
    expect(readPairs(doc)).toEqual(readPairs(other))
    unpairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id }, ORIGIN)
    expect(mentorsOf(readPairs(doc), pia.id)).toEqual([ana.id])
  })

  it('are ignored when not written by a facilitator, and pause while one of the two has left', () => {
    const { doc, fay, pia, mo } = cohort()
    doc.getMap('pairs').set(pairKey(mo.id, pia.id), { mentor: mo.id, practitioner: pia.id, by: mo.id, at: 1 })
    expect(readPairs(doc)).toEqual([])
    pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id, now: 10 }, ORIGIN)
    expect(readPairs(doc)).toHaveLength(1)
    leaveCohort(doc, mo.id, 20, ORIGIN)
    expect(readPairs(doc)).toEqual([])
    rejoinCohort(doc, mo.id, ORIGIN)
    expect(readPairs(doc)).toHaveLength(1)
  })
})

describe('notes for mentees', () => {
  it('come from the practitioner’s mentors (and facilitators), and stay after a pairing ends', () => {
    const { doc, fay, pia, priya, mo } = cohort()
    pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id, now: 10 }, ORIGIN)
    expect(addMentorNote(doc, { by: mo.id, for: pia.id, text: 'Try a small pilot first', now: 11 }, ORIGIN).ok).toBe(true)
    expect(addMentorNote(doc, { by: mo.id, for: priya.id, text: 'Not my mentee', now: 12 }, ORIGIN).ok).toBe(false)
    expect(addMentorNote(doc, { by: priya.id, for: pia.id, text: 'Peer note', now: 12 }, ORIGIN).ok).toBe(false)
    expect(addMentorNote(doc, { by: fay.id, for: pia.id, text: 'Welcome', now: 13 }, ORIGIN).ok).toBe(true)
    doc.getArray('mentorNotes').push([{ id: 'x', by: priya.id, for: pia.id, at: 14, text: 'forged' }])
    expect(readMentorNotes(doc, pia.id).map((n) => n.text)).toEqual(['Try a small pilot first', 'Welcome'])
    unpairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id }, ORIGIN)
    expect(readMentorNotes(doc, pia.id)).toHaveLength(2)
  })

  it('are shown to the mentee, their mentors and the facilitators only', () => {
    const { doc, fay, pia, priya, mo } = cohort()
    pairMentor(doc, { mentor: mo.id, practitioner: pia.id, by: fay.id, now: 10 }, ORIGIN)
    expect(mayReadNotesFor(doc, pia.id, pia.id)).toBe(true)
    expect(mayReadNotesFor(doc, mo.id, pia.id)).toBe(true)
    expect(mayReadNotesFor(doc, fay.id, pia.id)).toBe(true)
    expect(mayReadNotesFor(doc, priya.id, pia.id)).toBe(false)
    expect(mayReadNotesFor(doc, mo.id, priya.id)).toBe(false)
  })
})
