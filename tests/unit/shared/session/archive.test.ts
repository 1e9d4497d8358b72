import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import {
  APP_VERSION,
  ARCHIVE_LIMITS,
  SCHEMA_VERSION,
  crc32,
  readArchive,
  seedConvening,
  writeArchive,
  type ArchiveHeader,
} from '../../../../shared/session'
import { collectHarvest, harvestToMarkdown } from '../../../../shared/notes'
import { ADA, CONVENING_ID, sampleConvening } from '../notes/sample'

const MAGIC = [0x89, 0x43, 0x4f, 0x4e, 0x56, 0x45, 0x4e, 0x45, 0x0d, 0x0a, 0x1a, 0x0a]

function header(overrides: Partial<ArchiveHeader> & Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'convene-archive',
    formatVersion: 1,
    appVersion: '0.1.0',
    createdAt: 1,
    conveningId: CONVENING_ID,
    title: 'T',
    schemaVersion: 1,
    metadata: { people: 1, diagrams: 0 },
    ...overrides,
  }
}

/** An archive frame around any header and state, with a correct checksum unless told otherwise. */
function frame(head: unknown, state: Uint8Array, options: { version?: number; headerBytes?: Uint8Array } = {}): Uint8Array {
  const headerBytes = options.headerBytes ?? new TextEncoder().encode(JSON.stringify(head))
  const out = new Uint8Array(12 + 2 + 4 + headerBytes.length + 4 + state.length + 4)
  const view = new DataView(out.buffer)
  out.set(MAGIC)
  view.setUint16(12, options.version ?? 1)
  view.setUint32(14, headerBytes.length)
  out.set(headerBytes, 18)
  view.setUint32(18 + headerBytes.length, state.length)
  out.set(state, 22 + headerBytes.length)
  const end = 22 + headerBytes.length + state.length
  view.setUint32(end, crc32(out, end))
  return out
}

function seeded(edit?: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc()
  seedConvening(doc, { id: CONVENING_ID, title: 'T', createdBy: ADA, now: 1 })
  edit?.(doc)
  return Y.encodeStateAsUpdate(doc)
}

/** Every part of a convening, read through its type (a document fresh from an update has untyped roots). */
function snapshot(doc: Y.Doc): unknown {
  return {
    meta: doc.getMap('meta').toJSON(),
    people: doc.getMap('people').toJSON(),
    notes: doc.getText('notes').toString(),
    actions: doc.getArray('actions').toJSON(),
    diagrams: doc.getMap('diagrams').toJSON(),
  }
}

function rejected(bytes: Uint8Array): string {
  const result = readArchive(bytes)
  if (result.ok) throw new Error('the archive was accepted')
  return result.message
}

describe('a .convene archive', () => {
  it('round-trips a convening: the same document, the same notes', () => {
    const { doc } = sampleConvening()
    const bytes = writeArchive(doc, { now: 1234, exportedBy: 'Ada' })
    const result = readArchive(bytes)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.header).toEqual({
      format: 'convene-archive',
      formatVersion: 1,
      appVersion: APP_VERSION,
      createdAt: 1234,
      conveningId: CONVENING_ID,
      title: doc.getMap('meta').get('title'),
      schemaVersion: SCHEMA_VERSION,
      metadata: { people: 3, diagrams: 2, exportedBy: 'Ada' },
    })
    expect(Y.encodeStateVector(result.doc)).toEqual(Y.encodeStateVector(doc))
    expect(snapshot(result.doc)).toEqual(snapshot(doc))
    const now = Date.UTC(2026, 2, 14)
    expect(harvestToMarkdown(collectHarvest(result.doc, { now }))).toBe(harvestToMarkdown(collectHarvest(doc, { now })))
    // The checked state merges into another copy of the convening without changing it.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(copy, result.update)
    expect(snapshot(copy)).toEqual(snapshot(doc))
    result.doc.destroy()
  })

  it('records the app version of package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(APP_VERSION).toBe(pkg.version)
  })

  it('cannot be written before the convening has arrived', () => {
    expect(() => writeArchive(new Y.Doc())).toThrow(/nothing to archive/)
  })
})

