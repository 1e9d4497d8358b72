import type * as Y from 'yjs'
import {
  FOLLOW_FIELD,
  followTarget,
  groupsOf,
  isBreakoutOpen,
  readBreakout,
  readFacilitationPresence,
  readActuals,
  readCurrent,
  readFollowMe,
  readSegments,
  readSummon,
  runMap,
  shouldAnswerSummon,
} from '../../../shared/facilitation'
import { PANELS, readPeople, type Panel } from '../../../shared/session'
import { diagramsMap } from '../../../shared/diagram'
import { type ConveningSession, ValueStore, shallowEqual } from '../../sync'
import { panelControl, type PanelControl } from './panelControl'

/**
 * Moves this window's view for facilitation, and nothing else does:
 * - following someone (their own pick, or a facilitator's standing "follow me"):
 *   their panel, and on the diagrams panel their diagram, become mine; picking a panel
 *   myself steps me out, in one click;
 * - a summon: acted on once, while fresh;
 * - a breakout: opening it takes each member to their group's diagram, once; its end
 *   (closed, or its countdown run out) takes everyone back to the main space.
 * My `follow` presence field tells the facilitator who is following them.
 */
export interface FollowState {
  target: string | null
  targetName: string | null
  /** 'own': I chose to follow them; 'asked': a facilitator asked everyone to follow. */
  via: 'own' | 'asked' | null
  targetHere: boolean
}

/**
 * The last time a summon moved this window (a facilitator's "Bring everyone here", or
 * the start of a segment): who did it, where to, and where I was, so the screen can
 * say so and offer the way back.
 */
export interface Moved {
  id: string
  /** Null when their name is not known here (the screen says "A facilitator"). */
  byName: string | null
  byMe: boolean
  to: Panel
  from: Panel
  /** The segment whose start brought everyone here, if that is what it was. */
  segment: string | null
}

export const SUMMON_MARK = 'convene:facilitation:summon'
const SUMMON_KEY = (id: string): string => `convene:summon:${id}`
const DIAGRAM_KEY = (id: string): string => `convene:diagram:${id}`

function storage(): Storage | null {
  try {
    return sessionStorage
  } catch {
    return null
  }
}

export class FacilitationController {
  readonly follow = new ValueStore<FollowState>({ target: null, targetName: null, via: null, targetHere: false }, shallowEqual)
  readonly moved = new ValueStore<Moved | null>(null)
  private own: string | null = null
  private steppedOutOf: string | null = null
  private handledSummon: string | null
  private readonly entered = new Set<string>()
  private readonly seenOpen = new Set<string>()
  private readonly returned = new Set<string>()
  private readonly control: PanelControl
  private readonly run: Y.Map<unknown>
  private readonly tick: ReturnType<typeof setInterval>
  private readonly offChoice: () => void
  private destroyed = false
  private lastDiagram: string | null = null
  private seenSummon: string | null = null
  private breakoutStepped: string | null = null

  constructor(private readonly session: ConveningSession) {
    this.control = panelControl(session)
    this.run = runMap(session.doc)
    this.handledSummon = storage()?.getItem(SUMMON_KEY(session.id)) ?? null
    this.offChoice = this.control.onChoice(this.onChoice)
    session.awareness.on('change', this.refresh)
    this.run.observe(this.onRun)
    // The end of a breakout countdown changes nothing in the document: look every second.
    this.tick = setInterval(this.checkBreakout, 1000)
    this.onRun()
  }

  followPerson(personId: string | null): void {
    this.own = personId === this.session.me.id ? null : personId
    if (personId === null) this.stepOutOfAsked()
    this.refresh()
  }

  /** Stop following, whoever it was: one click. */
  stopFollowing(): void {
    this.own = null
    this.stepOutOfAsked()
    this.refresh()
  }

  private stepOutOfAsked(): void {
    const asked = readFollowMe(this.session.doc)
    if (asked?.active) this.steppedOutOf = asked.id
  }

  private onChoice = (): void => {
    // Going somewhere oneself answers the notice of having been moved.
    this.moved.set(null)
    if (this.follow.get().target !== null) this.stopFollowing()
  }

  private onRun = (): void => {
    this.answerSummon()
    this.checkBreakout()
    this.refresh()
  }

  private answerSummon(): void {
    const summoned = readSummon(this.session.doc)
    if (summoned && summoned.id !== this.seenSummon) {
      this.seenSummon = summoned.id
      // When a summon reached this window's document (tests/bench/facilitation.ts).
      performance.mark(SUMMON_MARK, { detail: summoned.id })
    }
    if (!summoned || !shouldAnswerSummon(summoned, this.handledSummon, this.session.clock)) return
    this.handledSummon = summoned.id
    storage()?.setItem(SUMMON_KEY(this.session.id), summoned.id)
    // Being brought somewhere ends following someone else.
    if (summoned.by !== this.follow.get().target) this.own = null
    const from = this.control.current()
    this.control.drive(summoned.panel)
    if (from !== summoned.panel) this.moved.set(this.describeMove(summoned.id, summoned.by, summoned.panel, from))
  }

