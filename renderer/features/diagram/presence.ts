import { z } from 'zod'
import type { Awareness } from 'y-protocols/awareness'
import { PresenceSchema } from '../../../shared/session'
import { throttledPresence, ValueStore } from '../../sync'
import { sameRecords } from './state'

/**
 * What a person shows others while on the diagrams panel, in one awareness field:
 * which diagram, their viewport (so others can follow), cursor and drag in flow
 * coordinates (so each person can zoom and pan on their own), their selection, and
 * a behaviour-over-time stroke while the pen is down. Never stored.
 *
 * Other people's states are parsed with this schema; anything malformed is dropped.
 */
export const DIAGRAM_FIELD = 'diagram'

const Coordinate = z.number().finite().min(-1_000_000).max(1_000_000)
const PointSchema = z.object({ x: Coordinate, y: Coordinate })
const Id = z.string().min(1).max(64)

export const ViewportSchema = z.object({
  x: Coordinate,
  y: Coordinate,
  zoom: z.number().min(0.01).max(20),
  width: z.number().min(1).max(20_000),
  height: z.number().min(1).max(20_000),
})
export type SharedViewport = z.infer<typeof ViewportSchema>

export const DiagramPresenceSchema = z.object({
  diagramId: Id,
  viewport: ViewportSchema.nullable().optional(),
  cursor: PointSchema.nullable().optional(),
  selection: z.array(Id).max(2000).optional(),
  drag: z
    .record(Id, PointSchema)
    .refine((drag) => Object.keys(drag).length <= 1000, 'too many')
    .nullable()
    .optional(),
  sketch: z.array(z.number().min(0).max(1)).max(400).nullable().optional(),
})
export type DiagramPresence = z.infer<typeof DiagramPresenceSchema>

export interface Peer {
  clientId: number
  personId: string
  name: string
  colour: string
  state: DiagramPresence | null
}

export interface RosterEntry {
  clientId: number
  personId: string
  name: string
  colour: string
  diagramId: string | null
}

function parsePeer(clientId: number, raw: unknown): Peer | null {
  const base = PresenceSchema.safeParse(raw)
  if (!base.success) return null
  const field = (raw as Record<string, unknown>)[DIAGRAM_FIELD]
  const state = field == null ? null : DiagramPresenceSchema.safeParse(field)
  return {
    clientId,
    personId: base.data.user.id,
    name: base.data.user.name,
    colour: base.data.user.colour,
    state: state?.success ? state.data : null,
  }
}

/**
 * Everyone else's diagram presence for this convening, parsed once per change, and
 * my own, sent at most every 80 ms (the latest value always goes out).
 */
export class PresenceHub {
  /** Who is here and which diagram they are on; changes only when that does (not on cursor moves). */
  readonly roster = new ValueStore<RosterEntry[]>([], sameRecords)
  private readonly peers = new Map<number, Peer>()
  private readonly listeners = new Set<(changed: ReadonlySet<number>) => void>()
  private readonly throttle: ReturnType<typeof throttledPresence<DiagramPresence | null>>
  private local: DiagramPresence | null = null

  constructor(private readonly awareness: Awareness) {
    // 12 updates a second: receivers ease between them (CanvasStore), and each update costs every peer an encode and a decode.
    this.throttle = throttledPresence<DiagramPresence | null>(awareness, DIAGRAM_FIELD, 80)
    awareness.on('change', this.onChange)
    this.onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })
  }

  destroy(): void {
    this.awareness.off('change', this.onChange)
    this.throttle.cancel()
    if (this.awareness.getLocalState()) this.awareness.setLocalStateField(DIAGRAM_FIELD, null)
    this.listeners.clear()
  }

  get myClientId(): number {
    return this.awareness.clientID
  }

  peer(clientId: number): Peer | undefined {
    return this.peers.get(clientId)
  }

  peersOn(diagramId: string): Peer[] {
    return [...this.peers.values()].filter((p) => p.state?.diagramId === diagramId)
  }

  onPeers(listener: (changed: ReadonlySet<number>) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Merge into my state; switching diagram starts from a clean state. `now` skips the throttle (selection, drop). */
  publish(diagramId: string, patch: Omit<Partial<DiagramPresence>, 'diagramId'>, now = false): void {
    const base: DiagramPresence = this.local?.diagramId === diagramId ? this.local : { diagramId }
    this.local = { ...base, ...patch }
    this.throttle.set(this.local)
    if (now) this.throttle.flush()
  }

  /** Leaving a diagram: others stop seeing my cursor and selection there. */
  leave(diagramId: string): void {
    if (this.local?.diagramId !== diagramId) return
    this.local = null
    this.throttle.set(null)
    this.throttle.flush()
  }

  private onChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }): void => {
    const changed = new Set<number>()
    const states = this.awareness.getStates()
    for (const clientId of [...added, ...updated]) {
      if (clientId === this.awareness.clientID) continue
      const peer = parsePeer(clientId, states.get(clientId))
      if (peer) this.peers.set(clientId, peer)
      else this.peers.delete(clientId)
      changed.add(clientId)
    }
    for (const clientId of removed) if (this.peers.delete(clientId)) changed.add(clientId)
    if (changed.size === 0) return
    const byPerson = new Map<string, RosterEntry>()
    for (const p of this.peers.values()) {
      const entry = { clientId: p.clientId, personId: p.personId, name: p.name, colour: p.colour, diagramId: p.state?.diagramId ?? null }
      const existing = byPerson.get(p.personId)
      // One entry per person: the window that is on a diagram wins.
      if (!existing || (!existing.diagramId && entry.diagramId)) byPerson.set(p.personId, entry)
    }
    this.roster.set([...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId))
    for (const listener of [...this.listeners]) listener(changed)
  }
}
