import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  ballotSubject,
  castBallot,
  closeVote,
  dotsLeftText,
  endVote,
  enforcementStatements,
  isVoteOpen,
  keepSignedVotes,
  moveDot,
  rankItems,
  readVote,
  runMap,
  shownVoteIds,
  startVote,
  viewVote,
  voteIds,
  type Dots,
  type VoteDraft,
  type VoteWriter,
} from '../../../../shared/facilitation'
import {
  claimStatement,
  ensureBound,
  randomSecretKey,
  rawKeySigner,
  seedConvening,
  upsertPerson,
  watchStatements,
  type Signer,
} from '../../../../shared/session'
import { collectHarvest, harvestToMarkdown } from '../../../../shared/notes'
import { TestClock, convening, person, sync } from './helpers'

const items = [
  { key: 'v-growth', label: 'Growth' },
  { key: 'v-trust', label: 'Trust' },
  { key: 'v-time', label: 'Time to reflect' },
  { key: 'v-funds', label: 'Funding' },
]
const draft = (over: Partial<VoteDraft> = {}): VoteDraft => ({
  question: 'Where do we act first?',
  items,
  dots: 2,
  cumulative: false,
  anonymous: false,
  results: 'end',
  minutes: null,
  source: { kind: 'variables', id: 'd1', title: 'Our school' },
  ...over,
})

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** A writer without a signing key (rooms started before roles were signed). */
const unsigned = (personId: string, clock: TestClock): VoteWriter => ({ personId, signer: null, clock })

async function started(doc: Y.Doc, clock: TestClock, over: Partial<VoteDraft> = {}, by: VoteWriter = unsigned('fran', clock)): Promise<string> {
  const result = await startVote(doc, by, draft(over))
  if (!result.ok) throw new Error(result.message)
  return result.value
}

async function vote(doc: Y.Doc, writer: VoteWriter, voteId: string, dots: Dots, key: string | null = null): Promise<string> {
  const result = await castBallot(doc, writer, voteId, dots, key)
  if (!result.ok) throw new Error(result.message)
  return result.key
}

const view = (doc: Y.Doc, voteId: string, viewer: string, clock: TestClock, mine: ReadonlySet<string> = new Set()) => {
  const v = readVote(doc, voteId)!
  return viewVote(doc, voteId, viewer, mine, isVoteOpen(v, clock))!
}

const counts = (doc: Y.Doc, voteId: string, clock: TestClock): Record<string, number> =>
  Object.fromEntries(view(doc, voteId, 'fran', clock).results!.rows.map((r) => [r.label, r.count]))

/** Ada founded a convening whose roles are signed; Bo (co-facilitator) and Eve, Pia joined; two honest copies synced both ways. */
async function signedConvening() {
  const ROOM = 'room-votes'
  const keys: Record<string, Signer> = Object.fromEntries(['ada', 'bo', 'eve', 'pia'].map((id) => [id, rawKeySigner(id, randomSecretKey())]))
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  stops.push(watchStatements(a, ROOM, keys.ada.publicKey), watchStatements(b, ROOM, keys.ada.publicKey))
  seedConvening(a, { id: ROOM, title: 'Signed', createdBy: person('ada', 'facilitator'), now: 1 })
  for (const [i, id] of ['eve', 'pia'].entries()) upsertPerson(b, person(id, 'practitioner', 2 + i))
  for (const id of ['ada', 'eve', 'pia']) await ensureBound(id === 'ada' ? a : b, keys[id], ROOM)
  return { ROOM, keys, a, b }
}

