import type * as Y from 'yjs'
import type { Message, Translator } from '../i18n/messages'

/**
 * The harvest, before it becomes Markdown or HTML: sections of plain blocks. Sections
 * never write Markdown or HTML themselves, so every piece of text a person typed is
 * escaped in exactly one place per output format (markdown.ts, html.ts).
 *
 * Text that people wrote as prose (the shared notes, journal entries, responses) is a
 * `prose` block: light Markdown that is kept as written in the Markdown file (only
 * what could break the surrounding document is neutralised) and rendered through the
 * small parser in prose.ts for HTML. Everything else (titles, names, labels) is plain
 * text and shows exactly as typed.
 */

/** A run of plain text, optionally bold, italic or code. */
export interface Span {
  text: string
  strong?: boolean
  em?: boolean
  code?: boolean
  /**
   * The text is a moment, written in the export's time zone: `at` in ms since the
   * epoch; `day` when the text carries the date too. The HTML page adds each reader's
   * own time beside it when they are somewhere else.
   */
  moment?: { at: number; day: boolean }
}

/** Plain text, or a line of spans. */
export type Text = string | readonly Span[]

export interface ListItem {
  text: Text
  /** Lines under the item (each plain text). */
  details?: readonly Text[]
}

export interface TaskItem {
  text: Text
  done: boolean
  /** ISO date (YYYY-MM-DD): `📅 2026-03-20` in Markdown (Obsidian Tasks' form), "due 20 March 2026" in HTML. */
  due?: string
}

/** An image or other file that goes beside the notes (Markdown) or inline (HTML). */
export interface HarvestFile {
  /** A short base name: `diagram` becomes `images/diagram-1.svg`. Letters, digits, dashes. */
  base: string
  extension: 'svg' | 'png'
  mimeType: 'image/svg+xml' | 'image/png'
  data: string | Uint8Array
}

export type Block =
  | { kind: 'heading'; level: 3 | 4 | 5; text: Text }
  | { kind: 'paragraph'; text: Text; muted?: boolean }
  | { kind: 'list'; items: readonly ListItem[]; ordered?: boolean }
  | { kind: 'tasks'; items: readonly TaskItem[] }
  | { kind: 'facts'; rows: readonly (readonly [string, Text])[] }
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly Text[])[] }
  | { kind: 'image'; file: HarvestFile; alt: string }
  | { kind: 'code'; language: string; text: string }
  | { kind: 'prose'; text: string; byline?: Text }

export interface SectionContent {
  blocks: Block[]
  /** Tags for the front matter (lower case, dashes), e.g. `causal-loop-diagram`. */
  tags?: string[]
}

export interface HarvestContext {
  /** null: the convening's public notes; a person id: that person's own export. */
  viewerId: string | null
  /** Dates in the notes are written in this time zone (IANA name). */
  timeZone: string
  /** When the export was made (ms since epoch). */
  now: number
  /**
   * The exporter's language: every word a section writes itself (headings, labels,
   * counts, dates) goes through it; what people wrote stays as written. English when
   * not given.
   */
  t?: Translator
}

/**
 * One part of the harvest. Each capability contributes its own section; `collect`
 * returns null when it has nothing to say, and must tolerate a missing or malformed
 * part of the document (a peer may run a buggy build). A section that throws anyway
 * is shown as unreadable; the rest of the harvest is still written.
 */
export interface HarvestSection {
  id: string
  /** The section's heading: a message in the exporter's language (a plain string is written as it is). */
  title: string | Message
  /** Position in the notes: lower first. */
  order: number
  collect(doc: Y.Doc, context: HarvestContext): SectionContent | null
}
