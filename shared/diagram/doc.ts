import * as Y from 'yjs'
import { DOC_KEYS } from '../session/schema'
import { newItemId } from '../session/ids'
import {
  CurveSchema,
  DIAGRAM_KINDS,
  DIAGRAM_LIMITS as L,
  LabelSchema,
  LinkLabelSchema,
  LoopNameSchema,
  NoteSchema,
  POLARITIES,
  PolaritySchema,
  clampLabel,
  type CausalLink,
  type Diagram,
  type DiagramKind,
  type Polarity,
  type Variable,
  type Loop,
} from './model'
import { freshNumbers, numbersToWrite, readAssignedNumbers } from './loopNumbers'

/**
 * Where a diagram lives in the convening document:
 *
 *   doc.getMap('diagrams'): Y.Map<diagramId, Y.Map>
 *     └─ diagramId: Y.Map
 *          ├─ title: string, kind: 'cld' | 'iceberg' | 'bot', createdAt: number
 *          ├─ variables: Y.Map<variableId, Y.Map{ label, x, y, note? }>
 *          ├─ links:     Y.Map<linkId, Y.Map{ from, to, polarity, delay, curve, label? }>
 *          ├─ loopNames: Y.Map<loopId, string>
 *          └─ loopNumbers: Y.Map<"loopId:kind", number>   (loopNumbers.ts; absent in older diagrams)
 *
 * Every write is one `doc.transact(fn, origin)` with the caller's origin, so undo
 * takes back a whole gesture (deleting a variable and its links is one step).
 * Refusals come back as a result, never a throw, and are decided before anything is
 * written. Reads are lenient: a field a buggy peer wrote wrong gets a fallback, and
 * a link whose end is gone (a concurrent delete and link) is left out of the snapshot.
 */
export type DiagramErrorCode = 'no-diagram' | 'no-variable' | 'no-link' | 'self-link' | 'duplicate-link' | 'invalid' | 'too-many'
export interface DiagramError {
  code: DiagramErrorCode
  message: string
}
export type DiagramResult<T = void> = { ok: true; value: T } | { ok: false; error: DiagramError }

const ok = <T>(value: T): DiagramResult<T> => ({ ok: true, value })
export const fail = (code: DiagramErrorCode, message: string): { ok: false; error: DiagramError } => ({ ok: false, error: { code, message } })

type YRecord = Y.Map<unknown>

export function diagramsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap(DOC_KEYS.diagrams)
}

export interface DiagramParts {
  root: YRecord
  variables: Y.Map<YRecord>
  links: Y.Map<YRecord>
  loopNames: Y.Map<string>
  /** Null in a diagram made before loop numbers were kept: created on the first write. */
  loopNumbers: Y.Map<unknown> | null
}

/** The Y structures of one diagram, or null when it does not exist (yet) or is damaged. */
export function diagramParts(doc: Y.Doc, diagramId: string): DiagramParts | null {
  const root = diagramsMap(doc).get(diagramId)
  if (!(root instanceof Y.Map)) return null
  const variables = root.get('variables')
  const links = root.get('links')
  const loopNames = root.get('loopNames')
  if (!(variables instanceof Y.Map) || !(links instanceof Y.Map) || !(loopNames instanceof Y.Map)) return null
  const loopNumbers = root.get('loopNumbers')
  return {
    root,
    variables: variables as Y.Map<YRecord>,
    links: links as Y.Map<YRecord>,
    loopNames: loopNames as Y.Map<string>,
    loopNumbers: loopNumbers instanceof Y.Map ? (loopNumbers as Y.Map<unknown>) : null,
  }
}

function withDiagram<T>(doc: Y.Doc, diagramId: string, fn: (parts: DiagramParts) => DiagramResult<T>): DiagramResult<T> {
  const parts = diagramParts(doc, diagramId)
  return parts ? fn(parts) : fail('no-diagram', 'This diagram is no longer here.')
}

function firstIssue(error: { issues: { message: string }[] }): string {
  return error.issues[0]?.message ?? 'not valid'
}