describe('placing and taking back dots', () => {
  it('places and takes back dots until none are left, one per item unless cumulative', async () => {
    const doc = convening()
    const clock = new TestClock(1_000)
    const id = await started(doc, clock)
    const pia = unsigned('pia', clock)
    const spec = readVote(doc, id)!.spec
    let dots: Dots = {}
    for (const key of ['v-growth', 'v-trust']) {
      const moved = moveDot(spec, dots, key, 1)
      if (!moved.ok) throw new Error(moved.message)
      dots = moved.dots
      await vote(doc, pia, id, dots)
    }
    expect(dotsLeftText(view(doc, id, 'pia', clock))).toBe('0 of 2 dots left')
    expect(moveDot(spec, dots, 'v-time', 1)).toEqual({ ok: false, message: 'You have placed all 2 dots: take one back to move it.' })
    expect(moveDot(spec, { 'v-growth': 1 }, 'v-growth', 1)).toEqual({ ok: false, message: 'One dot per item in this vote.' })
    expect(moveDot(spec, dots, 'v-funds', -1).ok).toBe(false)
    const back = moveDot(spec, dots, 'v-growth', -1)
    if (!back.ok) throw new Error(back.message)
    await vote(doc, pia, id, back.dots)
    expect(view(doc, id, 'pia', clock)).toMatchObject({ mine: { 'v-trust': 1 }, dotsLeft: 1, voted: 1 })
    // Cumulative: both dots on one item.
    const heaped = await started(doc, clock, { cumulative: true, results: 'live' })
    const two = moveDot(readVote(doc, heaped)!.spec, { 'v-time': 1 }, 'v-time', 1)
    expect(two).toEqual({ ok: true, dots: { 'v-time': 2 } })
    await vote(doc, pia, heaped, { 'v-time': 2 })
    expect(counts(doc, heaped, clock)['Time to reflect']).toBe(2)
  })

  it('keeps the tally for the end, then ranks with ties marked on every copy', async () => {
    const doc = convening()
    const other = new Y.Doc()
    const clock = new TestClock(1_000)
    const id = await started(doc, clock)
    sync(doc, other)
    // Concurrent ballots on two copies, exchanged afterwards.
    await vote(doc, unsigned('fran', clock), id, { 'v-growth': 1, 'v-trust': 1 })
    await vote(other, unsigned('pia', clock), id, { 'v-growth': 1, 'v-time': 1 })
    await vote(other, unsigned('pat', clock), id, { 'v-trust': 1, 'v-funds': 1 })
    sync(doc, other)
    expect(view(doc, id, 'pia', clock)).toMatchObject({ results: null, voted: 3 })
    expect((await endVote(other, unsigned('pia', clock), id)).ok).toBe(false)
    expect((await endVote(doc, unsigned('cole', clock.advance(10)), id)).ok).toBe(true)
    sync(doc, other)
    // Ended for everyone as soon as the end arrives, even where the clock estimate is behind.
    expect(isVoteOpen(readVote(other, id)!, new TestClock(0))).toBe(false)
    for (const copy of [doc, other]) {
      const results = view(copy, id, 'pat', clock).results!
      expect(results.rows.map((r) => [r.label, r.count, r.rank, r.tied])).toEqual([
        ['Growth', 2, 1, true],
        ['Trust', 2, 1, true],
        ['Time to reflect', 1, 3, true],
        ['Funding', 1, 3, true],
      ])
      expect(results.rows[0].voters.sort()).toEqual(['fran', 'pia'])
    }
    expect((await castBallot(doc, unsigned('pat', clock), id, {})).ok).toBe(false)
  })

  it('ranks from counts: shared ranks for ties, none marked at zero', () => {
    const rows = rankItems(items, new Map([['v-trust', 3], ['v-time', 1], ['v-funds', 1]]))
    expect(rows.map((r) => `${r.rank}${r.tied ? '=' : ''} ${r.label} ${r.count}`)).toEqual(['1 Trust 3', '2= Time to reflect 1', '2= Funding 1', '4 Growth 0'])
    expect(rows[0].share).toBe(1)
  })
})

