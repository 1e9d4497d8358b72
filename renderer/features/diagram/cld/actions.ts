import type * as Y from 'yjs'
import {
  addLink,
  addVariable,
  deleteItems,
  diagramParts,
  insertArchetype,
  moveVariables,
  pasteFragment,
  renameVariable,
  setLoopName,
  updateLink,
  type Archetype,
  type DiagramResult,
  type PasteOutcome,
  type Polarity,
} from '../../../../shared/diagram'
import { diagramLocks } from '../../../../shared/facilitation'
import type { Point } from '../geometry'
import type { Notices } from '../../../ui'
import { DIAGRAM_ORIGIN, type DiagramUndo } from '../undo'
import type { CanvasStore } from './canvasStore'
import { fragmentCentre } from './clipboard'
import { ENGLISH, polarityKey, type Translate } from '../words'

/** How far a two-way pair bows apart by default, and what a link shows when it has no curve of its own. */
export const TWO_WAY_CURVE = 0.18

export function shownCurve(curve: number, reverse: boolean): number {
  return curve !== 0 ? curve : reverse ? TWO_WAY_CURVE : 0
}

/**
 * Every edit of one causal loop diagram, as this person makes it: through the shared
 * helpers, with the studio's origin, one undo step per gesture, and a clear message
 * (never a throw) when the helpers refuse.
 */
export class CldActions {
  /** The person's language for what the actions say (the studio sets it; English until then). */
  t: Translate = ENGLISH

  constructor(
    private readonly doc: Y.Doc,
    private readonly diagramId: string,
    private readonly store: CanvasStore,
    private readonly undo: DiagramUndo,
    private readonly notices: Notices,
    private readonly readOnly: boolean,
  ) {}

  /**
   * Whether this edit may be made: not in a convening from a newer build, not in a
   * locked diagram, and not to locked variables or links (shared/facilitation/locks.ts;
   * a change that bypassed this would be put back by every honest app anyway).
   */
  private allowed(variableIds: readonly string[] = [], linkIds: readonly string[] = []): boolean {
    if (this.readOnly) {
      this.notices.say(this.t({ id: 'diagram.edit.readOnly', defaultMessage: 'This convening was saved by a newer version of Convene: you can look, but not edit.' }))
      return false
    }
    const locks = diagramLocks(this.doc, this.diagramId)
    if (locks.whole) {
      this.notices.say(this.t({ id: 'diagram.edit.diagramLocked', defaultMessage: 'This diagram is locked by {name}. A facilitator unlocks it before anyone changes it.' }, { name: locks.whole.byName }))
      return false
    }
    const attached = variableIds.length > 0 ? [...this.store.links.values()].filter((l) => variableIds.includes(l.from) || variableIds.includes(l.to)).map((l) => l.id) : []
    const lock = variableIds.map((id) => locks.variables.get(id)).find(Boolean) ?? [...linkIds, ...attached].map((id) => locks.links.get(id)).find(Boolean)
    if (lock) {
      this.notices.say(this.t({ id: 'diagram.edit.partLocked', defaultMessage: 'Part of this is locked by {name}. A facilitator unlocks it before anyone changes it.' }, { name: lock.byName }))
      return false
    }
    return true
  }

  private check<T>(result: DiagramResult<T>): T | null {
    if (result.ok) return result.value
    this.notices.say(result.error.message)
    return null
  }

  addVariable(label: string, at: Point): string | null {
    if (!this.allowed()) return null
    this.undo.step()
    return this.check(addVariable(this.doc, this.diagramId, { label, x: Math.round(at.x), y: Math.round(at.y) }, DIAGRAM_ORIGIN))
  }

  /** A new variable and a link to it from `from`, as one step (dropping a link on empty canvas). */
  addLinkedVariable(from: string, label: string, at: Point): { variable: string; link: string } | null {
    if (!this.allowed()) return null
    this.undo.step()
    let out: { variable: string; link: string } | null = null
    this.doc.transact(() => {
      const variable = this.check(addVariable(this.doc, this.diagramId, { label, x: Math.round(at.x), y: Math.round(at.y) }, DIAGRAM_ORIGIN))
      const link = variable && this.check(addLink(this.doc, this.diagramId, { from, to: variable }, DIAGRAM_ORIGIN))
      if (variable && link) out = { variable, link }
    }, DIAGRAM_ORIGIN)
    return out
  }

