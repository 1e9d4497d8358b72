import type * as Y from 'yjs'
import { assignLoopNumbers, connectionCircleLayout, renumberLoops, type DiagramParts, type Loop, type Rect } from '../../../../shared/diagram'
import { localOrigin } from '../../../../shared/session'
import { ValueStore } from '../../../sync'
import type { Point } from '../geometry'
import { Notices } from '../../../ui'
import type { Peer, PresenceHub } from '../presence'
import { KeyedStore, sameRecords } from '../state'
import { DiagramUndo } from '../undo'
import { CldActions } from './actions'
import { CanvasStore } from './canvasStore'
import { LoopService } from './loopService'
import { PlayStage } from './PlayStage'
import { ENGLISH, type Translate } from '../words'
import type { ClockReader } from '../../../../shared/facilitation'

export interface Who {
  name: string
  colour: string
}

export interface RemoteCursor {
  clientId: number
  name: string
  colour: string
  x: number
  y: number
}

/** A variable being typed before it exists (double-click, N, or a link dropped on empty canvas). */
export interface Draft {
  at: Point
  from?: string
}

/** Loop numbers are bookkeeping, not an edit of mine: never undone (undo tracks DIAGRAM_ORIGIN only). */
export const LOOP_NUMBER_ORIGIN = localOrigin('loop-numbers')

const NOBODY: readonly Who[] = []
const sameWho = (a: readonly Who[], b: readonly Who[]) => sameRecords(a, b)

type SeenState = { selection?: string[]; drag?: Record<string, Point> | null; cursor?: Point | null } | null

/**
 * Everything one open causal loop diagram needs, with one owner: the canvas store,
 * undo, loop analysis, edits, and the presence of the others on this diagram.
 * Created when the diagram's tab opens and destroyed when it closes.
 */
export class CldSession {
  readonly store: CanvasStore
  readonly undo: DiagramUndo
  readonly loops: LoopService
  readonly actions: CldActions
  readonly notices = new Notices()
  /** Variables and links of the loop being pointed at in the loops panel. */
  readonly highlight = new KeyedStore<boolean>(false)
  /** Who else has a variable or link selected. */
  readonly decor = new KeyedStore<readonly Who[]>(NOBODY, sameWho)
  readonly cursors = new ValueStore<RemoteCursor[]>([], sameRecords)
  readonly hoveredLoop = new ValueStore<Loop | null>(null)
  readonly editing = new ValueStore<string | null>(null)
  readonly draft = new ValueStore<Draft | null>(null)
  readonly linkFrom = new ValueStore<string | null>(null)
  readonly circle = new ValueStore(false)
  /** Whether this person facilitates (set by the studio as grants arrive): the loops panel offers renumbering. */
  readonly facilitating = new ValueStore(false)
  /** The whole diagram is locked (shared/facilitation/locks.ts): nothing on it can be changed. */
  readonly locked = new ValueStore(false)
  readonly patterns = new ValueStore(false)
  /** The pulse played through the diagram (PlayStage.ts); null where no shared clock was given. */
  readonly play: PlayStage | null
  /** Set by the canvas once it is showing: the middle of the view, what it shows (null before it is laid out), and ways to bring variables or a point into view. */
  viewCentre: () => Point = () => ({ x: 0, y: 0 })
  viewRect: () => Rect | null = () => null
  showPoint: (at: Point) => void = () => undefined
  showVariables: (ids: readonly string[]) => void = () => undefined
  /** The person's language for what the studio says outside React (setTranslator). */
  t: Translate = ENGLISH
  private numbersQueued = false
  private destroyed = false
  private readonly seen = new Map<number, SeenState>()
  private readonly cleanups: (() => void)[] = []

  constructor(
    readonly doc: Y.Doc,
    readonly diagramId: string,
    parts: DiagramParts,
    readonly hub: PresenceHub,
    readonly readOnly: boolean,
    /** The shared clock and who I am: a play started at T is at the same step on every screen. */
    player?: { clock: ClockReader; me: string },
  ) {
    this.store = new CanvasStore(parts)
    this.undo = new DiagramUndo(parts.root)
    this.actions = new CldActions(doc, diagramId, this.store, this.undo, this.notices, readOnly)
    this.loops = new LoopService(() => ({ variables: [...this.store.variables.values()], links: this.store.drawnLinks() }))
    this.play = player ? new PlayStage(doc, diagramId, parts, this.store, this.loops, player.clock, player.me) : null
    this.cleanups.push(
      this.store.structure.subscribe(() => {
        this.loops.schedule()
        if (this.circle.get()) this.showCircle()
      }),
      this.store.selection.subscribe(() => {
        const { variables, links } = this.store.selection.get()
        hub.publish(diagramId, { selection: [...variables, ...links].slice(0, 2000) }, true)
      }),
      this.hoveredLoop.subscribe(() => {
        const loop = this.hoveredLoop.get()
        this.highlight.replaceAll(new Map([...(loop?.variableIds ?? []), ...(loop?.linkIds ?? [])].map((id) => [id, true])))
      }),
      this.circle.subscribe(() => (this.circle.get() ? this.showCircle() : this.store.setView(null))),
      hub.onPeers(this.onPeers),
      this.loops.state.subscribe(this.keepNumbers),
      this.store.loopNumbers.subscribe(this.keepNumbers),
    )
    this.onPeers(new Set(hub.peersOn(diagramId).map((p) => p.clientId)))
  }