describe('what every reader enforces', () => {
  it('refuses too many dots when casting, and ignores a hand-edited ballot with too many, and says so', async () => {
    const doc = convening()
    const clock = new TestClock(1_000)
    const id = await started(doc, clock, { results: 'live' })
    expect(await castBallot(doc, unsigned('pia', clock), id, { 'v-growth': 1, 'v-trust': 1, 'v-time': 1 })).toEqual({ ok: false, message: 'That ballot would be ignored: more dots than allowed.' })
    await vote(doc, unsigned('pat', clock), id, { 'v-funds': 1 })
    // Edited straight into the document, past the app's checks.
    doc.transact(() => {
      runMap(doc).set(`ballot:${id}:pia`, { dots: { 'v-growth': 1, 'v-trust': 1, 'v-time': 1 }, at: 1_001 })
      runMap(doc).set(`ballot:${id}:cole`, { dots: { 'v-growth': 2 }, at: 1_001 })
      runMap(doc).set(`ballot:${id}:fran`, { dots: { 'not-in-it': 1 }, at: 1_001 })
      runMap(doc).set(`ballot:${id}:nobody`, { dots: { 'v-growth': 1 }, at: 1_001 })
    })
    const results = view(doc, id, 'fran', clock).results!
    expect(results.dotsPlaced).toBe(1)
    expect(results.ignoredText).toBe(
      '1 ballot ignored (from someone who is not in the convening); 1 ballot ignored (more dots than allowed); 1 ballot ignored (more than one dot on an item); 1 ballot ignored (dots on things not in the vote)',
    )
  })

  it('ignores a vote or an end written by someone who does not facilitate', async () => {
    const doc = convening()
    const clock = new TestClock(1_000)
    expect((await startVote(doc, unsigned('pia', clock), draft())).ok).toBe(false)
    const spec = { ...draft(), items, durationMs: null, startedAt: 1, clockOf: 'pia', by: 'pia' }
    doc.transact(() => runMap(doc).set('vote:forged', { spec: JSON.stringify(spec) }))
    expect(voteIds(doc)).toEqual([])
    const id = await started(doc, clock)
    doc.transact(() => runMap(doc).set(`vote-end:${id}`, { end: JSON.stringify({ at: 1, by: 'pia' }) }))
    expect(isVoteOpen(readVote(doc, id)!, clock)).toBe(true)
  })

  it('ends by itself when its time is up; a ballot written later does not count', async () => {
    const doc = convening()
    const clock = new TestClock(10_000, { fran: 500 })
    // Fran's clock is 500 ms ahead of this one: the vote's times are in hers.
    const id = await started(doc, new TestClock(10_500), { minutes: 1, results: 'live' })
    await vote(doc, unsigned('pia', clock), id, { 'v-growth': 1 })
    clock.advance(59_000)
    expect(isVoteOpen(readVote(doc, id)!, clock)).toBe(true)
    clock.advance(1_000)
    expect(isVoteOpen(readVote(doc, id)!, clock)).toBe(false)
    expect(await castBallot(doc, unsigned('pat', clock), id, { 'v-trust': 1 })).toEqual({ ok: false, message: 'This vote has ended.' })
    doc.transact(() => runMap(doc).set(`ballot:${id}:pat`, { dots: { 'v-trust': 1 }, at: 10_500 + 60_001 }))
    const results = view(doc, id, 'fran', clock).results!
    expect(results.rows.map((r) => r.count)).toEqual([1, 0, 0, 0])
    expect(results.ignoredText).toBe('1 ballot ignored (cast after the vote ended)')
  })

  it('takes results off the screens when a facilitator closes them, and keeps them in the list', async () => {
    const doc = convening()
    const clock = new TestClock(1_000)
    const id = await started(doc, clock)
    expect(shownVoteIds(doc)).toEqual([id])
    expect(closeVote(doc, 'pia', id, true, 2).ok).toBe(false)
    expect(closeVote(doc, 'fran', id, true, 2).ok).toBe(true)
    expect(shownVoteIds(doc)).toEqual([])
    expect(voteIds(doc)).toEqual([id])
  })
})

