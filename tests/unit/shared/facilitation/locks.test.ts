import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { addLink, addVariable, createDiagram, deleteItems, diagramParts, readDiagram, renameVariable } from '../../../../shared/diagram'
import { agendaLock, appendSegments, diagramLocks, readSegments, runMap, setLock, watchLocks, updateSegment } from '../../../../shared/facilitation'
import { ensureBound, randomSecretKey, rawKeySigner, seedConvening, upsertPerson, watchStatements } from '../../../../shared/session'
import { convening, person } from '../conversation/helpers'

const stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Two copies linked both ways (Fran's honest app, and Pia's), each watching locks unless told not to. */
function pair(doc: Y.Doc, options: { piaHonest?: boolean } = {}) {
  const fran = new Y.Doc()
  const pia = new Y.Doc()
  Y.applyUpdate(fran, Y.encodeStateAsUpdate(doc))
  Y.applyUpdate(pia, Y.encodeStateAsUpdate(doc))
  fran.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(pia, u, 'remote'))
  pia.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(fran, u, 'remote'))
  stops.push(watchLocks(fran))
  if (options.piaHonest) stops.push(watchLocks(pia))
  return { fran, pia }
}

function withDiagram() {
  const doc = convening()
  const diagram = createDiagram(doc, { title: 'Burnout' }, null)
  const id = diagram.ok ? diagram.value : ''
  const v = (label: string, x: number) => {
    const made = addVariable(doc, id, { label, x, y: 0 }, null)
    return made.ok ? made.value : ''
  }
  const workload = v('Workload', 0)
  const stress = v('Stress', 100)
  const rest = v('Rest', 200)
  const link = addLink(doc, id, { from: workload, to: stress, polarity: '+' }, null)
  return { doc, id, workload, stress, rest, link: link.ok ? link.value : '' }
}

const labels = (doc: Y.Doc, id: string) => readDiagram(doc, id)?.variables.map((v) => v.label).sort()

describe('locks', () => {
  it('a locked diagram is put back when a modified app changes it, and says who locked it; unlocked, changes stay', async () => {
    const { doc, id, workload, link } = withDiagram()
    const { fran, pia } = pair(doc)
    expect((await setLock(pia, undefined, 'pia', { kind: 'diagram', diagramId: id }, true)).ok).toBe(false)
    expect((await setLock(fran, undefined, 'fran', { kind: 'diagram', diagramId: id }, true)).ok).toBe(true)
    expect(diagramLocks(pia, id).whole?.byName).toBe('Fran')
    // Pia's modified app writes straight into the document.
    renameVariable(pia, id, workload, 'Nothing to see', null)
    addVariable(pia, id, { label: 'Sneaky', x: 1, y: 1 }, null)
    deleteItems(pia, id, { linkIds: [link] }, null)
    await settle()
    for (const copy of [fran, pia]) {
      expect(labels(copy, id)).toEqual(['Rest', 'Stress', 'Workload'])
      expect(readDiagram(copy, id)?.links).toHaveLength(1)
    }
    // Removing the lock record is put back too.
    for (const key of [...runMap(pia).keys()]) if (key.startsWith('lock:')) runMap(pia).delete(key)
    await settle()
    expect(diagramLocks(pia, id).whole).not.toBeNull()
    expect((await setLock(fran, undefined, 'fran', { kind: 'diagram', diagramId: id }, false)).ok).toBe(true)
    renameVariable(pia, id, workload, 'Hours', null)
    await settle()
    expect(labels(fran, id)).toEqual(['Hours', 'Rest', 'Stress'])
  })

  it('a region lock keeps only its variables and links; the rest of the diagram stays open', async () => {
    const { doc, id, workload, stress, rest, link } = withDiagram()
    const { fran, pia } = pair(doc)
    await setLock(fran, undefined, 'fran', { kind: 'region', diagramId: id, regionId: 'r1', variables: [workload, stress], links: [link] }, true)
    const locks = diagramLocks(pia, id)
    expect([...locks.variables.keys()].sort()).toEqual([workload, stress].sort())
    expect([...locks.links.keys()]).toEqual([link])
    deleteItems(pia, id, { variableIds: [stress], linkIds: [link] }, null)
    renameVariable(pia, id, rest, 'Sleep', null)
    await settle()
    expect(labels(fran, id)).toEqual(['Sleep', 'Stress', 'Workload'])
    expect(diagramParts(fran, id)?.links.has(link)).toBe(true)
  })

  it('a locked agenda survives edits and deletions, and two honest apps putting it back agree', async () => {
    const doc = convening()
    appendSegments(doc, 'fran', [{ title: 'Check-in', kind: 'check-in', minutes: 10 }, { title: 'Loops', kind: 'diagram', minutes: 30 }])
    const { fran, pia } = pair(doc, { piaHonest: true })
    await setLock(fran, undefined, 'fran', { kind: 'agenda' }, true)
    expect(agendaLock(pia)?.by).toBe('fran')
    const [first] = readSegments(pia)
    // A modified third app (its edits arrive in both at once) deletes one and renames the other.
    const mallory = new Y.Doc()
    Y.applyUpdate(mallory, Y.encodeStateAsUpdate(fran))
    const before = Y.encodeStateVector(mallory)
    // The app refuses while the agenda is locked; the modified app writes straight in.
    expect(updateSegment(mallory, 'fran', first.id, { title: 'Skip it' }).ok).toBe(false)
    mallory.transact(() => {
      const agenda = mallory.getArray<Y.Map<unknown>>('agenda')
      const index = agenda.toArray().findIndex((entry) => entry.get('id') === first.id)
      agenda.get(index).set('title', 'Skip it')
      agenda.delete(index === 0 ? 1 : 0, 1)
    })
    const attack = Y.encodeStateAsUpdate(mallory, before)
    Y.applyUpdate(fran, attack, 'remote')
    Y.applyUpdate(pia, attack, 'remote')
    await settle()
    await settle()
    for (const copy of [fran, pia]) expect(readSegments(copy).map((s) => s.title)).toEqual(['Check-in', 'Loops'])
  })
})

