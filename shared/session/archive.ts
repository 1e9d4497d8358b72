// Long file (about 480 lines) on purpose: the writer and the reader of one file format
// (with its validation of hostile files) stay side by side so the format cannot diverge.
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import { z } from 'zod'
import { DOC_KEYS, DOC_ROOTS, NAME_MAX, SCHEMA_VERSION, TITLE_MAX, type RootKind } from './schema'
import { ID_PATTERN } from './ids'
import { readMeta, readPeople, readTitle } from './doc'
import { english, type Message } from '../i18n/messages'
import { fail, said, spoken, type ResultWith, type Said } from '../result'
import packageJson from '../../package.json' with { type: 'json' }

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const ARCHIVE_MESSAGES = {
  notArchive: { id: 'shared.session.archive.notArchive', defaultMessage: 'This is not a Convene archive.' },
  empty: { id: 'shared.session.archive.empty', defaultMessage: 'This file is empty: it is not a Convene archive.' },
  tooLarge: { id: 'shared.session.archive.tooLarge', defaultMessage: 'This archive is larger than {mb} MB, the most Convene opens.' },
  notConveneFile: { id: 'shared.session.archive.notConveneFile', defaultMessage: 'This is not a Convene archive (a .convene file saved from Convene).' },
  cutOff: { id: 'shared.session.archive.cutOff', defaultMessage: 'This archive is cut off: the file ends too early. Copy it again from where it was saved.' },
  newerFormat: { id: 'shared.session.archive.newerFormat', defaultMessage: 'This archive was saved by a newer version of Convene (archive format {version}). Update Convene to open it.' },
  badVersion: { id: 'shared.session.archive.badVersion', defaultMessage: 'This archive is damaged: its format version is not valid.' },
  headerTooLarge: { id: 'shared.session.archive.headerTooLarge', defaultMessage: 'This archive is damaged: its header is impossibly large.' },
  trailingData: { id: 'shared.session.archive.trailingData', defaultMessage: 'This archive is damaged: there is unexpected data after its end.' },
  checksum: { id: 'shared.session.archive.checksum', defaultMessage: 'This archive is damaged: its content does not match its checksum.' },
  headerUnreadable: { id: 'shared.session.archive.headerUnreadable', defaultMessage: 'This archive is damaged: its header cannot be read.' },
  headerInvalidAt: { id: 'shared.session.archive.headerInvalidAt', defaultMessage: 'This archive is damaged: its header is not valid ({path}: {problem}).' },
  headerInvalid: { id: 'shared.session.archive.headerInvalid', defaultMessage: 'This archive is damaged: its header is not valid (header: {problem}).' },
  versionsDisagree: { id: 'shared.session.archive.versionsDisagree', defaultMessage: 'This archive is damaged: its two format versions disagree.' },
  newerConvening: { id: 'shared.session.archive.newerConvening', defaultMessage: 'This convening was saved by a newer version of Convene. Update Convene to open it.' },
  unreadable: { id: 'shared.session.archive.unreadable', defaultMessage: 'This archive is damaged: the convening inside it cannot be read.' },
  incomplete: { id: 'shared.session.archive.incomplete', defaultMessage: 'This archive is incomplete: parts of the convening are missing from it.' },
  noConvening: { id: 'shared.session.archive.noConvening', defaultMessage: 'This archive cannot be opened: it holds no readable convening.' },
  differentConvenings: { id: 'shared.session.archive.differentConvenings', defaultMessage: 'This archive is damaged: its header and its content name different convenings.' },
  tooManyValues: { id: 'shared.session.archive.tooManyValues', defaultMessage: 'This archive cannot be opened: it holds more values than a convening can.' },
  tooMuchHistory: { id: 'shared.session.archive.tooMuchHistory', defaultMessage: 'This archive cannot be opened: it holds more editing history than a convening can (at most {max, number} pieces).' },
  nestedTooDeeply: { id: 'shared.session.archive.nestedTooDeeply', defaultMessage: 'This archive cannot be opened: its data is nested too deeply.' },
  tooManyWriters: { id: 'shared.session.archive.tooManyWriters', defaultMessage: 'This archive cannot be opened: it holds more writers than a convening can (at most {max, number}).' },
  partProblem: { id: 'shared.session.archive.partProblem', defaultMessage: '{problem, select, unknownPart {it holds a part this version of Convene does not know ("{name}")} wrongShape {its "{name}" part has the wrong shape} textTooLong {a text is too long (in "{name}")} embedded {a text holds embedded content (in "{name}")} nested {its data is nested too deeply (in "{name}")} valueTooLong {a value is too long (in "{name}")} valueTooLarge {a value is too large (in "{name}")} subDocument {it holds a sub-document (in "{name}")} unexpectedKind {it holds content of an unexpected kind (in "{name}")} unexpectedType {it holds a value of an unexpected type (in "{name}")} keyTooLong {a name inside it is too long (in "{name}")} other {it is too large (in "{name}")}}' },
  cannotOpenPart: { id: 'shared.session.archive.cannotOpenPart', defaultMessage: 'This archive cannot be opened: {problem, select, unknownPart {it holds a part this version of Convene does not know ("{name}")} wrongShape {its "{name}" part has the wrong shape} textTooLong {a text is too long (in "{name}")} embedded {a text holds embedded content (in "{name}")} nested {its data is nested too deeply (in "{name}")} valueTooLong {a value is too long (in "{name}")} valueTooLarge {a value is too large (in "{name}")} subDocument {it holds a sub-document (in "{name}")} unexpectedKind {it holds content of an unexpected kind (in "{name}")} unexpectedType {it holds a value of an unexpected type (in "{name}")} keyTooLong {a name inside it is too long (in "{name}")} other {it is too large (in "{name}")}}.' },
} as const
const MSG = ARCHIVE_MESSAGES