describe('signed rooms', () => {
  it('counts a named ballot only when signed by the person it names, and the vote only when a facilitator signed it', async () => {
    const { ROOM, keys, a, b } = await signedConvening()
    const clock = new TestClock(5_000)
    const writer = (id: string): VoteWriter => ({ personId: id, signer: keys[id], clock })
    expect((await startVote(a, unsigned('ada', clock), draft())).ok).toBe(false)
    const id = await started(a, clock, { results: 'live' }, writer('ada'))
    expect(readVote(b, id)?.spec.question).toBe('Where do we act first?')
    await vote(b, writer('eve'), id, { 'v-growth': 1, 'v-trust': 1 })
    await vote(a, writer('ada'), id, { 'v-growth': 1 })
    // Forgeries: a ballot for Pia signed with a stranger's key claiming to be Pia, Eve's
    // own signed ballot placed under Pia's id, and a plain unsigned ballot for Pia.
    const mallory = rawKeySigner('pia', randomSecretKey())
    const forged = await claimStatement(mallory, ROOM, ballotSubject(id), JSON.stringify({ dots: { 'v-funds': 2 } }), 5_001)
    const eves = await claimStatement(keys.eve, ROOM, ballotSubject(id), JSON.stringify({ dots: { 'v-funds': 1 } }), 5_001)
    for (const value of [forged, eves, { dots: { 'v-funds': 1 }, at: 5_001 }]) {
      b.transact(() => runMap(b).set(`ballot:${id}:pia`, value))
      for (const doc of [a, b]) {
        const results = view(doc, id, 'ada', clock).results!
        expect(results.rows.find((r) => r.label === 'Funding')?.count).toBe(0)
        expect(results.ignoredText).toBe('1 ballot ignored (not signed by the person it names)')
      }
    }
    // A vote "started" by Eve with a copy of Ada's record but her own (non-facilitator) signature.
    const record = runMap(a).get(`vote:${id}`) as { spec: string }
    const evesVote = await claimStatement(keys.eve, ROOM, `vote-spec:forged`, 'sha256:x')
    b.transact(() => runMap(b).set('vote:forged', { spec: record.spec, statement: evesVote }))
    b.transact(() => runMap(b).set('vote:unsigned', { spec: record.spec }))
    expect(voteIds(a)).toEqual([id])
    expect(enforcementStatements(a, { anonymous: false, results: 'live' })[0]).toMatch(/signed with its voter’s own key/)
  })

  it('ignores a ballot signed after the signed end, and puts back a deleted or replayed ballot', async () => {
    const { ROOM, keys, a, b } = await signedConvening()
    stops.push(keepSignedVotes(a))
    const clock = new TestClock(5_000)
    const writer = (id: string): VoteWriter => ({ personId: id, signer: keys[id], clock })
    const id = await started(a, clock, { results: 'live' }, writer('ada'))
    await vote(b, writer('eve'), id, { 'v-growth': 1 })
    const first = runMap(b).get(`ballot:${id}:eve`)
    clock.advance(100)
    await vote(b, writer('eve'), id, { 'v-trust': 1 })
    const second = runMap(b).get(`ballot:${id}:eve`)
    // A modified app replays Eve's older ballot, then deletes it: Ada's app puts the newest back.
    b.transact(() => runMap(b).set(`ballot:${id}:eve`, first))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(runMap(b).get(`ballot:${id}:eve`)).toBe(second)
    b.transact(() => runMap(b).delete(`ballot:${id}:eve`))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(runMap(b).get(`ballot:${id}:eve`)).toBe(second)
    clock.advance(100)
    expect((await endVote(a, writer('ada'), id)).ok).toBe(true)
    const late = await claimStatement(keys.pia, ROOM, ballotSubject(id), JSON.stringify({ dots: { 'v-funds': 1 } }), clock.now() + 50)
    b.transact(() => runMap(b).set(`ballot:${id}:pia`, late))
    const results = view(a, id, 'ada', clock).results!
    expect(results.rows.map((r) => [r.label, r.count])).toEqual([['Trust', 1], ['Growth', 0], ['Time to reflect', 0], ['Funding', 0]])
    expect(results.ignoredText).toBe('1 ballot ignored (cast after the vote ended)')
  })
})

