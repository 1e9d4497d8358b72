import type * as Y from 'yjs'
import { z } from 'zod'
import type { Block, HarvestSection } from '../blocks'
import { momentSpan } from '../dates'
import { translatorOf } from '../language'

const M = {
  title: { id: 'notes.export.section.journal', defaultMessage: 'My journal' },
  empty: { id: 'notes.export.journal.empty', defaultMessage: 'You wrote nothing in your journal during this convening.' },
  onPrompt: { id: 'notes.export.journal.onPrompt', defaultMessage: '— on “{prompt}”', description: 'After the time of a journal entry: the prompt it answers' },
} as const

/**
 * A person's private journal for "My notes". Entries come from this computer's own
 * storage (never from the shared document), so only their owner can export them.
 */
export const JournalEntrySchema = z.object({
  id: z.string().max(64),
  promptId: z.string().max(64).nullable(),
  text: z.string().max(200_000),
  createdAt: z.number().finite(),
  updatedAt: z.number().finite(),
})
export type JournalNote = z.infer<typeof JournalEntrySchema>

/** The words of a prompt, for the journal's bylines (the conversation feature provides it). */
export type PromptLookup = (doc: Y.Doc, promptId: string) => string | null

/** Entries that do not parse are left out (they may come from another build of the app). */
export function parseJournal(entries: readonly unknown[]): JournalNote[] {
  const out: JournalNote[] = []
  for (const entry of entries) {
    const parsed = JournalEntrySchema.safeParse(entry)
    if (parsed.success && parsed.data.text.trim() !== '') out.push(parsed.data)
  }
  return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))
}

function safeLookup(lookup: PromptLookup, doc: Y.Doc, promptId: string): string | null {
  try {
    return lookup(doc, promptId)
  } catch {
    // A prompt that cannot be found only costs the byline its words.
    return null
  }
}

export function journalSection(entries: readonly unknown[], promptText: PromptLookup = () => null): HarvestSection {
  const notes = parseJournal(entries)
  return {
    id: 'journal',
    title: M.title,
    order: 5,
    collect(doc, context) {
      const t = translatorOf(context)
      if (notes.length === 0) {
        return { blocks: [{ kind: 'paragraph', muted: true, text: t.formatMessage(M.empty) }] }
      }
      const blocks: Block[] = notes.map((note) => {
        const prompt = note.promptId ? safeLookup(promptText, doc, note.promptId) : null
        const when = momentSpan(note.createdAt, context.timeZone, true, t)
        return { kind: 'prose', text: note.text, byline: prompt ? [when, { text: ` ${t.formatMessage(M.onPrompt, { prompt })}` }] : [when] }
      })
      return { blocks, tags: ['journal'] }
    },
  }
}