describe('locks where roles are signed', () => {
  it('a lock or unlock without a facilitator’s signature counts for nothing', async () => {
    const ROOM = 'room'
    const franKey = rawKeySigner('fran', randomSecretKey())
    const piaKey = rawKeySigner('pia', randomSecretKey())
    const fran = new Y.Doc()
    const pia = new Y.Doc()
    fran.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(pia, u, 'remote'))
    pia.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(fran, u, 'remote'))
    stops.push(watchStatements(fran, ROOM, franKey.publicKey), watchStatements(pia, ROOM, franKey.publicKey), watchLocks(fran))
    seedConvening(fran, { id: ROOM, title: 'Signed', createdBy: person('fran', 'facilitator'), now: 1 })
    upsertPerson(pia, person('pia', 'practitioner', 2))
    await ensureBound(fran, franKey, ROOM)
    await ensureBound(pia, piaKey, ROOM)
    const made = createDiagram(fran, { title: 'Map' }, null)
    const id = made.ok ? made.value : ''
    addVariable(fran, id, { label: 'Trust', x: 0, y: 0 }, null)
    // Without a signer, a facilitator's lock is refused (it would count for nobody).
    expect((await setLock(fran, undefined, 'fran', { kind: 'diagram', diagramId: id }, true)).ok).toBe(false)
    // Pia's modified app writes a lock "by fran" with her own signature: ignored.
    runMap(pia).set('lock:forged', { target: `diagram:${id}`, locked: true, by: 'fran', at: 5, snapshot: '{}' })
    expect(diagramLocks(fran, id).whole).toBeNull()
    expect((await setLock(fran, franKey, 'fran', { kind: 'diagram', diagramId: id }, true)).ok).toBe(true)
    expect(diagramLocks(pia, id).whole?.by).toBe('fran')
    // A forged unlock, later in time, changes nothing.
    runMap(pia).set('lock:unlock', { target: `diagram:${id}`, locked: false, by: 'fran', at: Date.now() + 60_000, snapshot: '' })
    expect(diagramLocks(fran, id).whole).not.toBeNull()
    addVariable(pia, id, { label: 'Sneaky', x: 1, y: 1 }, null)
    await settle()
    expect(labels(pia, id)).toEqual(['Trust'])
  })
})
