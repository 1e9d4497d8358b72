import * as Y from 'yjs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runHarvestJob, type HarvestJobRequest } from '../../../../../renderer/features/harvest/jobs'
import { metaMap, seedConvening } from '../../../../../shared/session'
import { ADA, CREATED_AT, sampleConvening } from '../../../shared/notes/sample'

const NOW = Date.UTC(2026, 2, 14, 16, 0)
const FRENCH = {
  'notes.export.section.people': 'Personnes',
  'notes.export.untitled': 'Rencontre sans titre',
  'harvest.archive.untitled': 'Rencontre sans titre',
  'harvest.progress.packing': 'Emballage du dossier',
}

function request(doc: Y.Doc, kind: HarvestJobRequest['kind'], locale: HarvestJobRequest['locale'], messages: HarvestJobRequest['messages'] = {}): HarvestJobRequest {
  return { id: 1, kind, update: Y.encodeStateAsUpdate(doc), viewerId: null, journal: [], now: NOW, locale, messages }
}

describe('export jobs', () => {
  it('write the notes in the language and catalog the page handed over', () => {
    const { doc } = sampleConvening()
    const labels: string[] = []
    const result = runHarvestJob(request(doc, 'markdown', 'fr-CA', FRENCH), (_done, _total, label) => labels.push(label))
    if (result.kind !== 'markdown') throw new Error(result.kind)
    expect(result.markdown).toMatch(/^language: fr-CA$/m)
    expect(result.markdown).toContain('## Personnes')
    expect(labels).toContain('Personnes')
    expect(labels.at(-1)).toBe('Emballage du dossier')
    const files = unzipSync(result.zip)
    expect(strFromU8(files[`${result.name}/${result.name}.md`])).toBe(result.markdown)
  })

  it('stay in English when the person speaks English', () => {
    const { doc } = sampleConvening()
    const result = runHarvestJob(request(doc, 'preview', 'en'), () => undefined)
    if (result.kind !== 'preview') throw new Error(result.kind)
    expect(result.markdown).toMatch(/^language: en$/m)
    expect(result.markdown).toContain('## People')
  })

  it('name an untitled convening in the person’s language', () => {
    const doc = new Y.Doc()
    seedConvening(doc, { id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'Soon renamed', createdBy: ADA, now: CREATED_AT })
    // A title emptied by a peer's faulty build (the app itself never writes an empty one).
    metaMap(doc).set('title', '')
    const html = runHarvestJob(request(doc, 'html', 'fr-CA', FRENCH), () => undefined)
    expect(html.kind === 'html' && html.name).toBe('Rencontre sans titre')
    const archive = runHarvestJob(request(doc, 'archive', 'fr-CA', FRENCH), () => undefined)
    expect(archive.kind === 'archive' && archive.name).toBe('Rencontre sans titre')
  })
})
