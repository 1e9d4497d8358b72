import { notesText } from '../../session/doc'
import type { HarvestSection } from '../blocks'

/** The group's shared notes pad, kept as written (it is Markdown already). */
export const sharedNotesSection: HarvestSection = {
  id: 'shared-notes',
  title: { id: 'notes.export.section.sharedNotes', defaultMessage: 'Shared notes' },
  order: 30,
  collect(doc) {
    const text = notesText(doc).toString()
    if (text.trim() === '') return null
    return { blocks: [{ kind: 'prose', text }] }
  },
}
