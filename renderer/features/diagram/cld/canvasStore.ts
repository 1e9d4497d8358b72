// Long file (about 480 lines) on purpose: one incremental mapping from the Yjs diagram to
// React Flow's nodes and edges, with the caches that keep it incremental; its parts only
// make sense together.
import type { Edge, EdgeChange, Node, NodeChange } from '@xyflow/react'
import * as Y from 'yjs'
import { readAssignedNumbers, readLink, readLoopNames, readVariable, type CausalLink, type DiagramParts, type Polarity, type Variable } from '../../../../shared/diagram'
import type { Message } from '../../../../shared/i18n'
import { ValueStore, shallowEqual } from '../../../sync'
import type { Point } from '../geometry'
import { ENGLISH, polarityKey, type Translate } from '../words'

export type VariableData = { label: string; degree: number; locked?: boolean }
/** `fromSize`/`toSize`: the two variables' measured boxes, so a link can be drawn from box edge to box edge without reading React Flow's store. */
export type LinkData = { polarity: Polarity; delay: boolean; curve: number; reverse: boolean; label?: string; fromSize: Size; toSize: Size }
export interface Size {
  width: number
  height: number
}
const DEFAULT_SIZE: Size = { width: 120, height: 44 }
/**
 * The handle links are drawn from and to: the variable's whole box (see VariableNodeView).
 * React Flow reports its left-middle point; the link adds half the box's width.
 */
export const ANCHOR = 'centre'
export type VariableNode = Node<VariableData, 'variable'>
export type LinkEdge = Edge<LinkData, 'link'>

export interface CanvasSnapshot {
  nodes: VariableNode[]
  edges: LinkEdge[]
}

export interface Selection {
  variables: string[]
  links: string[]
}

const sameSelection = (a: Selection, b: Selection): boolean =>
  a.variables.length === b.variables.length &&
  a.links.length === b.links.length &&
  a.variables.every((id, i) => id === b.variables[i]) &&
  a.links.every((id, i) => id === b.links[i])

const VARIABLE_LABEL: Message = {
  id: 'diagram.canvas.variableLabel',
  defaultMessage: 'Variable: {label}, {degree, plural, one {# link} other {# links}}{locked, select, yes {, locked} other {}}',
}
const LINK_LABEL: Message = {
  id: 'diagram.canvas.linkLabel',
  defaultMessage: '{from} {polarity, select, plus {increases} minus {decreases} other {affects}} {to}{delay, select, yes {, delay} other {}}{labelled, select, yes {, “{label}”} other {}}',
}
const pairKey = (from: string, to: string): string => `${from}\u0000${to}`
const raf: (fn: () => void) => unknown =
  typeof requestAnimationFrame === 'function' ? (fn) => requestAnimationFrame(fn) : (fn) => setTimeout(fn, 16)

interface RemoteDrag {
  shown: Point
  target: Point
  /** Set when the dragger let go: hold the last position until their commit arrives. */
  heldSince?: number
}

/**
 * One diagram as React Flow nodes and edges, kept in step with the document
 * incrementally: observeDeep says which variables and links changed, and only their
 * node or edge objects are rebuilt. Untouched objects keep their identity, so React
 * Flow re-renders only what changed (one remote keystroke = one node).
 *
 * Positions shown are, in order: the temporary circle view, my own drag in progress,
 * someone else's drag in progress (animated), and the document.
 */
export class CanvasStore {
  readonly variables = new Map<string, Variable>()
  /** Every readable link, including ones whose ends are missing (drawn only when both ends exist). */
  readonly links = new Map<string, CausalLink>()
  readonly selection = new ValueStore<Selection>({ variables: [], links: [] }, sameSelection)
  /** Bumped when loops may have changed (links, their signs, variables coming or going). */
  readonly structure = new ValueStore(0)
  /** Bumped on any change but a move (labels, links): what a text view shows. */
  readonly content = new ValueStore(0)
  readonly loopNames = new ValueStore<Record<string, string>>({}, shallowEqual)
  /** The loop numbers kept in the document (loopNumbers.ts), by "loopId:kind". */
  readonly loopNumbers = new ValueStore<Record<string, number>>({}, shallowEqual)

