import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  DOMAINS,
  PROJECT_FIELDS,
  addComment,
  canEditProject,
  cardToMarkdown,
  createProject,
  editProjectText,
  fieldText,
  projectAuthors,
  projectIds,
  projectMap,
  readComments,
  readProjectSummary,
  removeComment,
  setCoAuthor,
  setGoal,
  setMyDetails,
  snapshotProject,
  type TextTarget,
} from '../../../../shared/cohort'
import { ORIGIN, cohort, random, replica, sync } from './helpers'

const edit = (by: string, now = 10) => ({ by, now, origin: ORIGIN })

describe('project cards', () => {
  it('belong to practitioners: one card each, started with their own details', () => {
    const { doc, pia, mo, fay } = cohort()
    setMyDetails(doc, pia.id, { country: 'Kenya', organisation: 'Nairobi Green School' }, ORIGIN)
    expect(createProject(doc, pia.id, 5, ORIGIN)).toEqual({ ok: true, value: pia.id })
    expect(createProject(doc, pia.id, 6, ORIGIN)).toEqual({ ok: true, value: pia.id })
    expect(createProject(doc, mo.id, 5, ORIGIN)).toEqual({ ok: false, message: expect.stringMatching(/practitioners/) })
    expect(createProject(doc, fay.id, 5, ORIGIN).ok).toBe(false)
    expect(projectIds(doc)).toEqual([pia.id])
    expect(readProjectSummary(doc, pia.id)).toMatchObject({ country: 'Kenya', school: 'Nairobi Green School', title: '', sdgs: [] })
  })

  it('are edited by their owner and the co-authors the owner names, nobody else', () => {
    const { doc, pia, priya, mo, fay } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    expect(editProjectText(doc, pia.id, { field: 'title' }, 'Outdoor learning', edit(pia.id)).ok).toBe(true)
    for (const other of [priya, mo, fay]) {
      expect(editProjectText(doc, pia.id, { field: 'title' }, 'Hijacked', edit(other.id))).toEqual({ ok: false, message: expect.stringMatching(/Only the owner/) })
      expect(setGoal(doc, pia.id, 4, true, other.id, ORIGIN).ok).toBe(false)
    }
    expect(setCoAuthor(doc, pia.id, priya.id, true, mo.id, ORIGIN).ok).toBe(false)
    expect(setCoAuthor(doc, pia.id, priya.id, true, pia.id, ORIGIN).ok).toBe(true)
    expect(projectAuthors(doc, pia.id)).toEqual([pia.id, priya.id])
    expect(canEditProject(doc, pia.id, priya.id)).toBe(true)
    expect(editProjectText(doc, pia.id, { domain: 'research' }, 'Reading Senge', edit(priya.id)).ok).toBe(true)
    expect(fieldText(projectMap(doc, pia.id) as Y.Map<unknown>, 'title')?.toString()).toBe('Outdoor learning')
  })

  it('keep both people’s words when two authors type in the same field at once', () => {
    const { doc, pia, priya } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    setCoAuthor(doc, pia.id, priya.id, true, pia.id, ORIGIN)
    editProjectText(doc, pia.id, { field: 'reality' }, 'Timetables are full.', edit(pia.id))
    const other = replica(doc)
    editProjectText(doc, pia.id, { field: 'reality' }, 'Pia: Timetables are full.', edit(pia.id, 20))
    editProjectText(other, pia.id, { field: 'reality' }, 'Timetables are full. Priya: but the head is keen.', edit(priya.id, 21))
    sync(doc, other)
    const text = snapshotProject(projectMap(doc, pia.id) as Y.Map<unknown>).reality
    expect(text).toBe('Pia: Timetables are full. Priya: but the head is keen.')
    expect(snapshotProject(projectMap(other, pia.id) as Y.Map<unknown>).reality).toBe(text)
  })

  it('converge after random concurrent edits on three replicas, exchanged in random order', () => {
    const { doc, pia, priya } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    setCoAuthor(doc, pia.id, priya.id, true, pia.id, ORIGIN)
    const peers = [doc, replica(doc), replica(doc)]
    const rand = random(7)
    const targets: TextTarget[] = [...PROJECT_FIELDS.map((field) => ({ field })), ...DOMAINS.map((domain) => ({ domain }))]
    const words = ['systems', 'care', 'loop', 'garden', 'listen', 'map']
    for (let round = 0; round < 6; round++) {
      peers.forEach((peer, i) => {
        for (let n = 0; n < 8; n++) {
          const target = targets[Math.floor(rand() * targets.length)]
          const project = projectMap(peer, pia.id) as Y.Map<unknown>
          const before = 'field' in target ? snapshotProject(project)[target.field] : snapshotProject(project).reflections[target.domain]
          const at = Math.floor(rand() * (before.length + 1))
          const cut = rand() < 0.3 ? Math.min(before.length - at, 3) : 0
          const after = before.slice(0, at) + words[Math.floor(rand() * words.length)] + ' ' + before.slice(at + cut)
          editProjectText(peer, pia.id, target, after, edit(i === 1 ? priya.id : pia.id, round))
          setGoal(peer, pia.id, 1 + Math.floor(rand() * 17), rand() < 0.7, i === 1 ? priya.id : pia.id, ORIGIN)
        }
      })
      const order = [0, 1, 2].sort(() => rand() - 0.5)
      sync(peers[order[0]], peers[order[1]])
      sync(peers[order[1]], peers[order[2]])
    }
    sync(peers[0], peers[1])
    sync(peers[1], peers[2])
    sync(peers[0], peers[2])
    const states = peers.map((p) => snapshotProject(projectMap(p, pia.id) as Y.Map<unknown>))
    expect(states[1]).toEqual(states[0])
    expect(states[2]).toEqual(states[0])
    expect(JSON.stringify(states[0])).toMatch(/systems|care|loop|garden|listen|map/)
  })

  it('merge goal choices made at once by two authors, as a set', () => {
    const { doc, pia, priya } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    setCoAuthor(doc, pia.id, priya.id, true, pia.id, ORIGIN)
    const other = replica(doc)
    setGoal(doc, pia.id, 4, true, pia.id, ORIGIN)
    setGoal(other, pia.id, 13, true, priya.id, ORIGIN)
    sync(doc, other)
    expect(readProjectSummary(doc, pia.id)?.sdgs).toEqual([4, 13])
    expect(setGoal(doc, pia.id, 18, true, pia.id, ORIGIN).ok).toBe(false)
  })

  it('take comments from mentors, facilitators and the card’s authors, and readers drop any other', () => {
    const { doc, pia, priya, mo, fay } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    expect(addComment(doc, pia.id, { by: mo.id, text: 'Lovely start', now: 10 }, ORIGIN).ok).toBe(true)
    expect(addComment(doc, pia.id, { by: fay.id, text: 'Who else is involved?', now: 11 }, ORIGIN).ok).toBe(true)
    expect(addComment(doc, pia.id, { by: pia.id, text: 'Thank you both', now: 12 }, ORIGIN).ok).toBe(true)
    expect(addComment(doc, pia.id, { by: priya.id, text: 'Me too', now: 13 }, ORIGIN).ok).toBe(false)
    expect(addComment(doc, pia.id, { by: mo.id, text: '   ', now: 14 }, ORIGIN).ok).toBe(false)
    // A buggy build writes a comment in a practitioner's name straight into the document.
    const list = (projectMap(doc, pia.id) as Y.Map<unknown>).get('comments') as Y.Array<unknown>
    list.push([{ id: 'forged', by: priya.id, at: 15, text: 'Sneaky', kind: 'comment' }, { nonsense: true }])
    expect(readComments(doc, pia.id).map((c) => c.text)).toEqual(['Lovely start', 'Who else is involved?', 'Thank you both'])
    const mine = readComments(doc, pia.id)[0]
    expect(removeComment(doc, pia.id, mine.id, fay.id, ORIGIN).ok).toBe(false)
    expect(removeComment(doc, pia.id, mine.id, mo.id, ORIGIN).ok).toBe(true)
    expect(readComments(doc, pia.id)).toHaveLength(2)
  })

  it('export as Markdown with the card, its goals, reflections and comments', () => {
    const { doc, pia, mo } = cohort()
    createProject(doc, pia.id, 5, ORIGIN)
    editProjectText(doc, pia.id, { field: 'title' }, 'Outdoor *learning*', edit(pia.id))
    editProjectText(doc, pia.id, { domain: 'practice' }, 'Slowing down\nListening more', edit(pia.id))
    setGoal(doc, pia.id, 13, true, pia.id, ORIGIN)
    addComment(doc, pia.id, { by: mo.id, text: 'Keep going', now: 10 }, ORIGIN)
    const markdown = cardToMarkdown({
      cohort: 'Fellows 2027',
      owner: 'Pia',
      snapshot: snapshotProject(projectMap(doc, pia.id) as Y.Map<unknown>),
      comments: readComments(doc, pia.id),
      milestones: [],
      name: (id) => (id === mo.id ? 'Mo' : 'Pia'),
      day: () => '1 May 2027',
    })
    expect(markdown).toContain('# Outdoor \\*learning\\*')
    expect(markdown).toContain('- 13. Climate action')
    expect(markdown).toContain('### Practice\n\nSlowing down  \nListening more')
    expect(markdown).toContain('- **Mo**, 1 May 2027: Keep going')
  })
})
