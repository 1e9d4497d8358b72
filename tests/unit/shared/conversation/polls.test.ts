import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  KEYS,
  POLL_OPTIONS_MAX,
  answerPoll,
  conversationMap,
  createPoll,
  deletePoll,
  fitAnswer,
  median,
  normaliseWord,
  pollIds,
  readPoll,
  setPollState,
  tallyChoices,
  tallyScale,
  tallyWords,
  viewPoll,
  type PollDraft,
  type PollSpec,
} from '../../../../shared/conversation'
import { collectHarvest, harvestToMarkdown } from '../../../../shared/notes'
import { convening, joinerOf, sync } from './helpers'

const choice: PollDraft = { question: 'Where shall we meet next?', kind: 'choice', options: ['Lisbon', 'Nairobi', 'Online'], multiple: false, anonymous: false, results: 'end' }
const scale: PollDraft = { question: 'How hopeful are you?', kind: 'scale', range: '1-5', low: 'Not at all', high: 'Very', anonymous: true, results: 'live' }
const words: PollDraft = { question: 'One word for today?', kind: 'words', anonymous: true, results: 'live' }

function made(doc: Y.Doc, draft: PollDraft, open = true): string {
  const result = createPoll(doc, 'fran', draft, 10, open)
  if (!result.ok) throw new Error(result.message)
  return result.id
}

function pollEntry(doc: Y.Doc, id: string): Y.Map<unknown> {
  return (conversationMap(doc).get(KEYS.polls) as Y.Map<Y.Map<unknown>>).get(id)!
}

describe('making and running polls', () => {
  it('only facilitators create, open, close, reveal and delete', () => {
    const doc = convening()
    expect(createPoll(doc, 'pia', choice, 1)).toEqual({ ok: false, message: expect.stringContaining('Only facilitators') })
    expect(conversationMap(doc).get(KEYS.polls)).toBeUndefined()
    const id = made(doc, choice, false)
    expect(pollIds(doc, { drafts: false })).toEqual([])
    expect(pollIds(doc, { drafts: true })).toEqual([id])
    expect(setPollState(doc, 'pat', id, { status: 'open' }, 2).ok).toBe(false)
    expect(setPollState(doc, 'cole', id, { status: 'open' }, 2).ok).toBe(true)
    expect(readPoll(doc, id)?.state).toEqual({ status: 'open', revealed: false })
    expect(deletePoll(doc, 'pia', id).ok).toBe(false)
    expect(deletePoll(doc, 'fran', id).ok).toBe(true)
    expect(readPoll(doc, id)).toBeNull()
  })

  it('ignores poll records and state changes forged by a non-facilitator', () => {
    const doc = convening()
    const id = made(doc, choice)
    doc.transact(() => {
      const forged = new Y.Map<unknown>()
      ;(conversationMap(doc).get(KEYS.polls) as Y.Map<unknown>).set('forged', forged)
      forged.set('spec', { question: 'Fake?', kind: 'words', anonymous: false, results: 'live', by: 'pia', at: 1 })
      forged.set('state', { status: 'open', revealed: true, by: 'pia', at: 1 })
      forged.set('answers', new Y.Map())
      // A practitioner "reveals" the real poll: honest readers see a closed, unrevealed poll.
      pollEntry(doc, id).set('state', { status: 'open', revealed: true, by: 'pia', at: 2 })
    })
    const peer = joinerOf(doc)
    expect(pollIds(peer, { drafts: true })).toEqual([id])
    expect(readPoll(peer, id)?.state).toEqual({ status: 'closed', revealed: false })
    expect(viewPoll(peer, id, 'pia', new Set())?.results).toBeNull()
    expect(answerPoll(peer, 'pia', id, { choices: [0] }, new Set())).toEqual({ ok: false, message: 'This poll is not open for answers.' })
  })

  it('keeps one answer per person in a named poll: a second answer replaces the first, on every peer', () => {
    const doc = convening()
    const id = made(doc, choice)
    const pia = joinerOf(doc)
    const pat = joinerOf(doc)
    expect(answerPoll(pia, 'pia', id, { choices: [0] }, new Set()).ok).toBe(true)
    expect(answerPoll(pia, 'pia', id, { choices: [2] }, new Set()).ok).toBe(true)
    expect(answerPoll(pat, 'pat', id, { choices: [2] }, new Set()).ok).toBe(true)
    sync(doc, pia, pat)
    for (const peer of [doc, pia, pat]) expect(viewPoll(peer, id, 'pia', new Set())).toMatchObject({ answered: 2, results: null, mine: { key: 'pia', answer: { choices: [2] } } })
    setPollState(doc, 'fran', id, { revealed: true }, 3)
    sync(doc, pia, pat)
    const results = viewPoll(pat, id, 'pat', new Set())?.results
    expect(results).toMatchObject({ kind: 'choice', answered: 2, tie: false })
    expect(results?.kind === 'choice' && results.bars.map((b) => [b.label, b.count, b.top])).toEqual([['Lisbon', 0, false], ['Nairobi', 0, false], ['Online', 2, true]])
    // One answer for a single-choice poll; none once closed.
    expect(answerPoll(pia, 'pia', id, { choices: [0, 1] }, new Set()).ok).toBe(false)
    setPollState(doc, 'fran', id, { status: 'closed' }, 4)
    sync(doc, pia)
    expect(answerPoll(pia, 'pia', id, { choices: [1] }, new Set()).ok).toBe(false)
  })

  it('anonymous answers store no person id, not in content nor in the encoded update, under a throwaway client', () => {
    const doc = convening()
    const id = made(doc, scale)
    const count = (bytes: Uint8Array): number => new TextDecoder().decode(bytes).split('pia').length
    const before = count(Y.encodeStateAsUpdate(doc))
    const writers = (d: Y.Doc): Set<number> => new Set(Y.decodeUpdate(Y.encodeStateAsUpdate(d)).structs.map((s) => s.id.client))
    const clients = writers(doc)
    const sent = answerPoll(doc, 'pia', id, { value: 4 }, new Set())
    expect(sent.ok).toBe(true)
    const key = sent.ok ? sent.id : ''
    expect(key).not.toContain('pia')
    expect((pollEntry(doc, id).get('answers') as Y.Map<unknown>).toJSON()).toEqual({ [key]: { value: 4 } })
    expect(count(Y.encodeStateAsUpdate(doc))).toBe(before)
    const fresh = [...writers(doc)].filter((c) => !clients.has(c))
    expect(fresh).toHaveLength(1)
    expect(fresh[0]).not.toBe(doc.clientID)
    // This computer remembers the key, so a second answer replaces its own (and nobody else's).
    expect(answerPoll(doc, 'pia', id, { value: 2 }, new Set([key]))).toEqual({ ok: true, id: key })
    expect(viewPoll(doc, id, 'pia', new Set([key]))).toMatchObject({ answered: 1, mine: { key, answer: { value: 2 } } })
    expect(viewPoll(doc, id, 'pat', new Set())?.mine).toBeNull()
  })

  it('refuses drafts that break the limits', () => {
    const doc = convening()
    const refused = (draft: Partial<PollDraft>): string => {
      const result = createPoll(doc, 'fran', { ...choice, ...draft } as PollDraft, 1)
      return result.ok ? '' : result.message
    }
    expect(refused({ question: '  ' })).toBe('Write the question first.')
    expect(refused({ question: 'x'.repeat(201) })).toMatch(/under 200 characters/)
    expect(refused({ options: ['Only one', ' '] })).toMatch(/between 2 and 10 options \(this poll has 1\)/)
    expect(refused({ options: Array.from({ length: POLL_OPTIONS_MAX + 1 }, (_, i) => `o${i}`) })).toMatch(/this poll has 11/)
    expect(refused({ options: ['Yes', ' yes '] })).toMatch(/say the same thing/)
    expect(refused({ options: ['a', 'b'.repeat(81)] })).toMatch(/under 80 characters/)
    expect(pollIds(doc, { drafts: true })).toEqual([])
  })
})