/**
 * A `.convene` archive: one convening in one file, to keep it or move it to another
 * machine. It holds the document only: never the invite secret (an archive is not a
 * key to the live room) and never anyone's private journal.
 *
 *   offset  size  what
 *   0       12    magic: 89 'CONVENE' 0D 0A 1A 0A (like PNG's: spots text-mode mangling)
 *   12      2     format version, big-endian
 *   14      4     header length H, big-endian
 *   18      H     header: JSON, UTF-8 (ArchiveHeaderSchema)
 *   18+H    4     state length S
 *   22+H    S     the Yjs state (Y.encodeStateAsUpdate)
 *   22+H+S  4     CRC-32 of every byte before it
 *
 * Reading checks everything before anyone writes anything: the frame, the checksum,
 * the header, the shape of the state (read without building anything: how many
 * pieces of editing history and values it holds, and how long they are), then the
 * state applied to a scratch document, which must hold a whole, known convening
 * within size and depth limits. The caller gets that document and
 * the checked bytes, or one clear message.
 */
export const ARCHIVE_EXTENSION = 'convene'
export const ARCHIVE_MIME_TYPE = 'application/x-convene'
export const ARCHIVE_FORMAT_VERSION = 1
/** The app version written into archives: package.json's (only that field reaches the bundle). */
export const APP_VERSION: string = packageJson.version
const APP_VERSION_MAX = 32

const MAGIC = new Uint8Array([0x89, 0x43, 0x4f, 0x4e, 0x56, 0x45, 0x4e, 0x45, 0x0d, 0x0a, 0x1a, 0x0a])
const FRAME_BYTES = MAGIC.length + 2 + 4 + 4 + 4

export const ARCHIVE_LIMITS = {
  /** The same bound as any file the app opens (shared/ipc MAX_FILE_BYTES). */
  maxBytes: 64 * 1024 * 1024,
  maxHeaderBytes: 64 * 1024,
  /** Nesting of maps, arrays and values inside the document. */
  maxDepth: 24,
  /** Values, entries and items in the whole document. */
  maxNodes: 3_000_000,
  maxStringChars: 1_000_000,
  maxTextChars: 10_000_000,
  maxKeyChars: 256,
  maxBinaryBytes: 4 * 1024 * 1024,
  /**
   * Pieces of editing history (Yjs structs) in the state, checked before it is applied:
   * applying costs about 400 bytes and 4 µs each (1 million took 3.8 s and 390 MB on our
   * 2-core machine), so this bounds what opening any archive can cost to about 2 s and
   * 200 MB. A real convening is far below it: the large convening of the harvest
   * benchmark (40 people, 300 variables, 500 responses) holds 8,600; notes typed with
   * 100,000 keystrokes scattered at random (the worst case: each jump of the cursor
   * starts a new piece) hold 80,000.
   */
  maxStructs: 500_000,
  /** Writers (Yjs clients: one per device and page load) in the state; the large convening has 151. */
  maxClients: 50_000,
  /**
   * Characters and values ever written, deleted ones included (Yjs clock ticks): ten
   * times the longest notes a convening may hold.
   */
  maxHistoryLength: 100_000_000,
} as const

