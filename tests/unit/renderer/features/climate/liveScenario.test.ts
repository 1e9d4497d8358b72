import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { readHistory, readLeverState, setLeversLocked } from '../../../../../shared/climate'
import type { Person } from '../../../../../shared/session'
import { upsertPerson } from '../../../../../shared/session'
import { LiveScenario } from '../../../../../renderer/features/climate/liveScenario'
import type { ConveningSession } from '../../../../../renderer/sync'

// Animation frames run when the test says so.
let frames: (() => void)[] = []
const runFrame = (): void => {
  const due = frames
  frames = []
  for (const f of due) f()
}
beforeEach(() => {
  frames = []
  globalThis.requestAnimationFrame = (f: FrameRequestCallback): number => frames.push(() => f(0))
  globalThis.cancelAnimationFrame = () => undefined
})
const open: { destroy: () => void }[] = []
afterEach(() => {
  for (const item of open.splice(0)) item.destroy()
  Reflect.deleteProperty(globalThis, 'requestAnimationFrame')
  Reflect.deleteProperty(globalThis, 'cancelAnimationFrame')
})

const person = (id: string, name: string, role: Person['role']): Person => ({ id, name, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 1 })
const ADA = person('ada', 'Ada', 'facilitator')
const BEN = person('ben', 'Ben', 'practitioner')

function peer(doc: Y.Doc, me: Person): { session: ConveningSession; awareness: Awareness } {
  const awareness = new Awareness(doc)
  awareness.setLocalState({ user: { id: me.id, name: me.name, colour: me.colour, role: me.role } })
  return { session: { doc, awareness, me } as unknown as ConveningSession, awareness }
}

function pair() {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  docA.on('update', (u: Uint8Array) => Y.applyUpdate(docB, u))
  docB.on('update', (u: Uint8Array) => Y.applyUpdate(docA, u))
  upsertPerson(docA, ADA)
  upsertPerson(docA, BEN)
  const a = peer(docA, ADA)
  const b = peer(docB, BEN)
  // Awareness travels both ways at once, as over a data channel.
  a.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) =>
    applyAwarenessUpdate(b.awareness, encodeAwarenessUpdate(a.awareness, [...added, ...updated, ...removed]), 'remote'))
  b.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) =>
    applyAwarenessUpdate(a.awareness, encodeAwarenessUpdate(b.awareness, [...added, ...updated, ...removed]), 'remote'))
  const live = { a: new LiveScenario(a.session), b: new LiveScenario(b.session) }
  open.push(live.a, live.b, a.awareness, b.awareness)
  return { ...live, docA, docB }
}

describe('the live scenario', () => {
  it('moves my slider at once and runs the model at most once per frame', () => {
    const { a } = pair()
    const first = a.get().result
    a.drag('carbonPrice', 50)
    expect(a.get().shown.carbonPrice).toBe(50)
    const afterFirst = a.get().result
    expect(afterFirst).not.toBe(first)
    a.drag('carbonPrice', 100)
    a.drag('carbonPrice', 150)
    expect(a.get().shown.carbonPrice).toBe(150)
    expect(a.get().result).toBe(afterFirst)
    runFrame()
    expect(a.get().result).not.toBe(afterFirst)
    expect(a.get().result.levers.carbonPrice).toBe(150)
    expect(a.get().result.warming2100).toBeLessThan(first.warming2100)
  })

  it('streams a drag to the other person and writes the document once, on release', () => {
    const { a, b, docA } = pair()
    let writes = 0
    docA.on('update', () => writes++)
    b.drag('methane', 60)
    runFrame()
    expect(a.get().remote.methane).toMatchObject({ name: 'Ben', value: 60 })
    expect(a.get().shown.methane).toBe(60)
    expect(writes).toBe(0)
    expect(b.commit('methane', 70)).toBeNull()
    runFrame()
    expect(writes).toBe(1)
    expect(a.get().remote.methane).toBeUndefined()
    expect(a.get().shown.methane).toBe(70)
    expect(readHistory(docA)[0]).toMatchObject({ lever: 'methane', from: 0, to: 70, by: 'ben' })
  })

  it('while the facilitator drives, refuses my release and ignores my drag on the other screen', async () => {
    const { a, b, docA } = pair()
    await setLeversLocked(docA, true, { by: 'ada' }, 'test')
    runFrame()
    b.drag('coal', 100)
    runFrame()
    expect(a.get().shown.coal).toBe(0)
    expect(b.commit('coal', 100)).toMatch(/locked/)
    runFrame()
    expect(b.get().shown.coal).toBe(0)
    expect(readLeverState(docA).values.coal).toBe(0)
    a.drag('coal', 40)
    runFrame()
    expect(b.get().shown.coal).toBe(40)
  })

  it('keeps the last possible answer while the levers cannot go together', () => {
    const { a } = pair()
    expect(a.commit('deforestation', 100)).toBeNull()
    runFrame()
    const possible = a.get().result
    a.drag('afforestation', 6)
    runFrame()
    expect(a.get().problem).toMatchObject({ lever: 'afforestation' })
    expect(a.get().result).toBe(possible)
    expect(a.commit('afforestation', 6)).toMatch(/Mha/)
    runFrame()
    expect(a.get().problem).toBeNull()
    expect(a.get().shown.afforestation).toBe(0)
  })
})
