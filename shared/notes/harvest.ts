import type * as Y from 'yjs'
import { readMeta, readPeople, readTitle } from '../session/doc'
import { sanitiseFileName } from '../ipc/filename'
import type { Block, HarvestContext, HarvestFile, HarvestSection } from './blocks'
import { isValidTimeZone, isoDate, longDate, zoneLabel } from './dates'
import { frontMatter, plain, type YamlValue } from './yaml'
import { blockToMarkdown, escapeInline } from './markdown'
import { LOCAL_TIME_SCRIPT, PAGE_POLICY, PAGE_STYLE, blockToHtml, escapeHtml, localTimeScriptSource } from './html'
import { HARVEST_SECTIONS } from './sections'
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
  onProgress?: (progress: HarvestProgress) => void
}

/** The built-in sections, with the polls (a section of the conversation module, as the agenda's is of facilitation), the loop plays (of the diagram module) and the dot votes (of facilitation). */
const BUILT_IN_SECTIONS: readonly HarvestSection[] = [...HARVEST_SECTIONS, pollsSection, playsSection, votesSection]

const UNREADABLE = 'This part could not be read from the convening (it may come from a newer or faulty version of Convene).'

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
  const context: HarvestContext = { viewerId: options.viewerId ?? null, timeZone, now }
  const sections = [...(options.sections ?? BUILT_IN_SECTIONS), ...(options.extraSections ?? [])].sort(
    (a, b) => a.order - b.order || a.id.localeCompare(b.id),
  )
  const meta = readMeta(doc)
  const tags = new Set(['convene', 'convening'])
  if (options.viewerId) tags.add('my-notes')
  const parts: HarvestPart[] = []
  sections.forEach((section, i) => {
    try {
      const content = section.collect(doc, context)
      if (content && content.blocks.length > 0) {
        parts.push({ id: section.id, title: section.title, blocks: content.blocks })
        for (const tag of content.tags ?? []) if (normaliseTag(tag)) tags.add(normaliseTag(tag))
      }
    } catch {
      parts.push({ id: section.id, title: section.title, blocks: [{ kind: 'paragraph', muted: true, text: UNREADABLE }], failed: true })
    }
    options.onProgress?.({ done: i + 1, total: sections.length + 1, label: section.title })
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
    title: readTitle(doc).trim() || 'Untitled convening',
    conveningId: meta?.id ?? '',
    createdAt: meta?.createdAt ?? now,
    exportedAt: now,
    timeZone,
    people: readPeople(doc).map((p) => p.name),
    tags: [...tags],
    personal: Boolean(options.viewerId),
    parts,
    files,
  }
}

/** The file and folder name of the notes: the title, safe on every file system. */
export function harvestName(harvest: Harvest): string {
  return sanitiseFileName(harvest.personal ? `${harvest.title} — my notes` : harvest.title, 100)
}

function intro(harvest: Harvest): string {
  const count = harvest.people.length
  const who = `${count} ${count === 1 ? 'person' : 'people'}`
  const lead = harvest.personal
    ? 'My notes: my private journal with the convening’s shared notes. Nobody else’s private notes are included.'
    : 'Notes of the convening.'
  return `${lead} Convened on ${longDate(harvest.createdAt, harvest.timeZone)} · ${who} · exported from Convene on ${longDate(harvest.exportedAt, harvest.timeZone)}.`
}

/** Every time in the notes is in one zone, said once at the top. */
function zoneNote(harvest: Harvest): string {
  return `Times are in ${zoneLabel(harvest.timeZone, harvest.createdAt)}.`
}

export function harvestFrontMatter(harvest: Harvest): string {
  const entries: [string, YamlValue][] = [
    ['title', harvest.title],
    ['date', plain(isoDate(harvest.createdAt, harvest.timeZone))],
    ['timezone', harvest.timeZone],
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
    for (const block of part.blocks) out.push(blockToMarkdown(block, (image) => paths.get(image.file) ?? ''))
  }
  return out.join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n'
}

export function harvestToHtml(harvest: Harvest): string {
  const sections = harvest.parts.map((part, i) => {
    const id = `part-${i + 1}`
    return `<section aria-labelledby="${id}">\n<h2 id="${id}">${escapeHtml(part.title)}</h2>\n${part.blocks.map((block) => blockToHtml(block)).join('\n')}\n</section>`
  })
  return `<!doctype html>
<html lang="en" data-zone="${escapeHtml(harvest.timeZone)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}; script-src ${localTimeScriptSource()}">
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
<footer>Exported from Convene on ${escapeHtml(longDate(harvest.exportedAt, harvest.timeZone))}.</footer>
<script>${LOCAL_TIME_SCRIPT}</script>
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
