import { describe, expect, it } from 'vitest'
import { newId, type Invite } from '../../../../shared/session'
import { inviteChanges, joinedRoomRecord, newRoomRecord } from '../../../../renderer/sync/convenings'

describe('an invite for a room already on this computer', () => {
  const mine = { ...newRoomRecord({ title: 'Spring', role: 'facilitator', signaling: ['ws://10.0.0.2:4444'], relays: ['ws://10.0.0.2:4444/relay'] }), pendingSeed: undefined }
  const same: Invite = { room: mine.id, secret: mine.secret, signaling: mine.signaling, relays: mine.relays }

  it('changes nothing silently: a different secret or other servers are listed, and kept unless the person switches', () => {
    const hostile: Invite = { room: mine.id, secret: newId(), signaling: ['wss://elsewhere.example/'], relays: ['wss://elsewhere.example/relay'] }
    expect(inviteChanges(mine, same)).toEqual([])
    expect(inviteChanges(mine, hostile).map((c) => c.what)).toEqual(['secret', 'signaling', 'relays'])
    expect(inviteChanges(mine, hostile)[0]).toEqual({ what: 'secret', before: [], after: [] })

    const kept = joinedRoomRecord(mine, hostile, 'practitioner')
    expect(kept.secret).toBe(mine.secret)
    expect(kept.signaling).toEqual(mine.signaling)
    expect(kept.relays).toEqual(mine.relays)
    expect(kept.role).toBe('facilitator')

    const switched = joinedRoomRecord(mine, hostile, 'practitioner', true)
    expect(switched.secret).toBe(hostile.secret)
    expect(switched.relays).toEqual(hostile.relays)
  })

  it('an old invite that names no relay does not take the relays away', () => {
    const old: Invite = { room: mine.id, secret: mine.secret, signaling: mine.signaling }
    expect(inviteChanges(mine, old)).toEqual([])
    expect(joinedRoomRecord(mine, old, 'practitioner', true).relays).toEqual(mine.relays)
  })
})
