import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { climateMap, keepSignedLevers, readLeverState, setLever, setLeversLocked, signerFor } from '../../../../shared/climate'
import { ensureBound, randomSecretKey, rawKeySigner, seedConvening, upsertPerson, watchStatements, type Person, type Role } from '../../../../shared/session'

const ROOM = 'room-levers'
const person = (id: string, role: Role, joinedAt = 1): Person => ({ id, name: id, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt })
const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(condition()).toBe(true)
}

/** Fran's app (facilitator, keeping signed levers) and Pia's copy, which a modified app writes into. */
async function room() {
  const fran = rawKeySigner('fran', randomSecretKey())
  const pia = rawKeySigner('pia', randomSecretKey())
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  stops.push(watchStatements(a, ROOM, fran.publicKey), watchStatements(b, ROOM, fran.publicKey))
  seedConvening(a, { id: ROOM, title: 'Levers', createdBy: person('fran', 'facilitator'), now: 1 })
  upsertPerson(b, person('pia', 'practitioner', 2))
  await ensureBound(a, fran, ROOM)
  await ensureBound(b, pia, ROOM)
  stops.push(keepSignedLevers(a, fran))
  return { fran, a, b }
}

describe('the levers’ lock where roles are signed', () => {
  it('a facilitator’s moves while driving count once signed; a modified app’s moves “as the facilitator” never do', async () => {
    const { fran, a, b } = await room()
    expect((await setLeversLocked(a, true, { by: 'fran', at: 100 }, 'test')).ok).toBe(false) // no signer: it would count for nobody
    expect((await setLeversLocked(a, true, { by: 'fran', at: 100 }, 'test', signerFor(a, fran))).ok).toBe(true)
    expect(readLeverState(b).lock).toMatchObject({ by: 'fran' })
    // Pia's modified app: a move claiming to be Fran's, and one in her own name.
    climateMap(b).set('lever:coal', { value: 90, by: 'fran', at: 200 })
    climateMap(b).set('lever:methane', { value: 80, by: 'pia', at: 200 })
    expect(readLeverState(a).values.coal).not.toBe(90)
    expect(readLeverState(b).values.methane).not.toBe(80)
    // Fran drives: her move is signed by her app a moment later, and then shows everywhere.
    expect(setLever(a, 'carbonPrice', 120, { by: 'fran', at: 300 }, 'test').ok).toBe(true)
    await until(() => readLeverState(b).values.carbonPrice === 120)
  })

  it('a modified app cannot open the levers: its unsigned “unlock” is put back by the facilitator’s app', async () => {
    const { fran, a, b } = await room()
    await setLeversLocked(a, true, { by: 'fran', at: 100 }, 'test', signerFor(a, fran))
    climateMap(b).set('control', { locked: false, by: 'fran', at: 500 })
    await until(() => readLeverState(b).lock !== null)
    climateMap(b).delete('control')
    await until(() => readLeverState(b).lock !== null)
    // Fran's own signed unlock does open them.
    await setLeversLocked(a, false, { by: 'fran', at: 600 }, 'test', signerFor(a, fran))
    expect(readLeverState(b).lock).toBeNull()
  })
})