  /** Set by the studio as it renders: notices and the canvas's screen-reader labels speak the person's language. */
  setTranslator(t: Translate): void {
    this.t = t
    this.actions.t = t
    this.store.setTranslator(t)
  }

  destroy(): void {
    this.destroyed = true
    for (const cleanup of this.cleanups) cleanup()
    this.hub.leave(this.diagramId)
    this.play?.destroy()
    this.loops.destroy()
    this.undo.destroy()
    this.notices.destroy()
    this.store.destroy()
  }

  /**
   * Every loop shown gets its number written into the diagram (and a number that lost a
   * clash with another peer's gets its settled one), so it keeps it from now on. Every
   * peer with the diagram open does this, computing the same numbers; nothing is
   * written when the document already holds them. After the current notification, so
   * no write happens inside another one.
   */
  private keepNumbers = (): void => {
    if (this.readOnly || this.numbersQueued) return
    this.numbersQueued = true
    queueMicrotask(() => {
      this.numbersQueued = false
      const state = this.loops.state.get()
      if (this.destroyed || state.status !== 'ready' || !state.analysis) return
      assignLoopNumbers(this.doc, this.diagramId, state.analysis.loops, LOOP_NUMBER_ORIGIN)
    })
  }

  /** A facilitator's "Renumber loops": R1, R2, B1… afresh, for everyone. */
  renumber(): boolean {
    const state = this.loops.state.get()
    if (this.readOnly || !this.facilitating.get() || state.status !== 'ready' || !state.analysis) return false
    return renumberLoops(this.doc, this.diagramId, state.analysis.loops, LOOP_NUMBER_ORIGIN).ok
  }

  /** The connection circle as a temporary view: nothing is written until someone applies it. */
  circleLayout(): Record<string, Point> {
    const ids = [...this.store.variables.keys()]
    let x = 0
    let y = 0
    for (const id of ids) {
      const v = this.store.variables.get(id)!
      x += v.x
      y += v.y
    }
    const center = ids.length ? { x: Math.round(x / ids.length), y: Math.round(y / ids.length) } : { x: 0, y: 0 }
    // Neighbours on the circle sit a label's width apart, so long labels do not overlap.
    const widest = Math.max(0, ...ids.map((id) => this.store.size(id)?.width ?? 150))
    return connectionCircleLayout({ variables: ids.map((id) => ({ id })), links: this.store.drawnLinks() }, { center, spacing: Math.max(170, widest + 50) })
  }

  private showCircle(): void {
    this.store.setView(this.circleLayout())
  }

  private onPeers = (changed: ReadonlySet<number>): void => {
    let selection = false
    let drag = false
    let cursor = false
    for (const clientId of changed) {
      const peer = this.hub.peer(clientId)
      const state = peer?.state?.diagramId === this.diagramId ? peer.state : null
      const before = this.seen.get(clientId) ?? null
      if (before?.selection !== state?.selection) selection = true
      if (before?.drag !== state?.drag) drag = true
      if (before?.cursor !== state?.cursor) cursor = true
      if (state) this.seen.set(clientId, { selection: state.selection, drag: state.drag, cursor: state.cursor })
      else this.seen.delete(clientId)
    }
    const peers = this.hub.peersOn(this.diagramId)
    if (selection) this.decor.replaceAll(selectionsOf(peers))
    if (drag) {
      const targets = new Map<string, Point>()
      for (const p of peers) for (const [id, at] of Object.entries(p.state?.drag ?? {})) targets.set(id, at)
      this.store.setRemoteDrags(targets)
    }
    if (cursor) {
      this.cursors.set(
        peers
          .filter((p) => p.state?.cursor)
          .map((p) => ({ clientId: p.clientId, name: p.name, colour: p.colour, x: p.state!.cursor!.x, y: p.state!.cursor!.y })),
      )
    }
  }
}

function selectionsOf(peers: readonly Peer[]): Map<string, Who[]> {
  const out = new Map<string, Who[]>()
  for (const p of peers) {
    for (const id of p.state?.selection ?? []) {
      let list = out.get(id)
      if (!list) out.set(id, (list = []))
      if (!list.some((w) => w.name === p.name && w.colour === p.colour)) list.push({ name: p.name, colour: p.colour })
    }
  }
  return out
}
