import * as Y from 'yjs'
import { DOC_KEYS } from '../session/schema'
import { newItemId } from '../session/ids'
import type { Origin } from '../session/origins'
import type { Message } from '../i18n/messages'
import { fail as failWith, ok, said, spoken, type Failure, type Result, type Said } from '../result'
import { DIAGRAM_LIMITS as L, clampLabel } from './limits'
import type { Diagram, Loop } from './model'
import { freshNumbers, numbersToWrite, readAssignedNumbers } from './loopNumbers'
import { diagramRecord, fitTitle, readDiagramHeader, type DiagramHeader, type DiagramKind } from './records/diagram'
import { checkLabel, checkNote, checkVariable, fitCoordinate, readVariable, variableRecord, type NewVariable, type Variable } from './records/variable'
import { applyLinkPatch, checkLinkPatch, linkRecord, readLink, type CausalLink, type LinkPatch, type Polarity } from './records/link'
import { checkLoopName, readLoopNames } from './records/loopName'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const DIAGRAM_MESSAGES = {
  diagramGone: { id: 'shared.diagram.diagramGone', defaultMessage: 'This diagram is no longer here.' },
  tooManyVariables: { id: 'shared.diagram.tooManyVariables', defaultMessage: 'A diagram holds at most {max} variables.' },
  variableGone: { id: 'shared.diagram.variableGone', defaultMessage: 'That variable is no longer in the diagram.' },
  needsEnds: { id: 'shared.diagram.needsEnds', defaultMessage: 'A link needs a variable at both ends.' },
  selfLink: { id: 'shared.diagram.selfLink', defaultMessage: 'A link needs two different variables.' },
  duplicateLink: { id: 'shared.diagram.duplicateLink', defaultMessage: 'There is already a link from "{from}" to "{to}".' },
  tooManyLinks: { id: 'shared.diagram.tooManyLinks', defaultMessage: 'A diagram holds at most {max} links.' },
  linkGone: { id: 'shared.diagram.linkGone', defaultMessage: 'That link is no longer in the diagram.' },
} as const
const MSG = DIAGRAM_MESSAGES

export { readVariable, variableRecord, type NewVariable } from './records/variable'
export { readLink, linkRecord, type LinkPatch } from './records/link'

/**
 * Where a diagram lives in the convening document:
 *
 *   doc.getMap('diagrams'): Y.Map<diagramId, Y.Map>
 *     └─ diagramId: Y.Map
 *          ├─ title: string, kind: 'cld' | 'iceberg' | 'bot', createdAt: number      records/diagram.ts
 *          ├─ variables: Y.Map<variableId, Y.Map{ label, x, y, note? }>          records/variable.ts
 *          ├─ links:     Y.Map<linkId, Y.Map{ from, to, polarity, delay, curve, label? }>   records/link.ts
 *          ├─ loopNames: Y.Map<loopId, string>                                   records/loopName.ts
 *          └─ loopNumbers: Y.Map<"loopId:kind", number>   (loopNumbers.ts; absent in older diagrams)
 *
 * Each record's schema is in its file under records/ and serves both ways: writes are
 * checked with it, reads are parsed with it after fitting what a peer wrote (see
 * records/variable.ts).
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
/** A refusal carries its code for callers that react to it, and its message at the top like every Result. */
export type DiagramResult<T = void> = Result<T, { error: DiagramError }>
export type DiagramRefusal = Failure<{ error: DiagramError }>

export const fail = (code: DiagramErrorCode, what: string | Message | Said): DiagramRefusal =>
  failWith(what, { error: { code, message: spoken(what).message } })

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
  return parts ? fn(parts) : fail('no-diagram', MSG.diagramGone)
}

/** A refusal of a record's check, as a diagram refusal. */
const invalid = (refused: Failure): DiagramRefusal => fail('invalid', refused.said ?? refused.message)

export function createDiagram(
  doc: Y.Doc,
  input: { title: string; kind?: DiagramKind; createdAt?: number; id?: string },
  origin: Origin,
): DiagramResult<string> {
  const id = input.id ?? newItemId()
  doc.transact(() => {
    const root = diagramRecord({ title: input.title, kind: input.kind ?? 'cld', createdAt: input.createdAt ?? Date.now() })
    root.set('variables', new Y.Map())
    root.set('links', new Y.Map())
    root.set('loopNames', new Y.Map())
    root.set('loopNumbers', new Y.Map())
    diagramsMap(doc).set(id, root)
  }, origin)
  return ok(id)
}

export function renameDiagram(doc: Y.Doc, diagramId: string, title: string, origin: Origin): DiagramResult {
  return withDiagram(doc, diagramId, ({ root }) => {
    doc.transact(() => root.set('title', fitTitle(title)), origin)
    return ok()
  })
}

