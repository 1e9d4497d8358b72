import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import {
  GRANT_FIELD,
  SIGNED_FIELD,
  aboutRoles,
  bindStatement,
  canFacilitate,
  claimStatement,
  readClaim,
  creatorOf,
  effectiveRole,
  ensureBound,
  giveRole,
  grantStatement,
  metaMap,
  peopleMap,
  placeStatement,
  randomSecretKey,
  rawKeySigner,
  readPeople,
  roleStanding,
  seedConvening,
  statementId,
  upsertPerson,
  verifyStatement,
  watchStatements,
  type Person,
  type Role,
  type Signer,
} from '../../../../shared/session'
import { appendSegments, endConvening, keepSignedEnds, nextSegment, readCurrent, readSegments, runMap, startSegment } from '../../../../shared/facilitation'
import { endStatement } from '../../../../shared/session'
import { TestClock } from '../facilitation/helpers'

const ROOM = 'room-signed'
const person = (id: string, role: Role, joinedAt = 1): Person => ({ id, name: id, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt })
const signer = (id: string): Signer => rawKeySigner(id, randomSecretKey())

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

/** Two honest copies (Ada founded it; Bo and Eve joined), synced both ways, with signed roles. */
async function convening() {
  const ada = signer('ada')
  const bo = signer('bo')
  const eve = signer('eve')
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  stops.push(watchStatements(a, ROOM, ada.publicKey), watchStatements(b, ROOM, ada.publicKey))
  seedConvening(a, { id: ROOM, title: 'Signed', createdBy: person('ada', 'facilitator'), now: 1 })
  upsertPerson(b, person('bo', 'co-facilitator', 2))
  upsertPerson(b, person('eve', 'practitioner', 3))
  await ensureBound(a, ada, ROOM)
  await ensureBound(b, bo, ROOM)
  await ensureBound(b, eve, ROOM)
  return { ada, bo, eve, a, b }
}

