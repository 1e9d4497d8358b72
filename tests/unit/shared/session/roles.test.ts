import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  GRANT_FIELD,
  canFacilitate,
  effectiveRole,
  isFacilitatingRole,
  peopleMap,
  roleStanding,
  seedConvening,
  setRole,
  upsertPerson,
  type Person,
  type Role,
} from '../../../../shared/session'

const person = (id: string, role: Role, joinedAt = 1): Person => ({ id, name: id, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt })

function room(): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, { id: 'room', title: 'Roles', createdBy: person('fran', 'facilitator'), now: 1 })
  upsertPerson(doc, person('cole', 'co-facilitator', 2)) // asked for it at joining
  upsertPerson(doc, person('mo', 'mentor', 3))
  upsertPerson(doc, person('pia', 'practitioner', 4))
  return doc
}

describe('roles', () => {
  it('the creator facilitates; a role asked for at joining is only a request', () => {
    const doc = room()
    expect(canFacilitate(doc, 'fran')).toBe(true)
    expect(effectiveRole(doc, 'cole')).toBe('practitioner')
    expect(canFacilitate(doc, 'cole')).toBe(false)
    expect(roleStanding(doc, 'cole')).toMatchObject({ role: 'practitioner', declared: 'co-facilitator', requested: 'co-facilitator', isCreator: false })
    expect(roleStanding(doc, 'mo')?.requested).toBe('mentor')
    expect(roleStanding(doc, 'pia')?.requested).toBeNull()
    expect(effectiveRole(doc, 'nobody')).toBeNull()
  })

  it('a facilitator confirms a role; the grantee can then give roles too', () => {
    const doc = room()
    expect(setRole(doc, 'fran', 'cole', 'co-facilitator', 5).ok).toBe(true)
    expect(canFacilitate(doc, 'cole')).toBe(true)
    expect(roleStanding(doc, 'cole')).toMatchObject({ role: 'co-facilitator', requested: null, grantedBy: 'fran' })
    expect(setRole(doc, 'cole', 'mo', 'mentor', 6).ok).toBe(true)
    expect(effectiveRole(doc, 'mo')).toBe('mentor')
    // Keeping someone as a practitioner answers their request.
    expect(setRole(doc, 'cole', 'pia', 'practitioner', 7).ok).toBe(true)
    expect(roleStanding(doc, 'pia')?.requested).toBeNull()
  })

  it('refuses non-facilitators, changes to the creator and to one’s own role', () => {
    const doc = room()
    expect(setRole(doc, 'pia', 'pia', 'facilitator')).toEqual({ ok: false, message: 'Only facilitators and co-facilitators can give people roles.' })
    expect(setRole(doc, 'cole', 'pia', 'co-facilitator').ok).toBe(false) // not confirmed yet
    setRole(doc, 'fran', 'cole', 'co-facilitator')
    expect(setRole(doc, 'cole', 'fran', 'practitioner')).toEqual({ ok: false, message: 'The person who started the convening stays its facilitator.' })
    expect(setRole(doc, 'cole', 'cole', 'facilitator').ok).toBe(false)
    expect(setRole(doc, 'fran', 'ghost', 'mentor').ok).toBe(false)
  })

  it('taking a role back also takes back the roles that person gave', () => {
    const doc = room()
    setRole(doc, 'fran', 'cole', 'co-facilitator')
    setRole(doc, 'cole', 'mo', 'facilitator')
    expect(canFacilitate(doc, 'mo')).toBe(true)
    setRole(doc, 'fran', 'cole', 'practitioner')
    expect(canFacilitate(doc, 'cole')).toBe(false)
    expect(canFacilitate(doc, 'mo')).toBe(false)
  })

  it('ignores grants a peer wrote for itself, grants in a circle, and damaged grants', () => {
    const doc = room()
    const entry = (id: string) => peopleMap(doc).get(id)!
    entry('pia').set(GRANT_FIELD, { role: 'facilitator', by: 'pia', at: 1 })
    entry('cole').set(GRANT_FIELD, { role: 'facilitator', by: 'mo', at: 1 })
    entry('mo').set(GRANT_FIELD, { role: 'facilitator', by: 'cole', at: 1 })
    expect(canFacilitate(doc, 'pia')).toBe(false)
    expect(canFacilitate(doc, 'cole')).toBe(false)
    expect(canFacilitate(doc, 'mo')).toBe(false)
    entry('mo').set(GRANT_FIELD, 'facilitator')
    expect(effectiveRole(doc, 'mo')).toBe('practitioner')
  })

  it('a document whose creator is not known yet goes by what people declared', () => {
    const doc = new Y.Doc()
    upsertPerson(doc, person('ada', 'facilitator'))
    upsertPerson(doc, person('ben', 'practitioner'))
    expect(canFacilitate(doc, 'ada')).toBe(true)
    expect(canFacilitate(doc, 'ben')).toBe(false)
    expect(isFacilitatingRole('co-facilitator')).toBe(true)
    expect(isFacilitatingRole('mentor')).toBe(false)
  })

  it('grants made on two peers at once settle the same way on both', () => {
    const doc = room()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    setRole(doc, 'fran', 'cole', 'co-facilitator', 10)
    setRole(other, 'fran', 'cole', 'mentor', 10)
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(effectiveRole(doc, 'cole')).toBe(effectiveRole(other, 'cole'))
  })
})