export function deleteDiagram(doc: Y.Doc, diagramId: string, origin: Origin): DiagramResult {
  if (!diagramsMap(doc).has(diagramId)) return fail('no-diagram', MSG.diagramGone)
  doc.transact(() => diagramsMap(doc).delete(diagramId), origin)
  return ok()
}

export function listDiagrams(doc: Y.Doc): ({ id: string } & DiagramHeader)[] {
  const out: ({ id: string } & DiagramHeader)[] = []
  for (const [id, root] of diagramsMap(doc).entries()) {
    if (!(root instanceof Y.Map)) continue
    out.push({ id, ...readDiagramHeader(root) })
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
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
  const loopNames = readLoopNames(parts.loopNames)
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const loopNumbers = readAssignedNumbers(parts.loopNumbers)
  return { id: diagramId, ...readDiagramHeader(parts.root), variables: variables.sort(byId), links: links.sort(byId), loopNames, loopNumbers }
}

function labelOf(parts: DiagramParts, variableId: string): string | null {
  const label = parts.variables.get(variableId)?.get('label')
  return typeof label === 'string' ? clampLabel(label, 40) : null
}

export function addVariable(doc: Y.Doc, diagramId: string, input: NewVariable, origin: Origin): DiagramResult<string> {
  return withDiagram(doc, diagramId, (parts) => {
    if (parts.variables.size >= L.maxVariables) return fail('too-many', said(MSG.tooManyVariables, { max: L.maxVariables }))
    const checked = checkVariable(input)
    if (!checked.ok) return invalid(checked)
    const id = newItemId()
    doc.transact(() => parts.variables.set(id, variableRecord(checked.value)), origin)
    return ok(id)
  })
}

function withVariable(
  doc: Y.Doc,
  diagramId: string,
  variableId: string,
  fn: (entry: YRecord, parts: DiagramParts) => DiagramResult<void>,
): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    const entry = parts.variables.get(variableId)
    return entry instanceof Y.Map ? fn(entry, parts) : fail('no-variable', MSG.variableGone)
  })
}

export function renameVariable(doc: Y.Doc, diagramId: string, variableId: string, label: string, origin: Origin): DiagramResult {
  return withVariable(doc, diagramId, variableId, (entry) => {
    const checked = checkLabel(label)
    if (!checked.ok) return invalid(checked)
    if (entry.get('label') !== checked.value) doc.transact(() => entry.set('label', checked.value), origin)
    return ok()
  })
}

export function setVariableNote(doc: Y.Doc, diagramId: string, variableId: string, note: string, origin: Origin): DiagramResult {
  return withVariable(doc, diagramId, variableId, (entry) => {
    const checked = checkNote(note)
    if (!checked.ok) return invalid(checked)
    doc.transact(() => (checked.value.trim() ? entry.set('note', checked.value) : entry.delete('note')), origin)
    return ok()
  })
}

/** Commit positions (after a drag or a layout) in one transaction; unknown ids are ignored. */
export function moveVariables(
  doc: Y.Doc,
  diagramId: string,
  positions: Readonly<Record<string, { x: number; y: number }>>,
  origin: Origin,
): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    doc.transact(() => {
      for (const [id, p] of Object.entries(positions)) {
        const entry = parts.variables.get(id)
        if (!(entry instanceof Y.Map)) continue
        const x = fitCoordinate(p.x)
        const y = fitCoordinate(p.y)
        if (entry.get('x') !== x) entry.set('x', x)
        if (entry.get('y') !== y) entry.set('y', y)
      }
    }, origin)
    return ok()
  })
}

export function moveVariable(doc: Y.Doc, diagramId: string, variableId: string, x: number, y: number, origin: Origin): DiagramResult {
  return withVariable(doc, diagramId, variableId, () => moveVariables(doc, diagramId, { [variableId]: { x, y } }, origin))
}

