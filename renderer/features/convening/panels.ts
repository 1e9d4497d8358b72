import type { ComponentType } from 'react'
import type { Panel } from '../../../shared/session'
import type { Message } from '../../../shared/i18n'
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
  label: Message
  component: ComponentType<PanelProps>
}

/**
 * The panels of a convening, in the order of the navigation. Each capability adds
 * one entry here as it lands (its own folder under features/ provides the component).
 */
export const PANELS: PanelEntry[] = [
  { id: 'agenda', label: { id: 'convening.panel.agenda', defaultMessage: 'Agenda' }, component: AgendaPanel },
  { id: 'notes', label: { id: 'convening.panel.notes', defaultMessage: 'Notes' }, component: NotesPanel },
  { id: 'diagram', label: { id: 'convening.panel.diagram', defaultMessage: 'Diagrams' }, component: DiagramPanel },
  { id: 'conversation', label: { id: 'convening.panel.conversation', defaultMessage: 'Conversation' }, component: ConversationPanel },
  { id: 'climate', label: { id: 'convening.panel.climate', defaultMessage: 'Climate' }, component: ClimatePanel },
  { id: 'harvest', label: { id: 'convening.panel.harvest', defaultMessage: 'Harvest' }, component: HarvestPanel },
]