export function createDiagram(
  doc: Y.Doc,
  input: { title: string; kind?: DiagramKind; createdAt?: number; id?: string },
  origin: unknown,
): DiagramResult<string> {
  const title = input.title.trim().slice(0, L.titleMax)
  const id = input.id ?? newItemId()
  doc.transact(() => {
    const root = new Y.Map<unknown>()
    root.set('title', title)
    root.set('kind', input.kind ?? 'cld')
    root.set('createdAt', input.createdAt ?? Date.now())
    root.set('variables', new Y.Map())
    root.set('links', new Y.Map())
    root.set('loopNames', new Y.Map())
    root.set('loopNumbers', new Y.Map())
    diagramsMap(doc).set(id, root)
  }, origin)
  return ok(id)
}

export function renameDiagram(doc: Y.Doc, diagramId: string, title: string, origin: unknown): DiagramResult {
  return withDiagram(doc, diagramId, ({ root }) => {
    doc.transact(() => root.set('title', title.trim().slice(0, L.titleMax)), origin)
    return ok(undefined)
  })
}

export function deleteDiagram(doc: Y.Doc, diagramId: string, origin: unknown): DiagramResult {
  if (!diagramsMap(doc).has(diagramId)) return fail('no-diagram', 'This diagram is no longer here.')
  doc.transact(() => diagramsMap(doc).delete(diagramId), origin)
  return ok(undefined)
}

export function listDiagrams(doc: Y.Doc): { id: string; title: string; kind: DiagramKind; createdAt: number }[] {
  const out: { id: string; title: string; kind: DiagramKind; createdAt: number }[] = []
  for (const [id, root] of diagramsMap(doc).entries()) {
    if (!(root instanceof Y.Map)) continue
    out.push({ id, ...readHeader(root) })
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}

function readHeader(root: YRecord): { title: string; kind: DiagramKind; createdAt: number } {
  const title = root.get('title')
  const kind = root.get('kind')
  const createdAt = root.get('createdAt')
  return {
    title: typeof title === 'string' ? title.slice(0, L.titleMax) : '',
    kind: (DIAGRAM_KINDS as readonly unknown[]).includes(kind) ? (kind as DiagramKind) : 'cld',
    createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
  }
}

const finite = (value: unknown, fallback: number, limit: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(-limit, Math.min(limit, value)) : fallback

export function readVariable(id: string, value: unknown): Variable | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as YRecord
  const label = entry.get('label')
  if (typeof label !== 'string') return null
  const note = entry.get('note')
  const variable: Variable = {
    id,
    label: clampLabel(label) || '…',
    x: finite(entry.get('x'), 0, L.coordinateMax),
    y: finite(entry.get('y'), 0, L.coordinateMax),
  }
  if (typeof note === 'string' && note) variable.note = note.slice(0, L.noteMax)
  return variable
}

export function readLink(id: string, value: unknown): CausalLink | null {
  if (!(value instanceof Y.Map)) return null
  const entry = value as YRecord
  const from = entry.get('from')
  const to = entry.get('to')
  if (typeof from !== 'string' || typeof to !== 'string') return null
  const polarity = entry.get('polarity')
  const label = entry.get('label')
  const link: CausalLink = {
    id,
    from,
    to,
    polarity: (POLARITIES as readonly unknown[]).includes(polarity) ? (polarity as Polarity) : '?',
    delay: entry.get('delay') === true,
    curve: finite(entry.get('curve'), 0, L.curveMax),
  }
  if (typeof label === 'string' && label) link.label = clampLabel(label, L.linkLabelMax)
  return link
}

/**
 * A plain snapshot for analysis and rendering, sorted by id so every peer reads the
 * same. Links whose ends are missing and links from a variable to itself are left out.
 */
export function readDiagram(doc: Y.Doc, diagramId: string): Diagram | null {
  const parts = diagramParts(doc, diagramId)
  if (!parts) return null
  const variables: Variable[] = []
  for (const [id, entry] of parts.variables.entries()) {
    const variable = readVariable(id, entry)
    if (variable) variables.push(variable)
  }
  const present = new Set(variables.map((v) => v.id))
  const links: CausalLink[] = []
  for (const [id, entry] of parts.links.entries()) {
    const link = readLink(id, entry)
    if (link && link.from !== link.to && present.has(link.from) && present.has(link.to)) links.push(link)
  }
  const loopNames: Record<string, string> = {}
  for (const [id, name] of parts.loopNames.entries()) {
    if (typeof name === 'string' && name) loopNames[id] = name.slice(0, L.loopNameMax)
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const loopNumbers = readAssignedNumbers(parts.loopNumbers)
  return { id: diagramId, ...readHeader(parts.root), variables: variables.sort(byId), links: links.sort(byId), loopNames, loopNumbers }
}

function labelOf(parts: DiagramParts, variableId: string): string {
  const label = parts.variables.get(variableId)?.get('label')
  return typeof label === 'string' ? `"${clampLabel(label, 40)}"` : 'that variable'
}

export interface NewVariable {
  label: string
  x: number
  y: number
  note?: string
}

export function addVariable(doc: Y.Doc, diagramId: string, input: NewVariable, origin: unknown): DiagramResult<string> {
  return withDiagram(doc, diagramId, (parts) => {
    if (parts.variables.size >= L.maxVariables) return fail('too-many', `A diagram holds at most ${L.maxVariables} variables.`)
    const label = LabelSchema.safeParse(input.label)
    if (!label.success) return fail('invalid', `Variable: ${firstIssue(label.error)}.`)
    const note = input.note === undefined ? undefined : NoteSchema.safeParse(input.note)
    if (note && !note.success) return fail('invalid', `Note: ${firstIssue(note.error)}.`)
    const id = newItemId()
    doc.transact(() => {
      parts.variables.set(id, variableRecord({ label: label.data, x: input.x, y: input.y, note: note?.data }))
    }, origin)
    return ok(id)
  })
}

export function variableRecord(v: NewVariable): YRecord {
  const entry = new Y.Map<unknown>()
  entry.set('label', v.label)
  entry.set('x', finite(v.x, 0, L.coordinateMax))
  entry.set('y', finite(v.y, 0, L.coordinateMax))
  if (v.note) entry.set('note', v.note)
  return entry
}

function withVariable(
  doc: Y.Doc,
  diagramId: string,
  variableId: string,
  fn: (entry: YRecord, parts: DiagramParts) => DiagramResult<void>,
): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    const entry = parts.variables.get(variableId)
    return entry instanceof Y.Map ? fn(entry, parts) : fail('no-variable', 'That variable is no longer in the diagram.')
  })
}

