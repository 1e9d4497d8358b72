import type { Message } from '../../i18n/messages'
import type { HarvestSection } from '../blocks'
import { agendaSection } from '../../facilitation/harvest'
import { actionsSection } from './actions'
import { climateSection } from './climate'
import { conversationSection } from './conversation'
import { diagramsSection } from './diagrams'
import { peopleSection } from './people'
import { sharedNotesSection } from './sharedNotes'

export { journalSection, parseJournal, JournalEntrySchema, type JournalNote, type PromptLookup } from './journal'

/**
 * The sections of every harvest, by `order`:
 *
 *   10 people · 20 agenda (run of show) · 30 shared notes · 40 action items
 *   50 diagrams · 60 conversation (prompts and responses) · 70 climate
 *
 * Each capability adds its own section here as it lands: a `HarvestSection` exported
 * from its shared/ module that reads its part of the document leniently and returns
 * blocks (see blocks.ts). Sections that show responses must honour the anonymity
 * setting and `context.viewerId` themselves: the public notes (viewerId null) never
 * name the author of an anonymous response and never show a hidden response before
 * it was revealed.
 */
/**
 * A section of another module that still names itself in plain English: its heading in
 * the exporter's language. Once the module gives its title as a message, its own wins
 * and this changes nothing.
 */
export function titled(section: HarvestSection, title: Message): HarvestSection {
  return typeof section.title === 'string' ? { ...section, title } : section
}

export const HARVEST_SECTIONS: readonly HarvestSection[] = [
  peopleSection,
  titled(agendaSection, { id: 'notes.export.section.agenda', defaultMessage: 'Run of show' }),
  sharedNotesSection,
  actionsSection,
  diagramsSection,
  conversationSection,
  climateSection,
]
