import { describe, expect, it } from 'vitest'
import { inviteCode, inviteLink, newId, parseInvite, randomSecretKey, rawKeySigner, webInviteLink, type Invite } from '../../../../shared/session'

const invite: Invite = { room: newId(), secret: newId(), signaling: ['ws://192.168.1.20:4444'] }

describe('invites', () => {
  it('round-trips through the app link, the web link and the code', () => {
    for (const text of [inviteLink(invite), webInviteLink(invite, 'http://127.0.0.1:4173/'), inviteCode(invite)]) {
      expect(parseInvite(text)).toEqual({ ok: true, invite })
    }
  })

  it('carry the founder’s key through links and codes, with or without relays, for convenings and cohorts', () => {
    const founder = rawKeySigner('ada', randomSecretKey()).publicKey
    for (const signed of [
      { ...invite, founder },
      { ...invite, founder, relays: ['ws://192.168.1.20:4444/relay'] },
      { ...invite, founder, kind: 'cohort' as const },
    ]) {
      for (const text of [inviteLink(signed), webInviteLink(signed, 'http://127.0.0.1:4173/'), inviteCode(signed)]) expect(parseInvite(text)).toEqual({ ok: true, invite: signed })
    }
    expect(parseInvite(inviteLink(invite).replace('&signal', '&founder=short&signal'))).toMatchObject({ ok: false, message: expect.stringMatching(/founder key is not valid/) })
  })

  it('links carry the room’s title as a harmless hint; codes do not', () => {
    const titled: Invite = { ...invite, title: 'Spring gathering: día uno' }
    for (const text of [inviteLink(titled), webInviteLink(titled, 'http://127.0.0.1:4173/')]) expect(parseInvite(text)).toEqual({ ok: true, invite: titled })
    expect(parseInvite(inviteCode(titled))).toEqual({ ok: true, invite })
    // Hand-made links: control characters and long titles are cut down, not refused (the invite still works).
    const hostile = `${inviteLink(invite)}&title=${encodeURIComponent(`A\u0000B\n\u001b[31m${'x'.repeat(3000)}`)}`
    const parsed = parseInvite(hostile)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.invite.title).toMatch(/^A B \[31mx+$/)
    expect(parsed.invite.title!.length).toBe(120)
    expect(parseInvite(`${inviteLink(invite)}&title=%20%0A`)).toEqual({ ok: true, invite })
  })

  it('packs an IPv4 address into a short code and keeps other addresses as text', () => {
    const code = inviteCode(invite)
    expect(code).toMatch(/^[0-9A-Z]{1,5}(-[0-9A-Z]{1,5})+$/)
    expect(code.replace(/-/g, '').length).toBeLessThanOrEqual(66)
    const named: Invite = { ...invite, signaling: ['wss://signal.example.org/convene', 'ws://127.0.0.1:4444'] }
    expect(parseInvite(inviteCode(named))).toEqual({ ok: true, invite: named })
  })

  it('reads a code typed loosely: lower case, spaces, O for 0, I for 1', () => {
    const code = inviteCode(invite)
    const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'i')
    expect(parseInvite(sloppy)).toEqual({ ok: true, invite })
  })

  it('rejects a mistyped code with a clear message, whichever character is wrong', () => {
    // Fresh ids each time (as people get them): every position, every other character.
    for (let round = 0; round < 20; round++) {
      const code = inviteCode({ ...invite, room: newId(), secret: newId() })
      for (let i = 0; i < code.length; i++) {
        if (code[i] === '-') continue
        const wrong = code[i] === 'A' ? 'B' : 'A'
        expect(parseInvite(code.slice(0, i) + wrong + code.slice(i + 1))).toEqual({ ok: false, message: expect.stringMatching(/not valid|newer version/) })
      }
      expect(parseInvite(code.slice(0, 20)).ok).toBe(false)
      expect(parseInvite(`${code}A`).ok).toBe(false)
    }
  })

  it('refuses links without a proper room, secret or signaling address', () => {
    const noSecret = `convene://join?room=${invite.room}&signal=ws://1.2.3.4:1`
    expect(parseInvite(noSecret)).toEqual({ ok: false, message: expect.stringMatching(/secret/) })
    const httpSignal = inviteLink({ ...invite, signaling: ['http://evil.example'] })
    expect(parseInvite(httpSignal).ok).toBe(false)
    const jsSignal = inviteLink({ ...invite, signaling: ['javascript:alert(1)'] })
    expect(parseInvite(jsSignal).ok).toBe(false)
    expect(parseInvite('').ok).toBe(false)
    expect(parseInvite('x'.repeat(5000))).toEqual({ ok: false, message: expect.stringMatching(/too long/) })
    expect(parseInvite('https://example.org/')).toEqual({ ok: false, message: expect.stringMatching(/no invite/) })
  })
})

describe('invites that name relays', () => {
  const relayed: Invite = { ...invite, relays: ['ws://192.168.1.20:4444/relay'] }

  it('round-trip through links and codes; a relay beside the signaling server costs two bytes of code', () => {
    for (const text of [inviteLink(relayed), webInviteLink(relayed, 'http://127.0.0.1:4173/'), inviteCode(relayed)]) {
      expect(parseInvite(text)).toEqual({ ok: true, invite: relayed })
    }
    expect(inviteCode(relayed).replace(/-/g, '').length - inviteCode(invite).replace(/-/g, '').length).toBeLessThanOrEqual(4)
    const elsewhere: Invite = { ...invite, relays: ['wss://relay.example.org/relay', 'ws://10.0.0.7:4455/relay'], kind: 'cohort' }
    expect(parseInvite(inviteCode(elsewhere))).toEqual({ ok: true, invite: elsewhere })
    expect(parseInvite(inviteLink(elsewhere))).toEqual({ ok: true, invite: elsewhere })
  })

  it('refuse relay addresses that are not WebSocket addresses', () => {
    const bad = inviteLink({ ...invite, relays: ['https://relay.example.org'] })
    expect(parseInvite(bad)).toEqual({ ok: false, message: expect.stringMatching(/relay address/) })
  })
})