export function renameVariable(doc: Y.Doc, diagramId: string, variableId: string, label: string, origin: unknown): DiagramResult {
  return withVariable(doc, diagramId, variableId, (entry) => {
    const parsed = LabelSchema.safeParse(label)
    if (!parsed.success) return fail('invalid', `Variable: ${firstIssue(parsed.error)}.`)
    if (entry.get('label') !== parsed.data) doc.transact(() => entry.set('label', parsed.data), origin)
    return ok(undefined)
  })
}

export function setVariableNote(doc: Y.Doc, diagramId: string, variableId: string, note: string, origin: unknown): DiagramResult {
  return withVariable(doc, diagramId, variableId, (entry) => {
    const parsed = NoteSchema.safeParse(note)
    if (!parsed.success) return fail('invalid', `Note: ${firstIssue(parsed.error)}.`)
    doc.transact(() => (parsed.data.trim() ? entry.set('note', parsed.data) : entry.delete('note')), origin)
    return ok(undefined)
  })
}

/** Commit positions (after a drag or a layout) in one transaction; unknown ids are ignored. */
export function moveVariables(
  doc: Y.Doc,
  diagramId: string,
  positions: Readonly<Record<string, { x: number; y: number }>>,
  origin: unknown,
): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    doc.transact(() => {
      for (const [id, p] of Object.entries(positions)) {
        const entry = parts.variables.get(id)
        if (!(entry instanceof Y.Map)) continue
        const x = finite(p.x, 0, L.coordinateMax)
        const y = finite(p.y, 0, L.coordinateMax)
        if (entry.get('x') !== x) entry.set('x', x)
        if (entry.get('y') !== y) entry.set('y', y)
      }
    }, origin)
    return ok(undefined)
  })
}

export function moveVariable(doc: Y.Doc, diagramId: string, variableId: string, x: number, y: number, origin: unknown): DiagramResult {
  return withVariable(doc, diagramId, variableId, () => moveVariables(doc, diagramId, { [variableId]: { x, y } }, origin))
}