export const ArchiveHeaderSchema = z.strictObject({
  format: z.literal('convene-archive'),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(APP_VERSION_MAX),
  createdAt: z.number().int().min(0),
  conveningId: z.string().regex(ID_PATTERN),
  title: z.string().max(TITLE_MAX),
  schemaVersion: z.number().int().min(1),
  metadata: z.strictObject({
    people: z.number().int().min(0).max(1_000_000),
    diagrams: z.number().int().min(0).max(1_000_000),
    exportedBy: z.string().max(NAME_MAX).optional(),
  }),
})
export type ArchiveHeader = z.infer<typeof ArchiveHeaderSchema>

export type ArchiveReadResult = ResultWith<{ header: ArchiveHeader; doc: Y.Doc; update: Uint8Array }>

// ---- CRC-32 (IEEE), the one zip and PNG use -------------------------------------------

let crcTable: Uint32Array | null = null

export function crc32(bytes: Uint8Array, end = bytes.length): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n++) {
      let c = n
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (let i = 0; i < end; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

// ---- writing ---------------------------------------------------------------------

export interface WriteArchiveOptions {
  now?: number
  exportedBy?: string
  appVersion?: string
}

/** The archive of a convening. Throws when the document holds no convening yet. */
export function writeArchive(doc: Y.Doc, options: WriteArchiveOptions = {}): Uint8Array {
  const meta = readMeta(doc)
  if (!meta || !ID_PATTERN.test(meta.id)) throw new Error('This convening has not arrived yet: there is nothing to archive.')
  const header: ArchiveHeader = ArchiveHeaderSchema.parse({
    format: 'convene-archive',
    formatVersion: ARCHIVE_FORMAT_VERSION,
    appVersion: (options.appVersion ?? APP_VERSION).slice(0, APP_VERSION_MAX),
    createdAt: Math.max(0, Math.floor(options.now ?? Date.now())),
    conveningId: meta.id,
    title: readTitle(doc),
    schemaVersion: meta.schemaVersion,
    metadata: {
      people: readPeople(doc).length,
      diagrams: doc.getMap(DOC_KEYS.diagrams).size,
      ...(options.exportedBy ? { exportedBy: options.exportedBy.slice(0, NAME_MAX) } : {}),
    },
  })
  const headerBytes = new TextEncoder().encode(JSON.stringify(header))
  const state = Y.encodeStateAsUpdate(doc)
  const out = new Uint8Array(FRAME_BYTES + headerBytes.length + state.length)
  const view = new DataView(out.buffer)
  out.set(MAGIC, 0)
  let at = MAGIC.length
  view.setUint16(at, ARCHIVE_FORMAT_VERSION)
  view.setUint32((at += 2), headerBytes.length)
  out.set(headerBytes, (at += 4))
  view.setUint32((at += headerBytes.length), state.length)
  out.set(state, (at += 4))
  at += state.length
  view.setUint32(at, crc32(out, at))
  return out
}

// ---- reading ---------------------------------------------------------------------

/** Read and check an archive. On success the caller owns `doc` (destroy it when done). */
export function readArchive(bytes: Uint8Array): ArchiveReadResult {
  if (!(bytes instanceof Uint8Array)) return fail(MSG.notArchive)
  if (bytes.length === 0) return fail(MSG.empty)
  if (bytes.length > ARCHIVE_LIMITS.maxBytes) return fail(said(MSG.tooLarge, { mb: ARCHIVE_LIMITS.maxBytes / 1024 / 1024 }))
  const magicLength = Math.min(bytes.length, MAGIC.length)
  for (let i = 0; i < magicLength; i++) {
    if (bytes[i] !== MAGIC[i]) return fail(MSG.notConveneFile)
  }
  if (bytes.length < FRAME_BYTES) return fail(MSG.cutOff)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = MAGIC.length
  const version = view.getUint16(at)
  if (version > ARCHIVE_FORMAT_VERSION) return fail(said(MSG.newerFormat, { version }))
  if (version < 1) return fail(MSG.badVersion)
  const headerLength = view.getUint32((at += 2))
  at += 4
  if (headerLength > ARCHIVE_LIMITS.maxHeaderBytes) return fail(MSG.headerTooLarge)
  if (at + headerLength + 8 > bytes.length) return fail(MSG.cutOff)
  const headerBytes = bytes.subarray(at, at + headerLength)
  at += headerLength
  const stateLength = view.getUint32(at)
  at += 4
  if (at + stateLength + 4 > bytes.length) return fail(MSG.cutOff)
  if (at + stateLength + 4 < bytes.length) return fail(MSG.trailingData)
  const state = bytes.subarray(at, at + stateLength)
  at += stateLength
  if (view.getUint32(at) !== crc32(bytes, at)) return fail(MSG.checksum)

  let rawHeader: unknown
  try {
    rawHeader = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes))
  } catch {
    return fail(MSG.headerUnreadable)
  }
  const header = ArchiveHeaderSchema.safeParse(rawHeader)
  if (!header.success) {
    const issue = header.error.issues[0]
    const path = issue?.path.join('.')
    const problem = issue?.message ?? 'unexpected'
    return fail(path ? said(MSG.headerInvalidAt, { path, problem }) : said(MSG.headerInvalid, { problem }))
  }
  if (header.data.formatVersion !== version) return fail(MSG.versionsDisagree)
  if (header.data.schemaVersion > SCHEMA_VERSION) return fail(MSG.newerConvening)

  const doc = new Y.Doc({ gc: true })
  const problem = applyChecked(doc, state, header.data)
  if (problem) {
    doc.destroy()
    return fail(problem)
  }
  return { ok: true, header: header.data, doc, update: state.slice() }
}