describe('anonymous votes', () => {
  it('store no person id: the ballot is written by a throwaway client and names nobody', async () => {
    const doc = new Y.Doc()
    const PERSON = 'pia-q7Zk2wX9'
    seedConvening(doc, { id: 'room', title: 'Circle', createdBy: person('fran', 'facilitator'), now: 1 })
    upsertPerson(doc, person(PERSON, 'practitioner', 2))
    const clock = new TestClock(1_000)
    const id = await started(doc, clock, { anonymous: true, results: 'live' })
    const occurrences = (bytes: Uint8Array): number => new TextDecoder('latin1').decode(bytes).split(PERSON).length - 1
    const before = occurrences(Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const key = await vote(doc, unsigned(PERSON, clock), id, { 'v-trust': 1 })
    // Change it again under the same key (this computer remembers it).
    expect(await vote(doc, unsigned(PERSON, clock), id, { 'v-trust': 1, 'v-time': 1 }, key)).toBe(key)
    expect(updates.length).toBeGreaterThan(0)
    for (const u of updates) expect(occurrences(u)).toBe(0)
    // The person's id is in the people list, and nowhere else after voting.
    expect(occurrences(Y.encodeStateAsUpdate(doc))).toBe(before)
    // The same check sees the id in a named ballot's bytes.
    const named = await started(doc, clock)
    updates.length = 0
    await vote(doc, unsigned(PERSON, clock), named, { 'v-trust': 1 })
    expect(occurrences(updates[0])).toBeGreaterThan(0)
    const entry = (runMap(doc) as unknown as { _map: Map<string, { id: { client: number } }> })._map.get(`ballot:${id}:${key}`)!
    expect(entry.id.client).not.toBe(doc.clientID)
    expect(view(doc, id, PERSON, clock, new Set([key]))).toMatchObject({ mine: { 'v-trust': 1, 'v-time': 1 }, mineKey: key })
    expect(view(doc, id, PERSON, clock).mine).toEqual({})
  })

  it('clamps each ballot, and says plainly when there are more ballots than people', async () => {
    const doc = convening() // four people
    const clock = new TestClock(1_000)
    const id = await started(doc, clock, { anonymous: true, results: 'live' })
    for (let i = 0; i < 5; i++) await vote(doc, unsigned('pia', clock), id, { 'v-growth': 1 })
    await vote(doc, unsigned('pat', clock), id, {}) // all taken back: not a ballot
    doc.transact(() => runMap(doc).set(`ballot:${id}:handmade`, { dots: { 'v-growth': 5 }, at: 1_000 }))
    const results = view(doc, id, 'fran', clock).results!
    expect(results.rows[0]).toMatchObject({ label: 'Growth', count: 5 })
    expect(results.excessText).toBe('5 ballots from 4 people: someone may have voted more than once')
    expect(results.ignoredText).toBe('1 ballot ignored (more than one dot on an item)')
    expect(enforcementStatements(doc, { anonymous: true, results: 'end' }).join(' ')).toMatch(/What no peer-to-peer room can enforce: one ballot per person/)
  })
})

describe('the harvest', () => {
  it('holds each vote with its question, settings and ranked counts; anonymous votes name nobody', async () => {
    const doc = convening()
    const clock = new TestClock(1_000)
    const named = await started(doc, clock, { minutes: 5 })
    await vote(doc, unsigned('fran', clock), named, { 'v-growth': 1, 'v-trust': 1 })
    await vote(doc, unsigned('pia', clock), named, { 'v-growth': 1, 'v-trust': 1 })
    await vote(doc, unsigned('pat', clock), named, { 'v-time': 1 })
    await endVote(doc, unsigned('fran', clock), named)
    const hidden = await started(doc, clock.advance(1_000), { question: 'Which segment next?', anonymous: true, cumulative: true, dots: 3, source: { kind: 'segments', id: null, title: '' } })
    await vote(doc, unsigned('pia', clock), hidden, { 'v-funds': 3 })
    await endVote(doc, unsigned('fran', clock), hidden)
    const markdown = harvestToMarkdown(collectHarvest(doc, { now: 3_000, timeZone: 'UTC' }))
    const part = markdown.slice(markdown.indexOf('## Votes'))
    expect(part).toContain('### Where do we act first?')
    expect(part).toContain(
      '- **On:** Variables of a diagram: Our school\n- **Dots:** 2 dots per person, at most one per item\n- **Ballots:** Named\n- **Tally:** Shown at the end\n- **Time:** 5 minutes on the shared clock, ended early by a facilitator\n- **Voted:** 3 people, 5 dots\n- **Who voted:** Fran, Pat, Pia',
    )
    expect(part).toContain('| 1 (tied) | Growth | 2 | 40% | Fran, Pia |')
    expect(part).toContain('| 3 | Time to reflect | 1 | 20% | Pat |')
    const anonymous = part.slice(part.indexOf('### Which segment next?'))
    expect(anonymous).toContain('- **Ballots:** Anonymous (nobody is named)')
    expect(anonymous).toContain('| 1 | Funding | 3 | 100% |')
    expect(anonymous).not.toMatch(/Pia|Fran|Who/)
  })
})