/** Delete variables and links together; a deleted variable takes its links with it. */
export function deleteItems(
  doc: Y.Doc,
  diagramId: string,
  items: { variableIds?: readonly string[]; linkIds?: readonly string[] },
  origin: unknown,
): DiagramResult<{ deletedLinks: string[] }> {
  return withDiagram(doc, diagramId, (parts) => {
    const gone = new Set((items.variableIds ?? []).filter((id) => parts.variables.has(id)))
    const deletedLinks = new Set((items.linkIds ?? []).filter((id) => parts.links.has(id)))
    for (const [id, entry] of parts.links.entries()) {
      const from = entry instanceof Y.Map ? entry.get('from') : undefined
      const to = entry instanceof Y.Map ? entry.get('to') : undefined
      if (gone.has(from as string) || gone.has(to as string)) deletedLinks.add(id)
    }
    doc.transact(() => {
      for (const id of deletedLinks) parts.links.delete(id)
      for (const id of gone) parts.variables.delete(id)
    }, origin)
    return ok({ deletedLinks: [...deletedLinks].sort() })
  })
}

export function deleteVariable(doc: Y.Doc, diagramId: string, variableId: string, origin: unknown): DiagramResult<{ deletedLinks: string[] }> {
  const parts = diagramParts(doc, diagramId)
  if (parts && !parts.variables.has(variableId)) return fail('no-variable', 'That variable is no longer in the diagram.')
  return deleteItems(doc, diagramId, { variableIds: [variableId] }, origin)
}

export function setLoopName(doc: Y.Doc, diagramId: string, loopId: string, name: string, origin: unknown): DiagramResult {
  return withDiagram(doc, diagramId, ({ loopNames }) => {
    const parsed = LoopNameSchema.safeParse(name)
    if (!parsed.success) return fail('invalid', `Loop name: ${firstIssue(parsed.error)}.`)
    if ((loopNames.get(loopId) ?? '') === parsed.data) return ok(undefined)
    doc.transact(() => (parsed.data ? loopNames.set(loopId, parsed.data) : loopNames.delete(loopId)), origin)
    return ok(undefined)
  })
}

/**
 * Write the numbers the loops are shown with (loops new to the document, and loops
 * that lost a clash: see loopNumbers.ts). Returns how many entries were written; 0
 * (nothing written) when every number shown is already in the document.
 */
export function assignLoopNumbers(doc: Y.Doc, diagramId: string, loops: readonly Loop[], origin: unknown): DiagramResult<number> {
  return withDiagram(doc, diagramId, (parts) => {
    const writes = numbersToWrite(loops, readAssignedNumbers(parts.loopNumbers))
    return ok(writeNumbers(doc, parts, writes, false, origin))
  })
}

/** Number the loops afresh from 1 (R1, R2, B1 in list order), forgetting loops that are gone: a facilitator's choice. */
export function renumberLoops(doc: Y.Doc, diagramId: string, loops: readonly Loop[], origin: unknown): DiagramResult<number> {
  return withDiagram(doc, diagramId, (parts) => ok(writeNumbers(doc, parts, freshNumbers(loops), true, origin)))
}

function writeNumbers(doc: Y.Doc, parts: DiagramParts, writes: Record<string, number>, clear: boolean, origin: unknown): number {
  const entries = Object.entries(writes)
  if (entries.length === 0 && !clear) return 0
  doc.transact(() => {
    // An older diagram gets its map here. Two peers doing this at once each make one and
    // one map wins; the other's numbers are lost, and written again (the same, as every
    // peer computes them the same way) when its loops are next analysed.
    let map = parts.loopNumbers
    if (!map) parts.root.set('loopNumbers', (map = new Y.Map<unknown>()))
    if (clear) for (const key of [...map.keys()]) if (writes[key] === undefined) map.delete(key)
    for (const [key, n] of entries) if (map.get(key) !== n) map.set(key, n)
  }, origin)
  return entries.length
}

export interface NewLink {
  from: string
  to: string
  polarity?: Polarity
  delay?: boolean
  curve?: number
  label?: string
}

export interface LinkPatch {
  polarity?: Polarity
  delay?: boolean
  curve?: number
  label?: string
}