describe('reading answers leniently', () => {
  const spec = (draft: PollDraft): PollSpec => ({ ...draft, by: 'fran', at: 1 })

  it('drops malformed answers and answers that do not fit their poll', () => {
    expect(fitAnswer(spec(choice), { choices: [3] })).toBeNull()
    expect(fitAnswer(spec(choice), { choices: [0, 1] })).toBeNull()
    expect(fitAnswer(spec({ ...choice, multiple: true }), { choices: [1, 0, 1] })).toEqual({ choices: [0, 1] })
    expect(fitAnswer(spec(choice), { choices: [0], person: 'pia' })).toBeNull()
    expect(fitAnswer(spec(choice), 'Lisbon')).toBeNull()
    expect(fitAnswer(spec(scale), { value: 0 })).toBeNull()
    expect(fitAnswer(spec(scale), { value: 2.5 })).toBeNull()
    expect(fitAnswer(spec({ ...scale, range: '0-10' }), { value: 0 })).toEqual({ value: 0 })
    expect(fitAnswer(spec(words), { words: ['a', 'b', 'c', 'd'] })).toBeNull()
    expect(fitAnswer(spec(words), { words: ['x'.repeat(26)] })).toBeNull()
    expect(fitAnswer(spec(words), { words: ['  ', ''] })).toBeNull()
    expect(fitAnswer(spec(words), { value: 3 })).toBeNull()
  })

  it('counts in a named poll only the answers of people in the convening', () => {
    const doc = convening()
    const id = made(doc, { ...choice, results: 'live' })
    doc.transact(() => {
      const answers = pollEntry(doc, id).get('answers') as Y.Map<unknown>
      answers.set('stranger', { choices: [0] })
      answers.set('pat', { choices: [9] })
      answers.set('pia', { choices: [1] })
    })
    expect(viewPoll(doc, id, 'fran', new Set())?.answered).toBe(1)
  })
})

