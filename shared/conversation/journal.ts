/**
 * A person's private journal as Markdown, for their own download. The entries come from
 * their computer's local storage; this module only formats them.
 */
export interface JournalNoteInput {
  promptId: string | null
  text: string
  createdAt: number
  updatedAt: number
}

export interface JournalExportOptions {
  conveningTitle: string
  /** Words of a prompt by id, or null when unknown. */
  promptText: (promptId: string) => string | null
  now: number
  timeZone?: string
}

function when(ms: number, timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(ms))
  } catch {
    return new Date(ms).toISOString()
  }
}

/** Quote a line so it cannot start a heading or list of its own. */
function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}

export function journalToMarkdown(entries: readonly JournalNoteInput[], options: JournalExportOptions): string {
  const notes = entries.filter((e) => e.text.trim() !== '').sort((a, b) => a.createdAt - b.createdAt)
  const lines = [
    `# My journal: ${options.conveningTitle.replace(/\s+/g, ' ').trim() || 'Untitled convening'}`,
    '',
    `_Private notes kept only on my computer. Exported ${when(options.now, options.timeZone)}._`,
    '',
  ]
  if (notes.length === 0) lines.push('Nothing written yet.', '')
  for (const note of notes) {
    const prompt = note.promptId ? options.promptText(note.promptId) : null
    lines.push(`## ${prompt ? 'On a prompt' : 'General notes'} · ${when(note.createdAt, options.timeZone)}`, '')
    if (prompt) lines.push(quoteBlock(prompt.replace(/\s+/g, ' ').trim()), '')
    lines.push(note.text.trim(), '')
  }
  return lines.join('\n')
}