  private drawn = new Set<string>()
  private byVariable = new Map<string, Set<string>>()
  private byPair = new Map<string, Set<string>>()
  private nodeObjects = new Map<string, VariableNode>()
  /** Variables under a lock (shared/facilitation/locks.ts): not draggable, marked with a lock. */
  private locked = new Set<string>()
  private lockedAll = false
  private edgeObjects = new Map<string, LinkEdge>()
  private selected = new Set<string>()
  private measured = new Map<string, { width: number; height: number }>()
  private localDrag = new Map<string, Point>()
  private remote = new Map<string, RemoteDrag>()
  private view: Readonly<Record<string, Point>> | null = null
  private snapshot: CanvasSnapshot = { nodes: [], edges: [] }
  private listeners = new Set<() => void>()
  private dirtyNodes = new Set<string>()
  private dirtyEdges = new Set<string>()
  private membership = true
  private animating = false
  private destroyed = false
  /** The words of the nodes' and edges' labels for screen readers (setTranslator). */
  private t: Translate = ENGLISH

  constructor(private readonly parts: DiagramParts) {
    for (const id of parts.variables.keys()) this.readVariable(id)
    for (const id of parts.links.keys()) this.readLink(id)
    this.refreshLoopNames()
    this.readLoopNumbers()
    parts.root.observeDeep(this.onDocChange)
    this.flush()
  }

  destroy(): void {
    this.destroyed = true
    this.parts.root.unobserveDeep(this.onDocChange)
    this.listeners.clear()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get = (): CanvasSnapshot => this.snapshot

  /** Say the labels in the person's language: every node and edge is rebuilt once with the new words. */
  setTranslator(t: Translate): void {
    if (t === this.t) return
    this.t = t
    for (const id of this.variables.keys()) this.dirtyNodes.add(id)
    for (const id of this.drawn) this.dirtyEdges.add(id)
    this.flush()
  }

  /** Where a variable is shown right now (drags and views included). */
  position(id: string): Point | undefined {
    const v = this.variables.get(id)
    if (!v) return undefined
    return this.view?.[id] ?? this.localDrag.get(id) ?? this.remote.get(id)?.shown ?? { x: v.x, y: v.y }
  }

  size(id: string): { width: number; height: number } | undefined {
    return this.measured.get(id)
  }

  isDrawn(linkId: string): boolean {
    return this.drawn.has(linkId)
  }

  /** The links drawn (both ends present, not to itself). */
  drawnLinks(): CausalLink[] {
    return [...this.drawn].map((id) => this.links.get(id)!).filter(Boolean)
  }

  linksOf(variableId: string): CausalLink[] {
    return [...(this.byVariable.get(variableId) ?? [])].filter((id) => this.drawn.has(id)).map((id) => this.links.get(id)!)
  }

  reverseOf(link: Pick<CausalLink, 'from' | 'to'>): string | undefined {
    const set = this.byPair.get(pairKey(link.to, link.from))
    return set ? [...set][0] : undefined
  }

  // ---- the document ----

  private onDocChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    let names = false
    let numbers = false
    for (const event of events) {
      const [head, id] = event.path as string[]
      // The numbers map itself may arrive later (an older diagram gets one on first use).
      if (head === 'loopNumbers' || (event.path.length === 0 && event.changes.keys.has('loopNumbers'))) numbers = true
      const keys = event.path.length === 1 && event.changes ? [...event.changes.keys.keys()] : id !== undefined ? [id] : []
      if (head === 'variables') for (const key of keys) this.readVariable(key)
      else if (head === 'links') for (const key of keys) this.readLink(key)
      else if (head === 'loopNames') names = true
    }
    if (names) this.refreshLoopNames()
    if (numbers) this.readLoopNumbers()
    this.flush()
  }