/** Delete variables and links together; a deleted variable takes its links with it. */
export function deleteItems(
  doc: Y.Doc,
  diagramId: string,
  items: { variableIds?: readonly string[]; linkIds?: readonly string[] },
  origin: Origin,
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

export function deleteVariable(doc: Y.Doc, diagramId: string, variableId: string, origin: Origin): DiagramResult<{ deletedLinks: string[] }> {
  const parts = diagramParts(doc, diagramId)
  if (parts && !parts.variables.has(variableId)) return fail('no-variable', MSG.variableGone)
  return deleteItems(doc, diagramId, { variableIds: [variableId] }, origin)
}

export function setLoopName(doc: Y.Doc, diagramId: string, loopId: string, name: string, origin: Origin): DiagramResult {
  return withDiagram(doc, diagramId, ({ loopNames }) => {
    const checked = checkLoopName(name)
    if (!checked.ok) return invalid(checked)
    if ((loopNames.get(loopId) ?? '') === checked.value) return ok()
    doc.transact(() => (checked.value ? loopNames.set(loopId, checked.value) : loopNames.delete(loopId)), origin)
    return ok()
  })
}

/**
 * Write the numbers the loops are shown with (loops new to the document, and loops
 * that lost a clash: see loopNumbers.ts). Returns how many entries were written; 0
 * (nothing written) when every number shown is already in the document.
 */
export function assignLoopNumbers(doc: Y.Doc, diagramId: string, loops: readonly Loop[], origin: Origin): DiagramResult<number> {
  return withDiagram(doc, diagramId, (parts) => {
    const writes = numbersToWrite(loops, readAssignedNumbers(parts.loopNumbers))
    return ok(writeNumbers(doc, parts, writes, false, origin))
  })
}

/** Number the loops afresh from 1 (R1, R2, B1 in list order), forgetting loops that are gone: a facilitator's choice. */
export function renumberLoops(doc: Y.Doc, diagramId: string, loops: readonly Loop[], origin: Origin): DiagramResult<number> {
  return withDiagram(doc, diagramId, (parts) => ok(writeNumbers(doc, parts, freshNumbers(loops), true, origin)))
}

function writeNumbers(doc: Y.Doc, parts: DiagramParts, writes: Record<string, number>, clear: boolean, origin: Origin): number {
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

/** Existing link from `from` to `to` (direction matters: a link back is a two-variable loop). */
export function findLink(parts: DiagramParts, from: string, to: string): string | null {
  for (const [id, entry] of parts.links.entries()) {
    if (entry instanceof Y.Map && entry.get('from') === from && entry.get('to') === to) return id
  }
  return null
}

export function addLink(doc: Y.Doc, diagramId: string, input: NewLink, origin: Origin): DiagramResult<string> {
  return withDiagram(doc, diagramId, (parts) => {
    for (const end of [input.from, input.to]) {
      if (!(parts.variables.get(end) instanceof Y.Map)) return fail('no-variable', MSG.needsEnds)
    }
    if (input.from === input.to) return fail('self-link', MSG.selfLink)
    if (findLink(parts, input.from, input.to)) {
      const from = labelOf(parts, input.from)
      const to = labelOf(parts, input.to)
      // Both ends exist, so both have a label; the plain English is for a damaged record.
      return fail('duplicate-link', from !== null && to !== null ? said(MSG.duplicateLink, { from, to }) : `There is already a link from ${from === null ? 'that variable' : `"${from}"`} to ${to === null ? 'that variable' : `"${to}"`}.`)
    }
    if (parts.links.size >= L.maxLinks) return fail('too-many', said(MSG.tooManyLinks, { max: L.maxLinks }))
    const patch: LinkPatch = { polarity: input.polarity ?? '+', delay: input.delay ?? false, curve: input.curve ?? 0, label: input.label }
    const problem = checkLinkPatch(patch)
    if (problem) return fail('invalid', problem)
    const id = newItemId()
    doc.transact(() => parts.links.set(id, linkRecord(input.from, input.to, patch)), origin)
    return ok(id)
  })
}

export function updateLink(doc: Y.Doc, diagramId: string, linkId: string, patch: LinkPatch, origin: Origin): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    const entry = parts.links.get(linkId)
    if (!(entry instanceof Y.Map)) return fail('no-link', MSG.linkGone)
    const problem = checkLinkPatch(patch)
    if (problem) return fail('invalid', problem)
    doc.transact(() => applyLinkPatch(entry, patch), origin)
    return ok()
  })
}

export const setLinkPolarity = (doc: Y.Doc, diagramId: string, linkId: string, polarity: Polarity, origin: Origin) =>
  updateLink(doc, diagramId, linkId, { polarity }, origin)
export const setLinkDelay = (doc: Y.Doc, diagramId: string, linkId: string, delay: boolean, origin: Origin) =>
  updateLink(doc, diagramId, linkId, { delay }, origin)
export const setLinkCurve = (doc: Y.Doc, diagramId: string, linkId: string, curve: number, origin: Origin) =>
  updateLink(doc, diagramId, linkId, { curve }, origin)

export function deleteLink(doc: Y.Doc, diagramId: string, linkId: string, origin: Origin): DiagramResult {
  return withDiagram(doc, diagramId, (parts) => {
    if (!parts.links.has(linkId)) return fail('no-link', MSG.linkGone)
    doc.transact(() => parts.links.delete(linkId), origin)
    return ok()
  })
}
