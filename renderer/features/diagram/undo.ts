import * as Y from 'yjs'
import { localOrigin } from '../../../shared/session'
import type { DiagramResult } from '../../../shared/diagram'
import { ValueStore, shallowEqual } from '../../sync'
import type { Notices } from '../../ui'

/** Every write of the diagram studio carries this origin, and undo tracks only it. */
export const DIAGRAM_ORIGIN = localOrigin('diagram')

export type StepKind = 'nudge' | 'typing' | 'other'

/**
 * Undo and redo of my own edits on one diagram (other people's edits are never
 * undone). Each gesture is one step: consecutive nudges with the arrow keys, or
 * keystrokes in one note, merge into one; anything else starts a new step.
 */
export class DiagramUndo {
  readonly manager: Y.UndoManager
  readonly can = new ValueStore({ undo: false, redo: false }, shallowEqual)
  private last: { kind: StepKind; key?: string } | null = null

  constructor(scope: Y.Map<unknown>) {
    this.manager = new Y.UndoManager(scope, { trackedOrigins: new Set([DIAGRAM_ORIGIN]), captureTimeout: 800 })
    this.manager.on('stack-item-added', this.refresh)
    this.manager.on('stack-item-popped', this.refresh)
    this.manager.on('stack-cleared', this.refresh)
  }

  destroy(): void {
    this.manager.destroy()
  }

  /** Call before a write: starts a new undo step unless it continues the same gesture. */
  step(kind: StepKind = 'other', key?: string): void {
    const continues = kind !== 'other' && this.last?.kind === kind && this.last.key === key
    if (!continues) this.manager.stopCapturing()
    this.last = { kind, key }
  }

  undo(): boolean {
    this.last = null
    return this.manager.undo() !== null
  }

  redo(): boolean {
    this.last = null
    return this.manager.redo() !== null
  }

  private refresh = (): void => {
    this.can.set({ undo: this.manager.canUndo(), redo: this.manager.canRedo() })
  }
}

/** One write as one undo step (or the continuation of one), with the helper's refusal shown as a message. */
export function writeStep<T>(undo: DiagramUndo, notices: Notices, write: () => DiagramResult<T>, kind: StepKind = 'other', key?: string): T | null {
  undo.step(kind, key)
  const result = write()
  if (result.ok) return result.value
  notices.say(result.error.message)
  return null
}