function applyChecked(doc: Y.Doc, state: Uint8Array, header: ArchiveHeader): Message | Said | null {
  const shape = checkUpdateShape(state)
  if (shape) return shape
  try {
    Y.applyUpdate(doc, state)
  } catch {
    return MSG.unreadable
  }
  if (doc.store.pendingStructs || doc.store.pendingDs) return MSG.incomplete
  const problem = documentProblem(doc)
  if (problem) return said(MSG.cannotOpenPart, problem)
  const meta = readMeta(doc)
  if (!meta) return MSG.noConvening
  if (meta.id !== header.conveningId) return MSG.differentConvenings
  if (meta.schemaVersion > SCHEMA_VERSION) return MSG.newerConvening
  return null
}

// ---- the update's shape, before it is applied -----------------------------------------

class ShapeProblem extends Error {
  constructor(readonly said: Message | Said) {
    super(spoken(said).message)
  }
}

const TOO_MUCH_HISTORY = said(MSG.tooMuchHistory, { max: ARCHIVE_LIMITS.maxStructs })
const UNREADABLE = MSG.unreadable

/**
 * Walks a Yjs update (format v1, as Y.encodeStateAsUpdate writes it) the way Yjs reads
 * it, counting instead of building: each struct, client, deleted range and value
 * against ARCHIVE_LIMITS, and stopping at the first one over. A 60 MB archive of 30
 * million two-byte structs used to take 26 s and 3.9 GB inside Y.applyUpdate before any
 * limit could look at it; read here, it is refused after half a million structs.
 *
 *   update  := clients:varuint { structs:varuint client:varuint clock:varuint struct* }
 *              deletes:varuint { client:varuint ranges:varuint (clock:varuint len:varuint)* }
 *   struct  := info:uint8, then len:varuint (GC, info & 31 = 0) or an item:
 *              origin ids (info & 128, info & 64), else parent (a root's name or an id)
 *              and key (info & 32), then content by kind (info & 31, 1 to 9)
 */
