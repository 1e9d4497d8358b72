import { describe, expect, it } from 'vitest'
import { inviteCode, inviteLink, newId, parseInvite, webInviteLink, type Invite } from '../../../../shared/session'

const cohortInvite: Invite = { room: newId(), secret: newId(), signaling: ['ws://192.168.1.20:4444'], kind: 'cohort' }

describe('cohort invites', () => {
  it('round-trip as cohort invites through the app link, the web link and the code', () => {
    expect(inviteLink(cohortInvite)).toMatch(/kind=cohort/)
    for (const text of [inviteLink(cohortInvite), webInviteLink(cohortInvite, 'http://127.0.0.1:4173/#/cohort/x'), inviteCode(cohortInvite)]) {
      expect(parseInvite(text)).toEqual({ ok: true, invite: cohortInvite })
    }
  })

  it('leave convening invites exactly as they were (no kind, same code)', () => {
    const { kind: _kind, ...convening } = cohortInvite
    const result = parseInvite(inviteCode(convening))
    expect(result.ok && result.invite.kind).toBeUndefined()
    expect(inviteCode(convening)).not.toBe(inviteCode(cohortInvite))
    expect(inviteLink(convening)).not.toMatch(/kind=/)
  })

  it('refuse a kind this version does not know, with a clear message', () => {
    const link = inviteLink(cohortInvite).replace('kind=cohort', 'kind=orchestra')
    expect(parseInvite(link)).toEqual({ ok: false, message: expect.stringMatching(/newer version/) })
  })
})
