import type { ComponentType } from 'react'
import type { Panel } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { NotesPanel } from '../notes'

export interface PanelProps {
  session: ConveningSession
  readOnly: boolean
}

export interface PanelEntry {
  id: Panel
  label: string
  component: ComponentType<PanelProps>
}

/**
 * The panels of a convening, in the order of the navigation. Each capability adds
 * one entry here as it lands (its own folder under features/ provides the component).
 */
export const PANELS: PanelEntry[] = [
  { id: 'notes', label: 'Notes', component: NotesPanel },
]
