import type * as Y from 'yjs'
import { readMeta, readPeople, readTitle } from '../session/doc'
import { sanitiseFileName } from '../ipc/filename'
import type { Block, HarvestContext, HarvestFile, HarvestSection } from './blocks'
import { isValidTimeZone, isoDate, longDate, zoneLabel } from './dates'
import { frontMatter, isPlainSafe, plain, type YamlValue } from './yaml'
import { blockToMarkdown, escapeInline } from './markdown'
import { PAGE_POLICY, PAGE_STYLE, blockToHtml, escapeHtml, localTimeScript, localTimeScriptSource } from './html'
import { languageTag, sectionTitle } from './language'
import { english, type Translator } from '../i18n/messages'
import { HARVEST_SECTIONS, titled } from './sections'
import { pollsSection } from '../conversation/polls'
import { playsSection } from '../diagram/playRecord'
import { votesSection } from '../facilitation/votes'

/**
 * A convening's harvest: collect every section from the document, then write it as
 * Markdown (a folder: the note plus its images) or as one self-contained HTML page.
 */
export interface HarvestPart {
  id: string
  title: string
  blocks: Block[]
  /** The section could not read its part of the document. */
  failed?: boolean
}

export interface Harvest {
  title: string
  conveningId: string
  createdAt: number
  exportedAt: number
  timeZone: string
  people: string[]
  tags: string[]
  /** A person's own notes (with their journal), not the convening's public notes. */
  personal: boolean
  parts: HarvestPart[]
  /** Every image, in order, with its path inside the notes folder (`images/diagram-1.svg`). */
  files: { file: HarvestFile; path: string }[]
  /** The exporter's language, which wrote every word the app adds (the notes' `language`: languageTag). */
  t: Translator
}

export interface HarvestProgress {
  done: number
  total: number
  label: string
}

export interface HarvestOptions {
  /** Set for "My notes": whose export it is. */
  viewerId?: string | null
  timeZone?: string
  now?: number
  /** The sections to collect; the built-in list by default. */
  sections?: readonly HarvestSection[]
  /** Sections added to the list (e.g. the private journal). */
  extraSections?: readonly HarvestSection[]
  /** The exporter's language (`translator(locale, catalog)` from shared/i18n); English by default. */
  t?: Translator
  onProgress?: (progress: HarvestProgress) => void
}

/** The built-in sections, with the polls (a section of the conversation module, as the agenda's is of facilitation), the loop plays (of the diagram module) and the dot votes (of facilitation). */
const BUILT_IN_SECTIONS: readonly HarvestSection[] = [
  ...HARVEST_SECTIONS,
  titled(pollsSection, { id: 'notes.export.section.polls', defaultMessage: 'Polls' }),
  titled(playsSection, { id: 'notes.export.section.loopPlays', defaultMessage: 'Loop plays' }),
  titled(votesSection, { id: 'notes.export.section.votes', defaultMessage: 'Votes' }),
]

const M = {
  unreadable: {
    id: 'notes.export.unreadable',
    defaultMessage: 'This part could not be read from the convening (it may come from a newer or faulty version of Convene).',
  },
  untitled: { id: 'notes.export.untitled', defaultMessage: 'Untitled convening' },
  mine: { id: 'notes.export.fileName.mine', defaultMessage: '{title} — my notes', description: 'The file and folder name of a person’s own notes' },
  introPublic: {
    id: 'notes.export.intro.public',
    defaultMessage: 'Notes of the convening. Convened on {created} · {count, plural, one {# person} other {# people}} · exported from Convene on {exported}.',
  },
  introMine: {
    id: 'notes.export.intro.mine',
    defaultMessage:
      'My notes: my private journal with the convening’s shared notes. Nobody else’s private notes are included. Convened on {created} · {count, plural, one {# person} other {# people}} · exported from Convene on {exported}.',
  },
  zone: { id: 'notes.export.zone', defaultMessage: 'Times are in {zone}.', description: 'zone: "Europe/Lisbon, GMT+00:00"' },
  footer: { id: 'notes.export.page.footer', defaultMessage: 'Exported from Convene on {date}.' },
} as const

export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9/_-]+/g, '-')
    .replace(/^[-/_0-9]+|[-/_]+$/g, '')
    .slice(0, 40)
}

function safeBase(base: string): string {
  return base.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 32) || 'image'
}

function creatorTimeZone(doc: Y.Doc): string | null {
  const meta = readMeta(doc)
  const creator = meta ? readPeople(doc).find((p) => p.id === meta.createdBy) : undefined
  return creator?.timeZone ?? null
}

