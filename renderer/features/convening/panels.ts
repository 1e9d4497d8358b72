import type { ComponentType } from 'react'
import type { Panel } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { NotesPanel } from '../notes'
import { DiagramPanel } from '../diagram'
import { ConversationPanel } from '../conversation'
import { HarvestPanel } from '../harvest'
import { ClimatePanel } from '../climate'
import { AgendaPanel } from '../agenda'

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
  { id: 'agenda', label: 'Agenda', component: AgendaPanel },
  { id: 'notes', label: 'Notes', component: NotesPanel },
  { id: 'diagram', label: 'Diagrams', component: DiagramPanel },
  { id: 'conversation', label: 'Conversation', component: ConversationPanel },
  { id: 'climate', label: 'Climate', component: ClimatePanel },
  { id: 'harvest', label: 'Harvest', component: HarvestPanel },
]
