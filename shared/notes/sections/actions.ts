import type { HarvestSection, Span } from '../blocks'
import { ownerLabel, readActions } from '../actions'

/**
 * Action items as a checklist with owners; due dates are written the way Obsidian's
 * Tasks plugin reads them in Markdown (see TaskItem).
 */
export const actionsSection: HarvestSection = {
  id: 'actions',
  title: { id: 'notes.export.section.actions', defaultMessage: 'Action items' },
  order: 40,
  collect(doc) {
    const items = readActions(doc)
    if (items.length === 0) return null
    return {
      blocks: [
        {
          kind: 'tasks',
          items: items.map((item) => {
            const text: Span[] = [{ text: item.text }]
            const owner = ownerLabel(doc, item.owner)
            if (owner) text.push({ text: ' — ' }, { text: owner, strong: true })
            return { text, done: item.done, ...(item.due ? { due: item.due } : {}) }
          }),
        },
      ],
      tags: ['action-items'],
    }
  },
}