function checkPatch(patch: LinkPatch): DiagramError | null {
  if (patch.polarity !== undefined && !PolaritySchema.safeParse(patch.polarity).success) return { code: 'invalid', message: 'Polarity is +, - or ?.' }
  if (patch.curve !== undefined && !CurveSchema.safeParse(patch.curve).success) return { code: 'invalid', message: 'Curve is a number from -1 to 1.' }
  const label = patch.label === undefined ? null : LinkLabelSchema.safeParse(patch.label)
  if (label && !label.success) return { code: 'invalid', message: `Link label: ${firstIssue(label.error)}.` }
  return null
}

function applyPatch(entry: YRecord, patch: LinkPatch): void {
  if (patch.polarity !== undefined && entry.get('polarity') !== patch.polarity) entry.set('polarity', patch.polarity)
  if (patch.delay !== undefined && entry.get('delay') !== patch.delay) entry.set('delay', patch.delay)
  if (patch.curve !== undefined && entry.get('curve') !== patch.curve) entry.set('curve', patch.curve)
  if (patch.label !== undefined) {
    const label = patch.label.trim()
    if (label) entry.set('label', label)
    else entry.delete('label')
  }
}

/** Existing link from `from` to `to` (direction matters: a link back is a two-variable loop). */
export function findLink(parts: DiagramParts, from: string, to: string): string | null {
  for (const [id, entry] of parts.links.entries()) {
    if (entry instanceof Y.Map && entry.get('from') === from && entry.get('to') === to) return id
  }
  return null
}

export function addLink(doc: Y.Doc, diagramId: string, input: NewLink, origin: unknown): DiagramResult<string> {
  return withDiagram(doc, diagramId, (parts) => {
    for (const end of [input.from, input.to]) {
      if (!(parts.variables.get(end) instanceof Y.Map)) return fail('no-variable', 'A link needs a variable at both ends.')
    }
    if (input.from === input.to) return fail('self-link', 'A link needs two different variables.')
    if (findLink(parts, input.from, input.to)) {
      return fail('duplicate-link', `There is already a link from ${labelOf(parts, input.from)} to ${labelOf(parts, input.to)}.`)
    }
    if (parts.links.size >= L.maxLinks) return fail('too-many', `A diagram holds at most ${L.maxLinks} links.`)
    const patch: LinkPatch = { polarity: input.polarity ?? '+', delay: input.delay ?? false, curve: input.curve ?? 0, label: input.label }
    const problem = checkPatch(patch)
    if (problem) return { ok: false, error: problem }
    const id = newItemId()
    doc.transact(() => parts.links.set(id, linkRecord(input.from, input.to, patch)), origin)
    return ok(id)
  })
}

export function linkRecord(from: string, to: string, patch: LinkPatch): YRecord {
  const entry = new Y.Map<unknown>()
  entry.set('from', from)
  entry.set('to', to)
  // Written without applyPatch: reading a map that is not in a document yet makes Yjs warn.
  entry.set('polarity', patch.polarity ?? '+')
  entry.set('delay', patch.delay ?? false)
  entry.set('curve', patch.curve ?? 0)
  const label = patch.label?.trim()
  if (label) entry.set('label', label)
  return entry
}

export function updateLink(doc: Y.Doc, diagramId: string, linkId: string, patch: LinkPatch, origin: unknown): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    const entry = parts.links.get(linkId)
    if (!(entry instanceof Y.Map)) return fail('no-link', 'That link is no longer in the diagram.')
    const problem = checkPatch(patch)
    if (problem) return { ok: false, error: problem }
    doc.transact(() => applyPatch(entry, patch), origin)
    return ok(undefined)
  })
}

export const setLinkPolarity = (doc: Y.Doc, diagramId: string, linkId: string, polarity: Polarity, origin: unknown) =>
  updateLink(doc, diagramId, linkId, { polarity }, origin)
export const setLinkDelay = (doc: Y.Doc, diagramId: string, linkId: string, delay: boolean, origin: unknown) =>
  updateLink(doc, diagramId, linkId, { delay }, origin)
export const setLinkCurve = (doc: Y.Doc, diagramId: string, linkId: string, curve: number, origin: unknown) =>
  updateLink(doc, diagramId, linkId, { curve }, origin)

export function deleteLink(doc: Y.Doc, diagramId: string, linkId: string, origin: unknown): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    if (!parts.links.has(linkId)) return fail('no-link', 'That link is no longer in the diagram.')
    doc.transact(() => parts.links.delete(linkId), origin)
    return ok(undefined)
  })
}