describe('a bad archive is refused with a clear message', () => {
  const good = writeArchive(sampleConvening().doc)

  it('when it is empty, or not an archive at all', () => {
    expect(rejected(new Uint8Array())).toMatch(/empty/)
    expect(rejected(new TextEncoder().encode('{"format":"convene-archive"}'))).toMatch(/not a Convene archive/)
    expect(rejected(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatch(/not a Convene archive/)
  })

  it('when it is cut off anywhere', () => {
    for (const length of [5, 12, 17, 18, 40, Math.floor(good.length / 2), good.length - 5, good.length - 1]) {
      expect(rejected(good.subarray(0, length)), `cut at ${length}`).toMatch(/cut off/)
    }
  })

  it('when a byte is changed, or bytes are added', () => {
    for (const at of [20, 60, Math.floor(good.length / 2), good.length - 10]) {
      const bad = good.slice()
      bad[at] ^= 0x5a
      expect(rejected(bad), `byte ${at}`).toMatch(/damaged/)
    }
    const longer = new Uint8Array(good.length + 3)
    longer.set(good)
    expect(rejected(longer)).toMatch(/unexpected data after its end/)
  })

  it('when it comes from a newer version of Convene', () => {
    expect(rejected(frame(header({ formatVersion: 2 }), seeded(), { version: 2 }))).toMatch(/newer version of Convene \(archive format 2\)/)
    expect(rejected(frame(header({ schemaVersion: SCHEMA_VERSION + 1 }), seeded()))).toMatch(/newer version of Convene/)
    const newer = seeded((doc) => doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1))
    expect(rejected(frame(header(), newer))).toMatch(/newer version of Convene/)
    expect(rejected(frame(header(), seeded(), { version: 0 }))).toMatch(/format version is not valid/)
  })

  it('when its header is not JSON, has unexpected fields or types, or is oversized', () => {
    expect(rejected(frame(null, seeded(), { headerBytes: new TextEncoder().encode('{not json') }))).toMatch(/header cannot be read/)
    expect(rejected(frame(null, seeded(), { headerBytes: new Uint8Array([0xff, 0xfe]) }))).toMatch(/header cannot be read/)
    expect(rejected(frame(header({ title: 42 as unknown as string }), seeded()))).toMatch(/header is not valid \(title/)
    expect(rejected(frame(header({ extra: 'field' }), seeded()))).toMatch(/header is not valid/)
    expect(rejected(frame(header({ conveningId: '../../etc/passwd' }), seeded()))).toMatch(/header is not valid \(conveningId/)
    expect(rejected(frame(header({ title: 'x'.repeat(10_000) }), seeded()))).toMatch(/header is not valid/)
    expect(rejected(frame(header({ metadata: { people: -1, diagrams: 0 } }), seeded()))).toMatch(/header is not valid/)
    const nested = '['.repeat(20_000) + ']'.repeat(20_000)
    expect(rejected(frame(null, seeded(), { headerBytes: new TextEncoder().encode(nested) }))).toMatch(/header/)
    expect(rejected(frame(null, seeded(), { headerBytes: new Uint8Array(ARCHIVE_LIMITS.maxHeaderBytes + 1) }))).toMatch(/impossibly large/)
  })

  it('when the state is not a Yjs document, or is incomplete', () => {
    expect(rejected(frame(header(), new Uint8Array([1, 2, 3, 4, 5, 250, 250, 250])))).toMatch(/cannot be read|incomplete/)
    expect(rejected(frame(header(), new Uint8Array()))).toMatch(/cannot be read|no readable convening/)
    // An update that depends on another one that is not in the archive.
    const doc = new Y.Doc()
    const first = Y.encodeStateAsUpdate(doc)
    seedConvening(doc, { id: CONVENING_ID, title: 'T', createdBy: ADA, now: 1 })
    const vector = Y.encodeStateVector(doc)
    doc.getText('notes').insert(0, 'later')
    const tail = Y.encodeStateAsUpdate(doc, vector)
    expect(first.length).toBeGreaterThan(0)
    expect(rejected(frame(header(), tail))).toMatch(/incomplete/)
  })

  it('when the document inside is not this convening, or not a convening', () => {
    expect(rejected(frame(header(), Y.encodeStateAsUpdate(new Y.Doc())))).toMatch(/no readable convening/)
    expect(rejected(frame(header({ conveningId: 'BBBBBBBBBBBBBBBBBBBBBB' }), seeded()))).toMatch(/name different convenings/)
    expect(rejected(frame(header(), seeded((doc) => doc.getMap('meta').set('title', 7))))).toMatch(/no readable convening/)
  })

  it('when it holds parts of an unexpected kind or shape', () => {
    expect(rejected(frame(header(), seeded((doc) => doc.getMap('mystery').set('a', 1))))).toMatch(/does not know \("mystery"\)/)
    const wrongShape = (name: string, edit: (doc: Y.Doc) => void): Uint8Array => {
      // Another peer's document where this part was written as a different kind.
      const other = new Y.Doc()
      edit(other)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, seeded())
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
      expect(doc.share.has(name)).toBe(true)
      return Y.encodeStateAsUpdate(doc)
    }
    expect(rejected(frame(header(), wrongShape('people', (doc) => doc.getArray('people').push([1]))))).toMatch(/"people" part has the wrong shape/)
    expect(rejected(frame(header(), wrongShape('notes', (doc) => doc.getMap('notes').set('x', 1))))).toMatch(/"notes" part has the wrong shape/)
    expect(rejected(frame(header(), wrongShape('actions', (doc) => doc.getText('actions').insert(0, 'x'))))).toMatch(/"actions"/)
    expect(rejected(frame(header(), seeded((doc) => doc.getMap('climate').set('sub', new Y.Doc()))))).toMatch(/sub-document/)
    expect(rejected(frame(header(), seeded((doc) => doc.getMap('climate').set('xml', new Y.XmlFragment()))))).toMatch(/unexpected kind/)
    expect(rejected(frame(header(), seeded((doc) => doc.getText('notes').insertEmbed(0, { image: 'x' }))))).toMatch(/embedded content/)
    expect(rejected(frame(header(), seeded((doc) => doc.getMap('climate').set('big', BigInt(1) as unknown as number))))).toMatch(/unexpected type|cannot be read/)
  })

  it('when it holds data nested too deeply, oversized values or long names', () => {
    const deepJson = seeded((doc) => {
      let value: unknown = 'bottom'
      for (let i = 0; i < ARCHIVE_LIMITS.maxDepth + 5; i++) value = { inner: value }
      doc.getMap('climate').set('deep', value)
    })
    expect(rejected(frame(header(), deepJson))).toMatch(/nested too deeply \(in "climate"\)/)
    const deepMaps = seeded((doc) => {
      let parent = doc.getMap('conversation')
      for (let i = 0; i < ARCHIVE_LIMITS.maxDepth + 5; i++) {
        const child = new Y.Map<unknown>()
        parent.set('child', child)
        parent = child
      }
    })
    expect(rejected(frame(header(), deepMaps))).toMatch(/nested too deeply/)
    const long = seeded((doc) => doc.getMap('climate').set('note', 'x'.repeat(ARCHIVE_LIMITS.maxStringChars + 1)))
    expect(rejected(frame(header(), long))).toMatch(/a value is too long/)
    const key = seeded((doc) => doc.getMap('climate').set('k'.repeat(ARCHIVE_LIMITS.maxKeyChars + 1), 1))
    expect(rejected(frame(header(), key))).toMatch(/name inside it is too long/)
    const oversized = new Uint8Array(ARCHIVE_LIMITS.maxBytes + 1)
    oversized.set(MAGIC)
    expect(rejected(oversized)).toMatch(/larger than 64 MB/)
  })
})

describe('an archive bomb is refused before anything is built from it', () => {
  /**
   * A valid convening's state with one more writer holding `count` copies of `struct`,
   * built by repetition (a 60 MB state takes a fraction of a second to make).
   */
  function withHostileWriter(valid: Uint8Array, count: number, struct: Uint8Array): Uint8Array {
    const decoder = decoding.createDecoder(valid)
    const clients = decoding.readVarUint(decoder)
    const head = encoding.createEncoder()
    encoding.writeVarUint(head, clients + 1)
    encoding.writeVarUint(head, count)
    encoding.writeVarUint(head, 2 ** 31 + 7) // a writer of its own
    encoding.writeVarUint(head, 0)
    const start = encoding.toUint8Array(head)
    const rest = valid.subarray(decoder.pos)
    const out = new Uint8Array(start.length + count * struct.length + rest.length)
    out.set(start)
    out.set(struct, start.length)
    for (let filled = struct.length, total = count * struct.length; filled < total; filled *= 2) {
      out.copyWithin(start.length + filled, start.length, start.length + Math.min(filled, total - filled))
    }
    out.set(rest, start.length + count * struct.length)
    return out
  }

  it('30 million two-byte structs (60 MB): refused with a clear message, without applying them', () => {
    // Each struct is a garbage-collected range of length 1: info 0, length 1.
    const state = withHostileWriter(seeded(), 30_000_000, new Uint8Array([0, 1]))
    const bomb = frame(header(), state)
    expect(bomb.length).toBeGreaterThan(60_000_000)
    expect(bomb.length).toBeLessThanOrEqual(ARCHIVE_LIMITS.maxBytes)
    const peakBefore = process.resourceUsage().maxRSS * 1024
    const result = readArchive(bomb)
    const peakGrowth = process.resourceUsage().maxRSS * 1024 - peakBefore
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/cannot be opened: it holds more editing history than a convening can \(at most 500,000 pieces\)/) })
    // Applying them took 3.9 GB; the refusal builds nothing (the process's peak memory barely moves).
    expect(peakGrowth).toBeLessThan(300 * 1024 * 1024)
  })

  it('just over the limit of structs, as items a peer could write', () => {
    // Items of one deleted character each, all in "notes": info 1 (deleted content), parent by name.
    const struct = new Uint8Array([1, 1, 5, ...new TextEncoder().encode('notes'), 1])
    expect(rejected(frame(header(), withHostileWriter(seeded(), ARCHIVE_LIMITS.maxStructs + 1, struct)))).toMatch(/more editing history/)
    // A thousand of them are read the way Yjs reads them, and open.
    const fewer = readArchive(frame(header(), withHostileWriter(seeded(), 1000, struct)))
    expect(fewer.ok).toBe(true)
    if (fewer.ok) fewer.doc.destroy()
  })

  it('too many writers, deleted ranges, values or characters, or values nested without end', () => {
    const valid = seeded()
    const state = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
      const encoder = encoding.createEncoder()
      write(encoder)
      return encoding.toUint8Array(encoder)
    }
    // A million writers with nothing written: each one costs Yjs an entry.
    const writers = state((e) => {
      encoding.writeVarUint(e, 1_000_000)
      for (let i = 0; i < 1_000_000; i++) encoding.writeUint8Array(e, new Uint8Array([0, 1, 0]))
      encoding.writeVarUint(e, 0)
    })
    expect(rejected(frame(header(), writers))).toMatch(/more writers than a convening can/)
    // A delete set of a million ranges after the real convening.
    expect(valid[valid.length - 1]).toBe(0)
    const deletes = state((e) => {
      encoding.writeUint8Array(e, valid.subarray(0, valid.length - 1)) // all but its empty delete set
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, 5)
      encoding.writeVarUint(e, 1_000_000)
      for (let i = 0; i < 1_000_000; i++) encoding.writeUint8Array(e, new Uint8Array([i % 100, 1]))
    })
    expect(rejected(frame(header(), deletes))).toMatch(/more editing history/)
    // One item holding four million `undefined` values (one byte each).
    const item = (content: (e: encoding.Encoder) => void): Uint8Array =>
      state((e) => {
        encoding.writeUint8(e, 8) // any content, parent by name
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, 'actions')
        content(e)
      })
    const values = item((e) => {
      encoding.writeVarUint(e, 4_000_000)
      encoding.writeUint8Array(e, new Uint8Array(4_000_000).fill(127))
    })
    expect(rejected(frame(header(), withHostileWriter(valid, 1, values)))).toMatch(/more values than a convening can/)
    // An array inside an array, a million deep (Yjs reads it recursively).
    const deep = item((e) => {
      encoding.writeVarUint(e, 1)
      for (let i = 0; i < 1_000_000; i++) encoding.writeUint8Array(e, new Uint8Array([117, 1]))
      encoding.writeUint8(e, 127)
    })
    expect(rejected(frame(header(), withHostileWriter(valid, 1, deep)))).toMatch(/nested too deeply/)
    // A range of 2^50 deleted characters.
    const long = state((e) => {
      encoding.writeUint8(e, 0)
      encoding.writeVarUint(e, 2 ** 50)
    })
    expect(rejected(frame(header(), withHostileWriter(valid, 1, long)))).toMatch(/more editing history/)
    // Bytes after the end, and a struct kind that does not exist.
    expect(rejected(frame(header(), new Uint8Array([...valid, 0])))).toMatch(/cannot be read/)
    expect(rejected(frame(header(), withHostileWriter(valid, 1, new Uint8Array([11, 1]))))).toMatch(/cannot be read/)
  })
})