export function collectHarvest(doc: Y.Doc, options: HarvestOptions = {}): Harvest {
  const now = options.now ?? Date.now()
  const requested = options.timeZone ?? creatorTimeZone(doc) ?? 'UTC'
  const timeZone = isValidTimeZone(requested) ? requested : 'UTC'
  const t = options.t ?? english
  const context: HarvestContext = { viewerId: options.viewerId ?? null, timeZone, now, t }
  const sections = [...(options.sections ?? BUILT_IN_SECTIONS), ...(options.extraSections ?? [])].sort(
    (a, b) => a.order - b.order || a.id.localeCompare(b.id),
  )
  const meta = readMeta(doc)
  const tags = new Set(['convene', 'convening'])
  if (options.viewerId) tags.add('my-notes')
  const parts: HarvestPart[] = []
  sections.forEach((section, i) => {
    const title = sectionTitle(section, t)
    try {
      const content = section.collect(doc, context)
      if (content && content.blocks.length > 0) {
        parts.push({ id: section.id, title, blocks: content.blocks })
        for (const tag of content.tags ?? []) if (normaliseTag(tag)) tags.add(normaliseTag(tag))
      }
    } catch {
      parts.push({ id: section.id, title, blocks: [{ kind: 'paragraph', muted: true, text: t.formatMessage(M.unreadable) }], failed: true })
    }
    options.onProgress?.({ done: i + 1, total: sections.length + 1, label: title })
  })

  const counters = new Map<string, number>()
  const files: Harvest['files'] = []
  for (const part of parts) {
    for (const block of part.blocks) {
      if (block.kind !== 'image') continue
      const base = safeBase(block.file.base)
      const n = (counters.get(base) ?? 0) + 1
      counters.set(base, n)
      files.push({ file: block.file, path: `images/${base}-${n}.${block.file.extension}` })
    }
  }
  return {
    title: readTitle(doc).trim() || t.formatMessage(M.untitled),
    conveningId: meta?.id ?? '',
    createdAt: meta?.createdAt ?? now,
    exportedAt: now,
    timeZone,
    people: readPeople(doc).map((p) => p.name),
    tags: [...tags],
    personal: Boolean(options.viewerId),
    parts,
    files,
    t,
  }
}

/** The file and folder name of the notes: the title, safe on every file system. */
export function harvestName(harvest: Harvest): string {
  return sanitiseFileName(harvest.personal ? harvest.t.formatMessage(M.mine, { title: harvest.title }) : harvest.title, 100)
}

function intro(harvest: Harvest): string {
  const { t, timeZone } = harvest
  return t.formatMessage(harvest.personal ? M.introMine : M.introPublic, {
    created: longDate(harvest.createdAt, timeZone, t),
    count: harvest.people.length,
    exported: longDate(harvest.exportedAt, timeZone, t),
  })
}

/** Every time in the notes is in one zone, said once at the top. */
function zoneNote(harvest: Harvest): string {
  return harvest.t.formatMessage(M.zone, { zone: zoneLabel(harvest.timeZone, harvest.createdAt, harvest.t) })
}

/** The notes' language as a BCP 47 tag, unquoted when YAML keeps it a string (`fr-CA`). */
function languageValue(harvest: Harvest): YamlValue {
  const tag = languageTag(harvest.t)
  return isPlainSafe(tag) ? plain(tag) : tag
}

export function harvestFrontMatter(harvest: Harvest): string {
  const entries: [string, YamlValue][] = [
    ['title', harvest.title],
    ['date', plain(isoDate(harvest.createdAt, harvest.timeZone))],
    ['timezone', harvest.timeZone],
    ['language', languageValue(harvest)],
    ['people', harvest.people],
    ['tags', harvest.tags],
  ]
  if (harvest.conveningId) entries.push(['convening', harvest.conveningId])
  entries.push(['exported', plain(new Date(harvest.exportedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'))], ['source', 'Convene'])
  return frontMatter(entries)
}

function imagePaths(harvest: Harvest): Map<HarvestFile, string> {
  return new Map(harvest.files.map(({ file, path }) => [file, path]))
}

export function harvestToMarkdown(harvest: Harvest): string {
  const paths = imagePaths(harvest)
  const out: string[] = [harvestFrontMatter(harvest), `# ${escapeInline(harvest.title)}`, `*${escapeInline(`${intro(harvest)} ${zoneNote(harvest)}`)}*`]
  for (const part of harvest.parts) {
    out.push(`## ${escapeInline(part.title)}`)
    for (const block of part.blocks) out.push(blockToMarkdown(block, (image) => paths.get(image.file) ?? '', 2, harvest.t))
  }
  return out.join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n'
}

export function harvestToHtml(harvest: Harvest): string {
  const { t } = harvest
  const sections = harvest.parts.map((part, i) => {
    const id = `part-${i + 1}`
    return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(part.title)}</h2>\n${part.blocks.map((block) => blockToHtml(block, 2, t)).join('\n')}\n</section>`
  })
  const script = localTimeScript(t)
  return `<!doctype html>
<html lang="${escapeHtml(languageTag(t))}" data-zone="${escapeHtml(harvest.timeZone)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}; script-src ${localTimeScriptSource(script)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Convene">
<title>${escapeHtml(harvest.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(harvest.title)}</h1>
<p class="muted">${escapeHtml(intro(harvest))} <span id="zone-note">${escapeHtml(zoneNote(harvest))}</span></p>
</header>
<main>
${sections.join('\n')}
</main>
<footer>${escapeHtml(t.formatMessage(M.footer, { date: longDate(harvest.exportedAt, harvest.timeZone, t) }))}</footer>
<script>${script}</script>
</body>
</html>
`
}

export interface FolderFile {
  /** Inside the notes folder: `<name>.md` or `images/diagram-1.svg`. */
  path: string
  data: string | Uint8Array
}

/** The Markdown folder: `<title>.md` and `images/…`, paths relative to the folder `<title>/`. */
export function harvestFolder(harvest: Harvest): { folder: string; files: FolderFile[] } {
  const folder = harvestName(harvest)
  return {
    folder,
    files: [{ path: `${folder}.md`, data: harvestToMarkdown(harvest) }, ...harvest.files.map(({ file, path }) => ({ path, data: file.data }))],
  }
}