  private readVariable(id: string): void {
    const before = this.variables.get(id)
    const after = readVariable(id, this.parts.variables.get(id))
    if (!after) {
      if (!before) return
      this.variables.delete(id)
      this.localDrag.delete(id)
      this.remote.delete(id)
      this.selected.delete(id)
      this.membership = true
    } else {
      this.variables.set(id, after)
      if (!before) this.membership = true
      const moved = !before || before.x !== after.x || before.y !== after.y
      // Someone's drag ended and their position arrived: stop holding it.
      if (moved && this.remote.get(id)?.heldSince !== undefined) this.remote.delete(id)
      if (before && before.label === after.label && before.note === after.note && !moved) return
      if (before?.label !== after.label) for (const linkId of this.byVariable.get(id) ?? []) this.dirtyEdges.add(linkId)
      if (!before || before.label !== after.label || before.note !== after.note) this.bump(this.content)
    }
    this.dirtyNodes.add(id)
    if (!before || !after) {
      // A link may have arrived before its variable, or lost an end.
      // A copy: readLink takes each link out of this set and puts it back, which a live iteration would visit forever.
      for (const linkId of [...(this.byVariable.get(id) ?? [])]) this.readLink(linkId)
      this.bump(this.structure)
      this.bump(this.content)
    }
  }

  private readLink(id: string): void {
    const before = this.links.get(id)
    const after = readLink(id, this.parts.links.get(id))
    if (before) {
      this.byVariable.get(before.from)?.delete(id)
      this.byVariable.get(before.to)?.delete(id)
      this.byPair.get(pairKey(before.from, before.to))?.delete(id)
    }
    const wasDrawn = this.drawn.delete(id)
    if (after) {
      this.links.set(id, after)
      for (const end of [after.from, after.to]) {
        let set = this.byVariable.get(end)
        if (!set) this.byVariable.set(end, (set = new Set()))
        set.add(id)
      }
    } else this.links.delete(id)
    const drawn = !!after && after.from !== after.to && this.variables.has(after.from) && this.variables.has(after.to)
    if (drawn) {
      this.drawn.add(id)
      const key = pairKey(after.from, after.to)
      let set = this.byPair.get(key)
      if (!set) this.byPair.set(key, (set = new Set()))
      set.add(id)
    } else this.selected.delete(id)
    if (drawn !== wasDrawn) this.membership = true
    this.dirtyEdges.add(id)
    // Degrees (in aria labels) and the automatic bend of a two-way pair change with it.
    for (const link of [before, after]) {
      if (!link) continue
      this.dirtyNodes.add(link.from)
      this.dirtyNodes.add(link.to)
      for (const other of this.byPair.get(pairKey(link.to, link.from)) ?? []) this.dirtyEdges.add(other)
    }
    const structural = !before || !after || drawn !== wasDrawn || before.polarity !== after.polarity || before.from !== after.from || before.to !== after.to
    if (structural) this.bump(this.structure)
    this.bump(this.content)
  }

  private refreshLoopNames(): void {
    // Cut at the schema's cap (shared/diagram/records/loopName.ts), as every read of the names is.
    this.loopNames.set(readLoopNames(this.parts.loopNames))
  }

  private readLoopNumbers(): void {
    const map = this.parts.root.get('loopNumbers')
    this.loopNumbers.set(readAssignedNumbers(map instanceof Y.Map ? (map as Y.Map<unknown>) : null))
  }

  private bump(store: ValueStore<number>): void {
    store.set(store.get() + 1)
  }

  // ---- React Flow ----

  onNodesChange = (changes: NodeChange<VariableNode>[]): Record<string, Point> | null => {
    let nudged: Record<string, Point> | null = null
    let selection = false
    for (const change of changes) {
      if (change.type === 'position' && change.position && this.variables.has(change.id) && !this.view) {
        this.localDrag.set(change.id, change.position)
        this.dirtyNodes.add(change.id)
        if (!change.dragging && !this.dragging) (nudged ??= {})[change.id] = change.position
      } else if (change.type === 'select') {
        selection = this.select(change.id, change.selected) || selection
      } else if (change.type === 'dimensions' && change.dimensions) {
        const old = this.measured.get(change.id)
        if (!old || old.width !== change.dimensions.width || old.height !== change.dimensions.height) {
          this.measured.set(change.id, change.dimensions)
          this.dirtyNodes.add(change.id)
          for (const linkId of this.byVariable.get(change.id) ?? []) this.dirtyEdges.add(linkId)
        }
      }
    }
    this.flush()
    if (selection) this.publishSelection()
    return nudged
  }