/** Let the repair (queued after the transaction that removed something) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('signed roles', () => {
  it('the founder facilitates, a role asked for is a request, and a signed grant makes it count on every copy', async () => {
    const { ada, a, b } = await convening()
    for (const doc of [a, b]) {
      expect(creatorOf(doc)).toBe('ada')
      expect(canFacilitate(doc, 'ada')).toBe(true)
      expect(roleStanding(doc, 'bo')).toMatchObject({ role: 'practitioner', requested: 'co-facilitator' })
    }
    expect(await giveRole(a, ada, 'bo', 'co-facilitator')).toEqual({ ok: true })
    for (const doc of [a, b]) expect(roleStanding(doc, 'bo')).toMatchObject({ role: 'co-facilitator', requested: null, grantedBy: 'ada' })
    expect(aboutRoles(a).join(' ')).toMatch(/signed with the key/)
  })

  it('a co-facilitator’s grants count until the founder takes their role back', async () => {
    const { ada, bo, a, b } = await convening()
    await giveRole(a, ada, 'bo', 'co-facilitator', 10)
    expect(await giveRole(b, bo, 'eve', 'mentor', 11)).toEqual({ ok: true })
    expect(effectiveRole(a, 'eve')).toBe('mentor')
    await giveRole(a, ada, 'bo', 'practitioner', 12)
    for (const doc of [a, b]) {
      expect(effectiveRole(doc, 'bo')).toBe('practitioner')
      expect(effectiveRole(doc, 'eve')).toBe('practitioner')
    }
    expect(await giveRole(b, bo, 'eve', 'mentor', 13)).toMatchObject({ ok: false })
  })

  it('a modified app cannot give itself a role: unsigned grants, createdBy, grants it signs itself, grants with a stolen “by”', async () => {
    const { ada, eve, a, b } = await convening()
    b.transact(() => {
      peopleMap(b).get('eve')!.set(GRANT_FIELD, { role: 'facilitator', by: 'ada', at: 99 })
      metaMap(b).set('createdBy', 'eve')
    })
    // Signed by Eve's own key but claiming Ada as the granter; and Ada's key as the granter's key with Eve's signature.
    placeStatement(b, 'eve', await grantStatement({ ...eve, personId: 'ada' }, ROOM, { subject: 'eve', subjectKey: eve.publicKey, role: 'facilitator' }, 100))
    const forged = JSON.parse(await grantStatement(eve, ROOM, { subject: 'eve', subjectKey: eve.publicKey, role: 'facilitator' }, 101)) as Record<string, unknown>
    const lying = JSON.stringify({ ...forged, by: 'ada', key: ada.publicKey })
    placeStatement(b, 'eve', lying)
    // A real grant of Ada's, for another room, replayed here.
    placeStatement(b, 'eve', await grantStatement(ada, 'another-room', { subject: 'eve', subjectKey: eve.publicKey, role: 'facilitator' }, 102))
    // A bind claiming Ada with Eve's key.
    placeStatement(b, 'ada', await bindStatement({ ...eve, personId: 'ada' }, ROOM, 0))
    // A value stored under the wrong id.
    ;(peopleMap(b).get('eve')!.get(SIGNED_FIELD) as Y.Map<string>).set('not-its-hash', lying)
    for (const doc of [a, b]) {
      expect(creatorOf(doc)).toBe('ada')
      expect(canFacilitate(doc, 'eve')).toBe(false)
      expect(canFacilitate(doc, 'ada')).toBe(true)
    }
    expect(verifyStatement(lying)).toBeNull()
    expect(await giveRole(b, eve, 'bo', 'facilitator')).toMatchObject({ ok: false })
  })

  it('a modified app cannot take a role away: removed or overwritten grants, and a replaced person entry, are put back', async () => {
    const { ada, a, b } = await convening()
    await giveRole(a, ada, 'bo', 'co-facilitator')
    const signedOfBo = peopleMap(b).get('bo')!.get(SIGNED_FIELD) as Y.Map<string>
    for (const id of [...signedOfBo.keys()]) signedOfBo.delete(id)
    await settle()
    for (const doc of [a, b]) expect(effectiveRole(doc, 'bo')).toBe('co-facilitator')
    // The founder's whole entry replaced, in a copy that never saw it change before.
    peopleMap(b).set('ada', new Y.Map())
    await settle()
    for (const doc of [a, b]) {
      expect(canFacilitate(doc, 'ada')).toBe(true)
      expect(readPeople(doc).map((p) => p.name)).toContain('ada')
    }
  })

  it('refuses to grant when two keys claim one person, and says why', async () => {
    const { ada, eve, a } = await convening()
    placeStatement(a, 'bo', await bindStatement({ ...eve, personId: 'bo' }, ROOM))
    const result = await giveRole(a, ada, 'bo', 'co-facilitator')
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/Two different apps claim to be bo/) })
    expect(effectiveRole(a, 'bo')).toBe('practitioner')
  })

  it('statement ids are hashes of their text, and malformed or huge texts are ignored', async () => {
    const ada = signer('ada')
    const text = await bindStatement(ada, ROOM)
    expect(statementId(text)).toHaveLength(22)
    expect(verifyStatement(text)).toMatchObject({ kind: 'bind', by: 'ada' })
    for (const bad of ['', '{', 'null', JSON.stringify({ v: 1 }), text.replace('"bind"', '"grant"'), 'x'.repeat(5000), 42]) expect(verifyStatement(bad)).toBeNull()
  })

  it('ending the convening needs the ender’s signature; a forged end is ignored and what it overwrote comes back', async () => {
    const { ada, eve, a, b } = await convening()
    stops.push(keepSignedEnds(a), keepSignedEnds(b))
    const clock = new TestClock(1_800_000_000_000)
    appendSegments(a, 'ada', [
      { title: 'Check in', kind: 'check-in', minutes: 10 },
      { title: 'Reflect', kind: 'conversation', minutes: 15 },
    ])
    const [first, second] = readSegments(a).map((segment) => segment.id)
    expect(startSegment(a, 'ada', first, clock, null).ok).toBe(true)
    // Unsigned, or signed by someone else's key, or signed for another segment: refused before writing.
    expect(endConvening(a, 'ada', clock, first)).toMatchObject({ ok: false })
    expect(endConvening(a, 'ada', clock, first, undefined, { at: clock.now(), statement: await endStatement({ ...eve, personId: 'ada' }, ROOM, first, clock.now()) })).toMatchObject({ ok: false })
    expect(endConvening(a, 'ada', clock, first, undefined, { at: clock.now(), statement: await endStatement(ada, ROOM, second, clock.now()) })).toMatchObject({ ok: false })
    expect(readCurrent(b)?.segmentId).toBe(first)

    // Eve writes an end "by" Ada straight into the document (with her own signature, and with none).
    for (const statement of [await endStatement({ ...eve, personId: 'ada' }, ROOM, first, 5), undefined]) {
      runMap(b).set('current', { segmentId: null, endedAt: 5, clockOf: 'ada', by: 'ada', left: first, ...(statement ? { statement } : {}) })
      expect(readCurrent(a)?.segmentId).not.toBeNull() // ignored at once by every reader
      await settle()
      for (const doc of [a, b]) expect(readCurrent(doc)?.segmentId).toBe(first) // and the running segment is back
    }

    // Ada ends it properly, from the last segment: every copy agrees it ended.
    expect(startSegment(a, 'ada', second, clock, first).ok).toBe(true)
    const at = clock.now()
    expect(nextSegment(a, 'ada', clock, second, undefined, { at, statement: await endStatement(ada, ROOM, second, at) })).toEqual({ ok: true, value: undefined })
    for (const doc of [a, b]) expect(readCurrent(doc)).toMatchObject({ segmentId: null, endedAt: at, by: 'ada' })
  })
})

describe('signed claims (ballots, locks)', () => {
  it('says whether a claim was made as a facilitator or as the person, and refuses forgeries', async () => {
    const { ada, eve, a } = await convening()
    const asAda = readClaim(a, await claimStatement(ada, ROOM, 'lock:x', '{"v":1}'), 'lock:x')
    expect(asAda?.as).toBe('facilitator')
    expect(asAda?.claim.body).toBe('{"v":1}')
    const asEve = readClaim(a, await claimStatement(eve, ROOM, 'ballot:v', '{}'), 'ballot:v')
    expect(asEve?.as).toBe('person')
    // Another subject, another room, an edited body, a stranger's key: none count.
    expect(readClaim(a, await claimStatement(eve, ROOM, 'ballot:v', '{}'), 'ballot:w')).toBeNull()
    expect(readClaim(a, await claimStatement(eve, 'other-room', 'ballot:v', '{}'), 'ballot:v')).toBeNull()
    const text = await claimStatement(eve, ROOM, 'ballot:v', '{"a":1}')
    expect(readClaim(a, text.replace('{\\"a\\":1}', '{\\"a\\":9}'), 'ballot:v')).toBeNull()
    const mallory = rawKeySigner('eve', randomSecretKey())
    expect(readClaim(a, await claimStatement(mallory, ROOM, 'ballot:v', '{}'), 'ballot:v')).toBeNull()
  })

  it('keeps the signatures of earlier statement kinds valid', async () => {
    const ada = signer('ada')
    const text = await bindStatement(ada, ROOM, 5)
    expect(verifyStatement(text)?.kind).toBe('bind')
    const claim = await claimStatement(ada, ROOM, 's', 'x'.repeat(5_000))
    expect(verifyStatement(claim)?.kind).toBe('claim')
    expect(verifyStatement(await claimStatement(ada, ROOM, 's', 'x'.repeat(7_000)))).toBeNull()
  })
})