  private describeMove(id: string, by: string, to: Panel, from: Panel): Moved {
    const doc = this.session.doc
    const byName = readPeople(doc).find((p) => p.id === by)?.name ?? null
    // startSegment writes the summon and the segment's start in one transaction, with one time.
    const current = readCurrent(doc)
    const started = current?.segmentId ? readActuals(doc).get(current.segmentId) : undefined
    const summoned = readSummon(doc)
    const segment =
      current?.segmentId && started && summoned && started.clockOf === summoned.clockOf && Math.abs(started.startedAt - summoned.at) < 1000
        ? (readSegments(doc).find((s) => s.id === current.segmentId)?.title ?? null)
        : null
    return { id, byName, byMe: by === this.session.me.id, to, from, segment }
  }

  /** Back to where the last summon found me; the notice goes either way. */
  goBack(): void {
    const moved = this.moved.get()
    this.moved.set(null)
    if (moved) this.control.choose(moved.from)
  }

  dismissMoved(): void {
    this.moved.set(null)
  }

  private checkBreakout = (): void => {
    if (this.destroyed) return
    const doc = this.session.doc
    const breakout = readBreakout(doc)
    if (!breakout) return
    const open = isBreakoutOpen(breakout, this.session.clock)
    if (open) {
      this.seenOpen.add(breakout.id)
      const mine = groupsOf(doc, breakout).find((g) => g.members.includes(this.session.me.id))
      const key = `${breakout.id}:${mine?.group.id ?? ''}`
      if (mine && !this.entered.has(key)) {
        this.entered.add(key)
        this.own = null
        // Out of "follow me" while in the group; back in it afterwards.
        this.steppedOutOf = this.breakoutStepped = readFollowMe(doc)?.id ?? null
        if (mine.group.diagramId) this.openDiagram(mine.group.diagramId)
        else this.control.drive('agenda')
      }
    } else if (this.seenOpen.has(breakout.id) && !this.returned.has(breakout.id)) {
      this.returned.add(breakout.id)
      if (this.breakoutStepped !== null && this.steppedOutOf === this.breakoutStepped) this.steppedOutOf = null
      this.breakoutStepped = null
      this.control.drive(breakout.returnTo)
      this.refresh()
    }
  }

  /** The diagrams panel, on this diagram (the studio opens the diagram it last showed in this window). */
  openDiagram(diagramId: string): void {
    const store = storage()
    const already = store?.getItem(DIAGRAM_KEY(this.session.id)) === diagramId
    store?.setItem(DIAGRAM_KEY(this.session.id), diagramId)
    this.control.drive('diagram', !already && this.control.current() === 'diagram')
  }

  private refresh = (): void => {
    if (this.destroyed) return
    const me = this.session.me.id
    const states = this.session.awareness.getStates()
    const people = readFacilitationPresence(states)
    const asked = readFollowMe(this.session.doc)
    const target = followTarget(me, this.own, asked, this.steppedOutOf)
    if (target === null) this.lastDiagram = null
    const who = target ? people.find((p) => p.personId === target) : undefined
    this.follow.set({ target, targetName: who?.name ?? null, via: target === null ? null : target === this.own ? 'own' : 'asked', targetHere: who !== undefined })
    const local: Record<string, unknown> | null = this.session.awareness.getLocalState()
    const published = (local?.[FOLLOW_FIELD] as { target?: string } | null | undefined)?.target ?? null
    if (local && published !== target) this.session.awareness.setLocalStateField(FOLLOW_FIELD, target ? { target } : null)
    if (!who || !who.panel || !(PANELS as readonly string[]).includes(who.panel)) return
    const panel = who.panel as Panel
    const theirDiagram = panel === 'diagram' ? diagramOf(states.get(who.clientId)) : null
    // Act once per diagram they move to (and only on one this window has), so a
    // studio still catching up never fights the follow.
    if (theirDiagram && theirDiagram !== this.lastDiagram && diagramsMap(this.session.doc).has(theirDiagram)) {
      this.lastDiagram = theirDiagram
      this.openDiagram(theirDiagram)
    } else this.control.drive(panel)
  }

  destroy(): void {
    this.destroyed = true
    clearInterval(this.tick)
    this.offChoice()
    this.session.awareness.off('change', this.refresh)
    this.run.unobserve(this.onRun)
    if (this.session.awareness.getLocalState()) this.session.awareness.setLocalStateField(FOLLOW_FIELD, null)
  }
}

/** The diagram someone is on, from the diagrams studio's presence field. */
function diagramOf(state: unknown): string | null {
  const field = (state as { diagram?: { diagramId?: unknown } } | undefined)?.diagram
  const id = field?.diagramId
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null
}

const controllers = new WeakMap<ConveningSession, { controller: FacilitationController; users: number }>()

/** One controller per open convening, shared by the strip and the panels that need it. */
export function acquireController(session: ConveningSession): FacilitationController {
  let entry = controllers.get(session)
  if (!entry) controllers.set(session, (entry = { controller: new FacilitationController(session), users: 0 }))
  entry.users += 1
  return entry.controller
}

export function releaseController(session: ConveningSession): void {
  const entry = controllers.get(session)
  if (!entry) return
  entry.users -= 1
  if (entry.users <= 0) {
    entry.controller.destroy()
    controllers.delete(session)
  }
}