  onEdgesChange = (changes: EdgeChange<LinkEdge>[]): void => {
    let selection = false
    for (const change of changes) if (change.type === 'select') selection = this.select(change.id, change.selected) || selection
    this.flush()
    if (selection) this.publishSelection()
  }

  private dragging = false

  beginDrag(): void {
    this.dragging = true
  }

  /** The positions to commit for the drag that just ended. */
  endDrag(): Record<string, Point> {
    this.dragging = false
    return Object.fromEntries(this.localDrag)
  }

  /** After a commit (or a cancelled drag): show the document's positions again. */
  clearLocal(ids?: Iterable<string>): void {
    for (const id of ids ?? [...this.localDrag.keys()]) {
      if (this.localDrag.delete(id)) this.dirtyNodes.add(id)
    }
    this.flush()
  }

  /** A temporary layout (the connection circle) shown instead of the stored positions; null to leave it. */
  /** Which variables are locked now (a whole-diagram lock or a region's). */
  setLocked(ids: Iterable<string>, all = false): void {
    const next = new Set(ids)
    const was = (id: string): boolean => this.lockedAll || this.locked.has(id)
    const will = (id: string): boolean => all || next.has(id)
    for (const id of this.variables.keys()) if (was(id) !== will(id)) this.dirtyNodes.add(id)
    this.locked = next
    this.lockedAll = all
    this.flush()
  }

  setView(positions: Readonly<Record<string, Point>> | null): void {
    this.view = positions
    for (const id of this.variables.keys()) this.dirtyNodes.add(id)
    this.flush()
  }

  get viewing(): boolean {
    return this.view !== null
  }

  private select(id: string, on: boolean): boolean {
    const known = this.variables.has(id) || this.drawn.has(id)
    if (!known || this.selected.has(id) === on) return false
    if (on) this.selected.add(id)
    else this.selected.delete(id)
    if (this.variables.has(id)) this.dirtyNodes.add(id)
    else this.dirtyEdges.add(id)
    return true
  }

  setSelection(ids: Iterable<string>): void {
    const next = new Set([...ids].filter((id) => this.variables.has(id) || this.drawn.has(id)))
    for (const id of [...this.selected]) if (!next.has(id)) this.select(id, false)
    for (const id of next) this.select(id, true)
    this.flush()
    this.publishSelection()
  }

  selectAll(): void {
    this.setSelection([...this.variables.keys(), ...this.drawn])
  }

  private publishSelection(): void {
    const variables = [...this.selected].filter((id) => this.variables.has(id)).sort()
    const links = [...this.selected].filter((id) => this.drawn.has(id)).sort()
    this.selection.set({ variables, links })
  }

  // ---- other people's drags ----

  /** Everyone's drags in progress on this diagram, by variable id. */
  setRemoteDrags(targets: ReadonlyMap<string, Point>): void {
    const now = Date.now()
    for (const [id, target] of targets) {
      if (!this.variables.has(id) || this.localDrag.has(id)) continue
      const drag = this.remote.get(id)
      if (drag) {
        drag.target = target
        drag.heldSince = undefined
      } else this.remote.set(id, { shown: this.position(id)!, target })
    }
    for (const [id, drag] of this.remote) if (!targets.has(id) && drag.heldSince === undefined) drag.heldSince = now
    this.animate()
  }

  private animate(): void {
    if (this.animating || this.destroyed) return
    this.animating = true
    raf(this.tick)
  }