export function checkUpdateShape(update: Uint8Array): Message | Said | null {
  const decoder = decoding.createDecoder(update)
  const budget = { structs: ARCHIVE_LIMITS.maxStructs, values: ARCHIVE_LIMITS.maxNodes, length: ARCHIVE_LIMITS.maxHistoryLength }
  const number = (): number => decoding.readVarUint(decoder) // throws past the end
  const skip = (bytes: number): void => {
    if (bytes > update.length - decoder.pos) throw new ShapeProblem(UNREADABLE)
    decoder.pos += bytes
  }
  const byte = (): number => {
    skip(1)
    return update[decoder.pos - 1]
  }
  const text = (): number => {
    const bytes = number()
    skip(bytes)
    return bytes
  }
  const id = (): void => {
    number() // client
    number() // clock
  }
  const spendValue = (): void => {
    if (--budget.values < 0) throw new ShapeProblem(MSG.tooManyValues)
  }
  const tick = (length: number): void => {
    if ((budget.length -= length) < 0) throw new ShapeProblem(TOO_MUCH_HISTORY)
  }
  const value = (depth: number): void => {
    // Far deeper than the document check allows (it says where): here only to keep this walk
    // and Yjs's own recursive reading off the end of the stack.
    if (depth > 16 * ARCHIVE_LIMITS.maxDepth) throw new ShapeProblem(MSG.nestedTooDeeply)
    spendValue()
    const type = byte()
    if (type === 127 || type === 126 || type === 121 || type === 120) return // undefined, null, false, true
    if (type === 125) return void decoding.readVarInt(decoder)
    if (type === 124) return skip(4)
    if (type === 123 || type === 122) return skip(8) // float64, bigint64
    if (type === 119 || type === 116) return void text() // string, bytes
    if (type === 118 || type === 117) {
      const entries = number() // object or array
      for (let i = 0; i < entries; i++) {
        if (type === 118) text()
        value(depth + 1)
      }
      return
    }
    throw new ShapeProblem(UNREADABLE)
  }
  /** One item's content: how many clock ticks it takes. */
  const content = (kind: number): number => {
    switch (kind) {
      case 1: // deleted
        return number()
      case 2: // values as JSON strings, or (8) as lib0 values
      case 8: {
        const count = number()
        for (let i = 0; i < count; i++) {
          if (kind === 8) value(1)
          else {
            spendValue()
            text()
          }
        }
        return count
      }
      case 3: // binary
      case 5: // embed
        text()
        return 1
      case 4: // string: its UTF-8 bytes bound its UTF-16 length
        return text()
      case 6: // format: key and value
        text()
        text()
        return 1
      case 7: {
        // a nested type; XML elements and hooks carry a name
        const typeRef = number()
        if (typeRef > 6) throw new ShapeProblem(UNREADABLE)
        if (typeRef === 3 || typeRef === 5) text()
        return 1
      }
      case 9: // sub-document: its id and options
        text()
        value(1)
        return 1
      default:
        throw new ShapeProblem(UNREADABLE)
    }
  }
  const struct = (): void => {
    if (--budget.structs < 0) throw new ShapeProblem(TOO_MUCH_HISTORY)
    const info = byte()
    const kind = info & 0b11111
    if (kind === 0) return tick(number()) // garbage-collected range
    if (kind === 10) throw new ShapeProblem(MSG.incomplete) // skip
    if (info & 0b1000_0000) id() // origin
    if (info & 0b0100_0000) id() // right origin
    if ((info & 0b1100_0000) === 0) {
      if (number() === 1) text() // a root, by name
      else id() // a parent item
      if (info & 0b0010_0000) text() // key in a map
    }
    tick(content(kind))
  }
  const writers = (count: number): number => {
    if (count > ARCHIVE_LIMITS.maxClients) {
      throw new ShapeProblem(said(MSG.tooManyWriters, { max: ARCHIVE_LIMITS.maxClients }))
    }
    return count
  }
  try {
    const clients = writers(number())
    for (let c = 0; c < clients; c++) {
      const structs = number()
      id() // the client and the clock of its first struct
      for (let i = 0; i < structs; i++) struct()
    }
    const deleters = writers(number())
    for (let c = 0; c < deleters; c++) {
      number() // client
      const ranges = number()
      for (let i = 0; i < ranges; i++) {
        if (--budget.structs < 0) throw new ShapeProblem(TOO_MUCH_HISTORY)
        number() // clock
        number() // length
      }
    }
    if (decoder.pos !== update.length) return UNREADABLE
    return null
  } catch (error) {
    return error instanceof ShapeProblem ? error.said : UNREADABLE
  }
}

// ---- the document check ----------------------------------------------------------------

/** The kind of each root a convening may hold (DOC_ROOTS); an own property only, so "constructor" is no root. */
function rootKind(name: string): RootKind | undefined {
  return Object.hasOwn(DOC_ROOTS, name) ? (DOC_ROOTS as Readonly<Record<string, RootKind>>)[name] : undefined
}

interface Budget {
  nodes: number
}

/** A top-level type as the document holds it (possibly not yet given its kind). */
type AnyType = NonNullable<ReturnType<Y.Doc['share']['get']>>

/** What the live items of a sequence are: characters (a text), values (an array), or none. */
function sequenceContent(type: AnyType): { text: number; values: number } {
  const out = { text: 0, values: 0 }
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const content = item.content
    if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) out.text++
    else out.values++
  }
  return out
}

function liveMapEntries(type: AnyType): number {
  let count = 0
  for (const item of type._map.values()) if (!item.deleted) count++
  return count
}