  rename(variableId: string, label: string): boolean {
    if (!this.allowed([variableId])) return false
    this.undo.step()
    return this.check(renameVariable(this.doc, this.diagramId, variableId, label, DIAGRAM_ORIGIN)) !== null
  }

  /** One write for a whole drag (or one arrow-key nudge; consecutive nudges are one undo step). */
  move(positions: Readonly<Record<string, Point>>, nudge = false): void {
    if (Object.keys(positions).length === 0 || !this.allowed(Object.keys(positions))) return
    this.undo.step(nudge ? 'nudge' : 'other')
    const rounded = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]))
    this.check(moveVariables(this.doc, this.diagramId, rounded, DIAGRAM_ORIGIN))
  }

  /** A new link; when the link back already exists, both bow apart so the pair stays readable. */
  link(from: string, to: string, options: { polarity?: Polarity; delay?: boolean } = {}): string | null {
    if (!this.allowed()) return null
    const back = this.store.reverseOf({ from, to })
    this.undo.step()
    let id: string | null = null
    this.doc.transact(() => {
      id = this.check(addLink(this.doc, this.diagramId, { from, to, polarity: options.polarity, delay: options.delay, curve: back ? TWO_WAY_CURVE : 0 }, DIAGRAM_ORIGIN))
      const reverse = back ? this.store.links.get(back) : undefined
      if (id && back && reverse && reverse.curve === 0) updateLink(this.doc, this.diagramId, back, { curve: TWO_WAY_CURVE }, DIAGRAM_ORIGIN)
    }, DIAGRAM_ORIGIN)
    return id
  }

  private updateLinks(linkIds: readonly string[], patch: (id: string) => Parameters<typeof updateLink>[3] | null): boolean {
    if (linkIds.length === 0 || !this.allowed([], linkIds)) return false
    this.undo.step()
    let ok = true
    this.doc.transact(() => {
      for (const id of linkIds) {
        const p = patch(id)
        if (p) ok = this.check(updateLink(this.doc, this.diagramId, id, p, DIAGRAM_ORIGIN)) !== null && ok
      }
    }, DIAGRAM_ORIGIN)
    return ok
  }

  setPolarity(linkIds: readonly string[], polarity: Polarity): void {
    if (this.updateLinks(linkIds, () => ({ polarity }))) {
      this.notices.tell(
        this.t(
          {
            id: 'diagram.edit.polaritySet',
            defaultMessage: '{count, plural, =1 {Link} other {# links}}: {polarity, select, plus {same direction (+)} minus {opposite direction (−)} other {unknown (?)}}.',
          },
          { count: linkIds.length, polarity: polarityKey(polarity) },
        ),
      )
    }
  }

  toggleDelay(linkIds: readonly string[]): void {
    const on = !linkIds.every((id) => this.store.links.get(id)?.delay)
    if (!this.updateLinks(linkIds, () => ({ delay: on }))) return
    this.notices.tell(on ? this.t({ id: 'diagram.edit.delayMarked', defaultMessage: 'Delay marked.' }) : this.t({ id: 'diagram.edit.delayRemoved', defaultMessage: 'Delay removed.' }))
  }

  /** Bend by `delta` (positive bows to the left of travel); 0 with `straighten` makes links straight. */
  bend(linkIds: readonly string[], delta: number, straighten = false): void {
    this.updateLinks(linkIds, (id) => {
      const link = this.store.links.get(id)
      if (!link) return null
      const current = shownCurve(link.curve, !!this.store.reverseOf(link))
      const next = straighten ? 0 : Math.max(-1, Math.min(1, Math.round((current + delta) * 100) / 100))
      return { curve: next }
    })
  }

  setCurve(linkId: string, curve: number): void {
    this.updateLinks([linkId], () => ({ curve: Math.max(-1, Math.min(1, curve)) }))
  }

  setLinkLabel(linkId: string, label: string): void {
    this.updateLinks([linkId], () => ({ label }))
  }

  remove(variableIds: readonly string[], linkIds: readonly string[]): void {
    if (variableIds.length + linkIds.length === 0 || !this.allowed(variableIds, linkIds)) return
    this.undo.step()
    const result = this.check(deleteItems(this.doc, this.diagramId, { variableIds, linkIds }, DIAGRAM_ORIGIN))
    if (!result) return
    const variables = variableIds.length
    const links = result.deletedLinks.length
    this.notices.tell(
      this.t(
        {
          id: 'diagram.edit.deleted',
          defaultMessage:
            '{what, select, both {Deleted {variables, plural, one {# variable} other {# variables}} and {links, plural, one {# link} other {# links}}.} variables {Deleted {variables, plural, one {# variable} other {# variables}}.} other {Deleted {links, plural, one {# link} other {# links}}.}} Undo (Ctrl+Z) restores what you deleted.',
        },
        { what: variables && links ? 'both' : variables ? 'variables' : 'links', variables, links },
      ),
    )
  }

  /** Paste a fragment centred on `at`; says what was added, shortened or left out. */
  paste(fragment: unknown, at: Point): PasteOutcome | null {
    if (!this.allowed()) return null
    const centre = fragmentCentre(fragment)
    this.undo.step()
    const outcome = this.check(pasteFragment(this.doc, this.diagramId, fragment, { x: Math.round(at.x - centre.x), y: Math.round(at.y - centre.y) }, DIAGRAM_ORIGIN))
    if (outcome) this.notices.tell(describePaste(outcome, this.t))
    return outcome
  }

  /** Add an archetype as it is authored (in English: what the document holds does not depend on who added it); `shownName` is the name the person read. */
  insertArchetype(archetype: Archetype, at: Point, shownName = archetype.name): PasteOutcome | null {
    if (!this.allowed()) return null
    const xs = archetype.variables.map((v) => v.x)
    const ys = archetype.variables.map((v) => v.y)
    const offset = { x: Math.round(at.x - (Math.min(...xs) + Math.max(...xs)) / 2), y: Math.round(at.y - (Math.min(...ys) + Math.max(...ys)) / 2) }
    this.undo.step()
    const outcome = this.check(insertArchetype(this.doc, this.diagramId, archetype, offset, DIAGRAM_ORIGIN))
    if (outcome) {
      this.notices.tell(
        this.t(
          {
            id: 'diagram.edit.archetypeAdded',
            defaultMessage: 'Added “{name}”: {variables, plural, one {# variable} other {# variables}} and {links, plural, one {# link} other {# links}}, ready to rename.',
          },
          { name: shownName, variables: Object.keys(outcome.variableIds).length, links: outcome.linkIds.length },
        ),
      )
    }
    return outcome
  }

  nameLoop(loopId: string, name: string): void {
    if (!this.allowed()) return
    this.undo.step()
    this.check(setLoopName(this.doc, this.diagramId, loopId, name, DIAGRAM_ORIGIN))
  }

  /** Store a layout (the connection circle) as everyone's positions: one undo step. */
  applyLayout(positions: Readonly<Record<string, Point>>): void {
    if (!diagramParts(this.doc, this.diagramId)) return void this.notices.say(this.t({ id: 'diagram.edit.gone', defaultMessage: 'This diagram is no longer here.' }))
    this.move(positions)
    this.notices.tell(this.t({ id: 'diagram.edit.circleKept', defaultMessage: 'Everyone now sees the variables on the circle. Undo puts them back.' }))
  }
}

function describePaste(outcome: PasteOutcome, t: Translate): string {
  const parts = [
    t(
      { id: 'diagram.edit.pasted', defaultMessage: 'Pasted {variables, plural, one {# variable} other {# variables}}{links, plural, =0 {} one { and # link} other { and # links}}.' },
      { variables: Object.keys(outcome.variableIds).length, links: outcome.linkIds.length },
    ),
  ]
  if (outcome.shortenedLabels) {
    parts.push(t({ id: 'diagram.edit.shortened', defaultMessage: '{count, plural, one {# long label was shortened.} other {# long labels were shortened.}}' }, { count: outcome.shortenedLabels }))
  }
  if (outcome.skippedLinks) {
    parts.push(
      t(
        {
          id: 'diagram.edit.skipped',
          defaultMessage:
            '{count, plural, one {# link was left out (missing end, link to itself, or a second link between the same pair).} other {# links were left out (missing end, link to itself, or a second link between the same pair).}}',
        },
        { count: outcome.skippedLinks },
      ),
    )
  }
  return parts.join(' ')
}