describe('tallies', () => {
  it('marks every option tied at the top, and shares are of the people who answered', () => {
    const results = tallyChoices(['A', 'B', 'C'], [{ choices: [0, 1] }, { choices: [1] }, { choices: [0] }, { choices: [2] }])
    expect(results.tie).toBe(true)
    expect(results.bars.map((b) => [b.label, b.count, b.share, b.top])).toEqual([['A', 2, 0.5, true], ['B', 2, 0.5, true], ['C', 1, 0.25, false]])
    expect(tallyChoices(['A', 'B'], []).bars.every((b) => !b.top && b.share === 0)).toBe(true)
  })

  it('gives the median of a scale and marks it; a median between two values marks both', () => {
    expect(median([])).toBeNull()
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    const odd = tallyScale('1-5', [{ value: 1 }, { value: 4 }, { value: 4 }], { low: 'Not at all', high: 'Very' })
    expect(odd.median).toBe(4)
    expect(odd.bars.map((b) => [b.label, b.count, b.median])).toEqual([['1 · Not at all', 1, false], ['2', 0, false], ['3', 0, false], ['4', 2, true], ['5 · Very', 0, false]])
    const even = tallyScale('0-10', [{ value: 3 }, { value: 4 }])
    expect(even.bars).toHaveLength(11)
    expect(even.bars.filter((b) => b.median).map((b) => b.value)).toEqual([3, 4])
  })

  it('reads 40 answers at a glance', () => {
    const answers = Array.from({ length: 40 }, (_, i) => ({ value: (i % 5) + 1 }))
    const results = tallyScale('1-5', answers)
    expect(results).toMatchObject({ answered: 40, median: 3 })
    expect(results.bars.map((b) => b.count)).toEqual([8, 8, 8, 8, 8])
  })

  it('folds case and spaces of words, counts each word once per person, and sizes the cloud by frequency', () => {
    expect(normaliseWord('  Deep   Breath ')).toBe('deep breath')
    const cloud = tallyWords([{ words: ['Hope', 'hope ', 'calm'] }, { words: ['HOPE'] }, { words: ['tired'] }, { words: ['hope', 'Calm'] }])
    expect(cloud.words).toEqual([
      { word: 'hope', count: 3, size: 5 },
      { word: 'calm', count: 2, size: 4 },
      { word: 'tired', count: 1, size: 2 },
    ])
  })
})

describe('the harvest', () => {
  it('writes each opened poll with its settings and results; anonymous polls name nobody; unrevealed results stay out', () => {
    const doc = convening()
    const named = made(doc, { ...choice, results: 'live' })
    const hidden = made(doc, choice)
    const anonymous = made(doc, words)
    made(doc, { ...choice, question: 'A draft nobody saw?' }, false)
    answerPoll(doc, 'pia', named, { choices: [1] }, new Set())
    answerPoll(doc, 'pat', named, { choices: [1] }, new Set())
    answerPoll(doc, 'cole', named, { choices: [0] }, new Set())
    answerPoll(doc, 'pia', hidden, { choices: [0] }, new Set())
    answerPoll(doc, 'pia', anonymous, { words: ['Hope', 'rest'] }, new Set())
    answerPoll(doc, 'pat', anonymous, { words: ['hope'] }, new Set())
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: 100, timeZone: 'UTC' }))
    const part = markdown.slice(markdown.indexOf('## Polls'))
    expect(part).toContain('### Where shall we meet next?')
    expect(part).toContain('- **Type:** Multiple choice, one answer\n- **Answers:** Named\n- **Results:** Live\n- **Answered:** 3 people\n- **Who answered:** Cole, Pat, Pia')
    expect(part).toContain('| Nairobi (most chosen) | 2 | 67% |')
    expect(part).toContain('| Lisbon | 1 | 33% |')
    expect(part).toContain('- **Results:** Revealed at the end, never revealed')
    expect(part).toContain('The results were never revealed, so they are not in the notes.')
    expect(part).toContain('- **Answers:** Anonymous (nobody is named)')
    expect(part).toContain('| hope | 2 |')
    expect(part).not.toContain('A draft nobody saw?')
    const from = part.indexOf('### One word for today?')
    const next = part.indexOf('### ', from + 4)
    const anonymousPart = part.slice(from, next < 0 ? undefined : next)
    expect(anonymousPart).toContain('| hope | 2 |')
    expect(anonymousPart).not.toMatch(/Pia|Pat|Who answered/)
    // Revealed later: the results go into the notes.
    setPollState(doc, 'fran', hidden, { revealed: true, status: 'closed' }, 200)
    expect(harvestToMarkdown(collectHarvest(doc, { now: 300 }))).toContain('| Lisbon (most chosen) | 1 | 100% |')
  })

  it('leaves the section out when no poll was opened', () => {
    const doc = convening()
    made(doc, choice, false)
    expect(collectHarvest(doc, { now: 1 }).parts.map((p) => p.id)).not.toContain('polls')
  })
})