/**
 * Whether a document is a convening this build can hold: only the known top-level
 * parts, each of its kind, and nothing nested too deep, too large or of a kind the
 * app never writes (sub-documents, XML types, embeds in the notes). Returns what is
 * wrong, or null.
 */
export function checkDocument(doc: Y.Doc): string | null {
  const problem = documentProblem(doc)
  return problem ? english.formatMessage(MSG.partProblem, problem) : null
}

/** What is wrong with a part of the document (`checkDocument`), as the values of MSG.partProblem. */
type PartProblem = { problem: ValueProblem | 'unknownPart' | 'wrongShape'; name: string }
/** What is wrong inside a part; `tooLarge` is the `other` of the messages' select. */
type ValueProblem = 'textTooLong' | 'tooLarge' | 'embedded' | 'nested' | 'valueTooLong' | 'valueTooLarge' | 'subDocument' | 'unexpectedKind' | 'unexpectedType' | 'keyTooLong'

function documentProblem(doc: Y.Doc): PartProblem | null {
  const budget: Budget = { nodes: ARCHIVE_LIMITS.maxNodes }
  for (const [name, root] of [...doc.share.entries()]) {
    const kind = rootKind(name)
    if (!kind) return { problem: 'unknownPart', name: name.slice(0, 40) }
    const sequence = sequenceContent(root)
    const entries = liveMapEntries(root)
    const wrong =
      kind === 'map' ? sequence.text + sequence.values > 0 : entries > 0 || (kind === 'text' ? sequence.values > 0 : sequence.text > 0)
    if (wrong) return { problem: 'wrongShape', name }
    let problem: ValueProblem | null
    if (kind === 'map') problem = checkValue(doc.getMap(name), 1, budget)
    else if (kind === 'array') problem = checkValue(doc.getArray(name), 1, budget)
    else problem = checkText(doc.getText(name), budget)
    if (problem) return { problem, name }
  }
  return null
}

function checkText(text: Y.Text, budget: Budget): ValueProblem | null {
  if (text.length > ARCHIVE_LIMITS.maxTextChars) return 'textTooLong'
  const delta = text.toDelta() as { insert?: unknown; attributes?: unknown }[]
  budget.nodes -= delta.length
  if (budget.nodes < 0) return 'tooLarge'
  for (const op of delta) {
    if (typeof op.insert !== 'string') return 'embedded'
    if (op.attributes !== undefined) {
      const problem = checkValue(op.attributes, 2, budget)
      if (problem) return problem
    }
  }
  return null
}

function checkValue(value: unknown, depth: number, budget: Budget): ValueProblem | null {
  if (depth > ARCHIVE_LIMITS.maxDepth) return 'nested'
  if (--budget.nodes < 0) return 'tooLarge'
  if (value === null || value === undefined || typeof value === 'boolean') return null
  if (typeof value === 'number') return null
  if (typeof value === 'string') return value.length > ARCHIVE_LIMITS.maxStringChars ? 'valueTooLong' : null
  if (value instanceof Uint8Array) return value.length > ARCHIVE_LIMITS.maxBinaryBytes ? 'valueTooLarge' : null
  if (value instanceof Y.Doc) return 'subDocument'
  if (value instanceof Y.XmlFragment || value instanceof Y.XmlText || value instanceof Y.XmlElement) return 'unexpectedKind'
  if (value instanceof Y.Text) return checkText(value, budget)
  if (value instanceof Y.Map) return checkEntries(value.entries(), depth, budget)
  if (value instanceof Y.Array) return checkItems(value.toArray(), depth, budget)
  if (value instanceof Y.AbstractType) return 'unexpectedKind'
  if (Array.isArray(value)) return checkItems(value, depth, budget)
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return checkEntries(Object.entries(value as Record<string, unknown>), depth, budget)
  }
  return 'unexpectedType'
}

function checkEntries(entries: Iterable<[string, unknown]>, depth: number, budget: Budget): ValueProblem | null {
  for (const [key, inner] of entries) {
    if (key.length > ARCHIVE_LIMITS.maxKeyChars) return 'keyTooLong'
    const problem = checkValue(inner, depth + 1, budget)
    if (problem) return problem
  }
  return null
}

function checkItems(items: readonly unknown[], depth: number, budget: Budget): ValueProblem | null {
  for (const inner of items) {
    const problem = checkValue(inner, depth + 1, budget)
    if (problem) return problem
  }
  return null
}
