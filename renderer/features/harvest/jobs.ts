import * as Y from 'yjs'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { readTitle, writeArchive } from '../../../shared/session'
import { collectHarvest, harvestFolder, harvestName, harvestToHtml, harvestToMarkdown, journalSection, type PromptLookup } from '../../../shared/notes'
import { promptTextById } from '../../../shared/conversation'
import { SOURCE_LOCALE, translator, type AnyLocale, type Catalog, type ParsedCatalog } from '../../../shared/i18n'

/**
 * Export jobs: what the harvest worker does, off the interaction path. The live
 * session hands over its state (Y.encodeStateAsUpdate); the job rebuilds the
 * convening in a document of its own, so typing and syncing go on while a large
 * convening is written out.
 */
export type HarvestJobKind = 'markdown' | 'html' | 'preview' | 'archive'

export interface HarvestJobRequest {
  id: number
  kind: HarvestJobKind
  update: Uint8Array
  /** Set for "My notes". */
  viewerId: string | null
  /** The person's own journal entries (only with viewerId). */
  journal: unknown[]
  timeZone?: string
  now: number
  exportedBy?: string
  /** The exporter's language and its loaded catalog: the notes are written in it (a worker has no catalog of its own). English when not given. */
  locale?: AnyLocale
  messages?: Catalog | ParsedCatalog
}

export type HarvestJobResult =
  | { kind: 'markdown'; name: string; zip: Uint8Array; markdown: string }
  | { kind: 'html'; name: string; html: string }
  | { kind: 'preview'; markdown: string }
  | { kind: 'archive'; name: string; archive: Uint8Array }

export type HarvestJobMessage =
  | { id: number; type: 'progress'; done: number; total: number; label: string }
  | { id: number; type: 'done'; result: HarvestJobResult }
  | { id: number; type: 'error'; message: string }

/** The words of a prompt, for the journal's bylines (the conversation knows where prompts live). */
const promptLookup: PromptLookup = promptTextById

const M = {
  untitled: { id: 'harvest.archive.untitled', defaultMessage: 'Untitled convening', description: 'The archive file’s name when the convening has no title' },
  packing: { id: 'harvest.progress.packing', defaultMessage: 'Packing the folder', description: 'The last step of saving the Markdown folder' },
} as const

/** The Markdown folder as one zip: `<name>/<name>.md` and `<name>/images/…`. */
export function zipFolder(folder: string, files: { path: string; data: string | Uint8Array }[]): Uint8Array {
  const tree: Zippable = {}
  for (const file of files) tree[`${folder}/${file.path}`] = typeof file.data === 'string' ? strToU8(file.data) : file.data
  return zipSync(tree, { level: 6 })
}

export function runHarvestJob(request: HarvestJobRequest, progress: (done: number, total: number, label: string) => void): HarvestJobResult {
  const doc = new Y.Doc()
  const t = translator(request.locale ?? SOURCE_LOCALE, request.messages)
  try {
    Y.applyUpdate(doc, request.update)
    if (request.kind === 'archive') {
      const archive = writeArchive(doc, { now: request.now, exportedBy: request.exportedBy })
      return { kind: 'archive', name: readTitle(doc).trim() || t.formatMessage(M.untitled), archive }
    }
    const harvest = collectHarvest(doc, {
      t,
      now: request.now,
      timeZone: request.timeZone,
      viewerId: request.viewerId,
      extraSections: request.viewerId ? [journalSection(request.journal, promptLookup)] : [],
      onProgress: ({ done, total, label }) => progress(done, total, label),
    })
    if (request.kind === 'preview') return { kind: 'preview', markdown: harvestToMarkdown(harvest) }
    if (request.kind === 'html') return { kind: 'html', name: harvestName(harvest), html: harvestToHtml(harvest) }
    const { folder, files } = harvestFolder(harvest)
    progress(files.length, files.length + 1, t.formatMessage(M.packing))
    return { kind: 'markdown', name: folder, zip: zipFolder(folder, files), markdown: files[0].data as string }
  } finally {
    doc.destroy()
  }
}
