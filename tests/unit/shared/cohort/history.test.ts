import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  changesBetween,
  createProject,
  editProjectText,
  milestoneAllCards,
  readMilestones,
  saveMilestone,
  setGoal,
} from '../../../../shared/cohort'
import { ORIGIN, cohort, replica, sync } from './helpers'

const edit = (by: string) => ({ by, now: 10, origin: ORIGIN })

describe('how a card grows: milestones', () => {
  it('keeps a snapshot per convening for every card that changed, and nothing for an unchanged or empty card', () => {
    const { doc, fay, pia, priya } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    createProject(doc, priya.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { field: 'title' }, 'Outdoor learning', edit(pia.id))
    expect(milestoneAllCards(doc, { by: pia.id, label: 'x', now: 20 }, ORIGIN).ok).toBe(false)
    expect(milestoneAllCards(doc, { by: fay.id, label: 'Before “Convening 1”', now: 20, conveningId: 'c1' }, ORIGIN)).toEqual({ ok: true, value: 1 })
    expect(milestoneAllCards(doc, { by: fay.id, label: 'Before “Convening 2”', now: 30, conveningId: 'c2' }, ORIGIN)).toEqual({ ok: true, value: 0 })
    editProjectText(doc, pia.id, { field: 'nextSteps' }, 'Ask the head for one afternoon', edit(pia.id))
    setGoal(doc, pia.id, 4, true, pia.id, ORIGIN)
    expect(milestoneAllCards(doc, { by: fay.id, label: 'Before “Convening 3”', now: 40, conveningId: 'c3' }, ORIGIN)).toEqual({ ok: true, value: 1 })
    const history = readMilestones(doc, pia.id)
    expect(history.map((m) => m.label)).toEqual(['Before “Convening 1”', 'Before “Convening 3”'])
    expect(readMilestones(doc, priya.id)).toEqual([])
    const changes = changesBetween(history[0].snapshot, history[1].snapshot)
    expect(changes.map((c) => c.part)).toEqual([{ field: 'nextSteps' }, { goals: true }])
    expect(changes[1]).toMatchObject({ before: '', after: '4' })
    expect(changesBetween(null, history[0].snapshot).map((c) => c.part)).toEqual([{ field: 'title' }])
  })

  it('lets the card’s authors save a named milestone at any time', () => {
    const { doc, pia, mo } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { domain: 'community' }, 'Parents joined the garden day', edit(pia.id))
    expect(saveMilestone(doc, pia.id, { by: mo.id, label: 'Mine', now: 5 }, ORIGIN).ok).toBe(false)
    expect(saveMilestone(doc, pia.id, { by: pia.id, label: '  ', now: 5 }, ORIGIN).ok).toBe(false)
    expect(saveMilestone(doc, pia.id, { by: pia.id, label: 'After the garden day', now: 5 }, ORIGIN)).toEqual({ ok: true, value: true })
    expect(saveMilestone(doc, pia.id, { by: pia.id, label: 'Again', now: 6 }, ORIGIN)).toEqual({ ok: true, value: false })
    expect(readMilestones(doc, pia.id)[0].snapshot.reflections.community).toBe('Parents joined the garden day')
  })

  it('ignores milestones written by someone who is neither an author nor a facilitator', () => {
    const { doc, pia, mo } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { field: 'title' }, 'T', edit(pia.id))
    saveMilestone(doc, pia.id, { by: pia.id, label: 'Real', now: 5 }, ORIGIN)
    const list = (doc.getMap('projects').get(pia.id) as Y.Map<unknown>).get('milestones') as Y.Array<unknown>
    list.push([{ ...(list.get(0) as object), id: 'forged', by: mo.id, label: 'Forged' }])
    expect(readMilestones(doc, pia.id).map((m) => m.label)).toEqual(['Real'])
  })
})

describe('milestones as stored', () => {
  it('stay exact when two people keep milestones of the same card at once, on two machines', () => {
    const { doc, fay, pia } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { field: 'aspiration' }, 'Learning outside', edit(pia.id))
    saveMilestone(doc, pia.id, { by: pia.id, label: 'First', now: 5 }, ORIGIN)
    const other = replica(doc)
    editProjectText(doc, pia.id, { field: 'aspiration' }, 'Learning outside, weekly', edit(pia.id))
    saveMilestone(doc, pia.id, { by: pia.id, label: 'Pia’s', now: 7 }, ORIGIN)
    editProjectText(other, pia.id, { field: 'nextSteps' }, 'Talk to the head', edit(pia.id))
    milestoneAllCards(other, { by: fay.id, label: 'Fay’s', now: 6 }, ORIGIN)
    sync(doc, other)
    const history = readMilestones(doc, pia.id)
    expect(history.map((m) => m.label)).toEqual(['First', 'Fay’s', 'Pia’s'])
    // Each keeps the card exactly as its writer saw it, whatever arrived in between.
    expect(history[1].snapshot).toMatchObject({ aspiration: 'Learning outside', nextSteps: 'Talk to the head' })
    expect(history[2].snapshot).toMatchObject({ aspiration: 'Learning outside, weekly', nextSteps: '' })
    expect(readMilestones(other, pia.id)).toEqual(history)
  })

  it('keep only the edits since the milestone before, so a long year stays small', () => {
    const { doc, fay, pia } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    let reflection = ''
    for (let n = 0; n < 30; n++) {
      reflection += ` Convening ${n}: we noticed another loop in the staff room and talked it through.`
      editProjectText(doc, pia.id, { domain: 'practice' }, reflection, edit(pia.id))
      milestoneAllCards(doc, { by: fay.id, label: `Before ${n}`, now: 10 + n }, ORIGIN)
    }
    const stored = ((doc.getMap('projects').get(pia.id) as Y.Map<unknown>).get('milestones') as Y.Array<unknown>).toArray()
    expect(stored).toHaveLength(30)
    expect(JSON.stringify(stored.at(-1)).length).toBeLessThan(400)
    expect(readMilestones(doc, pia.id).at(-1)?.snapshot.reflections.practice).toBe(reflection)
  })

  it('leave out a milestone whose base is missing or whose edits do not fit, and what was built on it', () => {
    const { doc, pia } = cohort()
    createProject(doc, pia.id, 1, ORIGIN)
    editProjectText(doc, pia.id, { field: 'title' }, 'One', edit(pia.id))
    saveMilestone(doc, pia.id, { by: pia.id, label: 'Good', now: 5 }, ORIGIN)
    const list = (doc.getMap('projects').get(pia.id) as Y.Map<unknown>).get('milestones') as Y.Array<unknown>
    const good = list.get(0) as { id: string }
    list.push([
      { id: 'orphan', by: pia.id, at: 6, label: 'Orphan', base: 'gone', edits: [], sdgs: [] },
      { id: 'child', by: pia.id, at: 7, label: 'Child', base: 'orphan', edits: [], sdgs: [] },
      { id: 'wild', by: pia.id, at: 8, label: 'Wild', base: good.id, edits: [{ part: 'title', index: 50, remove: 2, insert: 'x' }], sdgs: [] },
      { id: 'loop', by: pia.id, at: 9, label: 'Loop', base: 'loop', edits: [], sdgs: [] },
    ])
    expect(readMilestones(doc, pia.id).map((m) => m.label)).toEqual(['Good'])
  })
})
