import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import { deriveRelayKeys, RelayPresence, sealEntry } from '../../../../shared/relay'
import { bytesToBase64Url } from '../../../../shared/session'

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA'
const SECRET = 'BBBBBBBBBBBBBBBBBBBBBB'

const made: { destroy(): void }[] = []
afterEach(() => {
  for (const thing of made.splice(0)) thing.destroy()
})

function awareness(): Awareness {
  const a = new Awareness(new Y.Doc())
  made.push(a)
  return a
}

/** What the relay forwards: one member's relay awareness, as another member's relay awareness receives it. */
function forward(from: Awareness, to: Awareness): void {
  applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'relay')
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((wake) => setTimeout(wake, 2))
  expect(check()).toBe(true)
}

describe('presence through the relay (sealed)', () => {
  it('shows an honest member, ignores what a modified peer or an outsider publishes, and forgets who left', async () => {
    const keys = await deriveRelayKeys(ROOM, SECRET)
    const mine = awareness()
    mine.setLocalState({ user: { name: 'Me' } })
    const myRelay = awareness()
    const presence = new RelayPresence({ awareness: mine, relayAwareness: myRelay, keys, origin: 'relay' })
    made.push(presence)

    // An honest member: their presence, sealed, in their relay awareness field `e`.
    const them = awareness()
    them.setLocalState({ user: { name: 'Pia' } })
    const theirRelay = awareness()
    theirRelay.setLocalState({ e: bytesToBase64Url(await sealEntry(keys.content, keys.name, 'presence', encodeAwarenessUpdate(them, [them.clientID]))) })
    forward(theirRelay, myRelay)
    await until(() => mine.getStates().has(them.clientID))
    expect(presence.presentClients()).toEqual(new Set([them.clientID]))

    // Hostile publications: not base64, sealed with another secret, sealed but speaking for me.
    const outsider = await deriveRelayKeys(ROOM, 'CCCCCCCCCCCCCCCCCCCCCC')
    const impostor = awareness()
    impostor.setLocalState({ user: { name: 'Not me' } })
    const forged = new Awareness(new Y.Doc({ gc: true }))
    made.push(forged)
    forged.clientID = mine.clientID
    forged.setLocalState({ user: { name: 'Forged me' } })
    const hostile = [
      { e: '%%% not base64 %%%' },
      { e: bytesToBase64Url(await sealEntry(outsider.content, outsider.name, 'presence', encodeAwarenessUpdate(impostor, [impostor.clientID]))) },
      { e: bytesToBase64Url(await sealEntry(keys.content, keys.name, 'presence', encodeAwarenessUpdate(forged, [forged.clientID]))) },
      { e: 42 },
    ]
    for (const state of hostile) {
      const relay = awareness()
      relay.setLocalState(state)
      forward(relay, myRelay)
    }
    // The honest member's update still lands after all of that: wait on it, then check nothing else did.
    them.setLocalStateField('panel', 'climate')
    theirRelay.setLocalState({ e: bytesToBase64Url(await sealEntry(keys.content, keys.name, 'presence', encodeAwarenessUpdate(them, [them.clientID]))) })
    forward(theirRelay, myRelay)
    await until(() => (mine.getStates().get(them.clientID) as { panel?: string } | undefined)?.panel === 'climate')
    expect(mine.getStates().has(impostor.clientID)).toBe(false)
    expect((mine.getLocalState() as { user: { name: string } }).user.name).toBe('Me')
    expect(presence.presentClients()).toEqual(new Set([them.clientID]))

    // They leave the relay: their presence goes.
    removeAwarenessStates(myRelay, [theirRelay.clientID], 'relay')
    expect(mine.getStates().has(them.clientID)).toBe(false)
  })
})