  private tick = (): void => {
    this.animating = false
    if (this.destroyed) return
    let moving = false
    const now = Date.now()
    for (const [id, drag] of this.remote) {
      // Their commit normally lands first; if it never comes (they went offline), stop holding.
      if (drag.heldSince !== undefined && now - drag.heldSince > 1500) {
        this.remote.delete(id)
        this.dirtyNodes.add(id)
        continue
      }
      const dx = drag.target.x - drag.shown.x
      const dy = drag.target.y - drag.shown.y
      if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) {
        if (dx || dy) {
          drag.shown = drag.target
          this.dirtyNodes.add(id)
        }
        if (drag.heldSince !== undefined) moving = true
        continue
      }
      // Ease towards the latest reported position: updates arrive every ~50 ms, frames every ~16.
      drag.shown = { x: drag.shown.x + dx * 0.4, y: drag.shown.y + dy * 0.4 }
      this.dirtyNodes.add(id)
      moving = true
    }
    this.flush()
    if (moving) this.animate()
  }

  // ---- building the snapshot ----

  private flush(): void {
    if (this.dirtyNodes.size === 0 && this.dirtyEdges.size === 0 && !this.membership) return
    for (const id of this.dirtyNodes) this.buildNode(id)
    for (const id of this.dirtyEdges) this.buildEdge(id)
    let { nodes, edges } = this.snapshot
    if (this.membership) {
      nodes = [...this.variables.keys()].map((id) => this.nodeObjects.get(id)!)
      edges = [...this.drawn].map((id) => this.edgeObjects.get(id)!)
    } else {
      if (this.dirtyNodes.size) nodes = nodes.map((n) => (this.dirtyNodes.has(n.id) ? this.nodeObjects.get(n.id)! : n))
      if (this.dirtyEdges.size) edges = edges.map((e) => (this.dirtyEdges.has(e.id) ? this.edgeObjects.get(e.id)! : e))
    }
    this.membership = false
    this.dirtyNodes.clear()
    this.dirtyEdges.clear()
    this.snapshot = { nodes, edges }
    for (const listener of [...this.listeners]) listener()
  }

  private buildNode(id: string): void {
    const v = this.variables.get(id)
    if (!v) {
      this.nodeObjects.delete(id)
      return
    }
    const degree = this.linksOf(id).length
    const old = this.nodeObjects.get(id)
    const locked = this.lockedAll || this.locked.has(id)
    const data = old && old.data.label === v.label && old.data.degree === degree && !!old.data.locked === locked ? old.data : { label: v.label, degree, locked }
    const node: VariableNode = {
      id,
      type: 'variable',
      position: this.position(id)!,
      data,
      selected: this.selected.has(id),
      ariaLabel: this.t(VARIABLE_LABEL, { label: v.label, degree, locked: locked ? 'yes' : 'no' }),
    }
    if (locked) node.draggable = false
    const measured = this.measured.get(id)
    if (measured) node.measured = measured
    this.nodeObjects.set(id, node)
  }

  private buildEdge(id: string): void {
    const link = this.links.get(id)
    if (!link || !this.drawn.has(id)) {
      this.edgeObjects.delete(id)
      return
    }
    const from = this.variables.get(link.from)!.label
    const to = this.variables.get(link.to)!.label
    const reverse = (this.byPair.get(pairKey(link.to, link.from))?.size ?? 0) > 0
    const fromSize = this.measured.get(link.from) ?? DEFAULT_SIZE
    const toSize = this.measured.get(link.to) ?? DEFAULT_SIZE
    const old = this.edgeObjects.get(id)?.data
    const same =
      old &&
      old.polarity === link.polarity &&
      old.delay === link.delay &&
      old.curve === link.curve &&
      old.reverse === reverse &&
      old.label === link.label &&
      old.fromSize === fromSize &&
      old.toSize === toSize
    const data: LinkData = same ? old : { polarity: link.polarity, delay: link.delay, curve: link.curve, reverse, label: link.label, fromSize, toSize }
    this.edgeObjects.set(id, {
      id,
      type: 'link',
      source: link.from,
      target: link.to,
      sourceHandle: ANCHOR,
      targetHandle: ANCHOR,
      data,
      selected: this.selected.has(id),
      ariaLabel: this.t(LINK_LABEL, {
        from,
        to,
        polarity: polarityKey(link.polarity),
        delay: link.delay ? 'yes' : 'no',
        labelled: link.label ? 'yes' : 'no',
        label: link.label ?? '',
      }),
    })
  }
}
