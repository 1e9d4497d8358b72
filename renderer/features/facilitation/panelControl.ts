import { useCallback, useSyncExternalStore } from 'react'
import type { Panel } from '../../../shared/session'
import type { Message } from '../../../shared/i18n'
import type { ConveningSession } from '../../sync'

/**
 * Which panel this window shows. It used to be local state of ConveningView; it lives
 * here so that following someone, a summon and a breakout can move the view, while a
 * person's own choice (`choose`) stays theirs and steps them out of following.
 *
 * `viewKey` changes when the same panel must open afresh (a breakout opening a
 * group's diagram while the diagrams panel is already showing another).
 */
export class PanelControl {
  private panel: Panel = 'notes'
  private nonce = 0
  private section: string | null = null
  private snapshot = { panel: this.panel, viewKey: 'notes:0' }
  private readonly listeners = new Set<() => void>()
  private readonly choiceListeners = new Set<(panel: Panel) => void>()

  get = (): { panel: Panel; viewKey: string } => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Called with every panel a person picks themselves. */
  onChoice(listener: (panel: Panel) => void): () => void {
    this.choiceListeners.add(listener)
    return () => this.choiceListeners.delete(listener)
  }

  current(): Panel {
    return this.panel
  }

  choose = (panel: Panel): void => {
    for (const listener of [...this.choiceListeners]) listener(panel)
    this.set(panel, false)
  }

  /**
   * A person's own choice of a panel at one of its sections ("Manage breakouts" opens
   * the agenda on its Breakouts tab): the panel opens afresh and reads `sectionNow()`
   * as it mounts.
   */
  chooseSection = (panel: Panel, section: string): void => {
    for (const listener of [...this.choiceListeners]) listener(panel)
    this.set(panel, true, section)
  }

  /** The section asked for when the panel on screen was opened (null once anything else moved the view). */
  sectionNow(): string | null {
    return this.section
  }

  /** Moved by following, a summon or a breakout; `fresh` remounts the panel even if it is already showing. */
  drive(panel: Panel, fresh = false): void {
    this.set(panel, fresh)
  }

  private set(panel: Panel, fresh: boolean, section: string | null = null): void {
    if (panel === this.panel && !fresh) return
    this.panel = panel
    this.section = section
    if (fresh) this.nonce += 1
    this.snapshot = { panel, viewKey: `${panel}:${this.nonce}` }
    for (const listener of [...this.listeners]) listener()
  }
}

/** Panels as the navigation names them (renderer/features/convening/panels.ts), for sentences about where people are. */
export const PANEL_MESSAGES: Record<Panel, Message> = {
  agenda: { id: 'facilitation.panel.agenda', defaultMessage: 'Agenda' },
  notes: { id: 'facilitation.panel.notes', defaultMessage: 'Notes' },
  diagram: { id: 'facilitation.panel.diagram', defaultMessage: 'Diagrams' },
  conversation: { id: 'facilitation.panel.conversation', defaultMessage: 'Conversation' },
  climate: { id: 'facilitation.panel.climate', defaultMessage: 'Climate' },
  harvest: { id: 'facilitation.panel.harvest', defaultMessage: 'Harvest' },
}

const controls = new WeakMap<ConveningSession, PanelControl>()

export function panelControl(session: ConveningSession): PanelControl {
  let control = controls.get(session)
  if (!control) controls.set(session, (control = new PanelControl()))
  return control
}

/** For ConveningView: the panel on screen, the person's own way to change it, and a key for the panel's element. */
export function usePanel(session: ConveningSession): { panel: Panel; choose: (panel: Panel) => void; viewKey: string } {
  const control = panelControl(session)
  const snapshot = useSyncExternalStore(control.subscribe, control.get)
  const choose = useCallback((panel: Panel) => control.choose(panel), [control])
  return { panel: snapshot.panel, choose, viewKey: snapshot.viewKey }
}
