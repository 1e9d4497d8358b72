import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import { collectHarvest, harvestName, harvestToHtml, harvestToMarkdown, journalSection, localTimeScript, LOCAL_TIME_SCRIPT } from '../../../../shared/notes'
import { promptTextById } from '../../../../shared/conversation'
import { english, translator, type Catalog } from '../../../../shared/i18n'
import { ADA, NOTES } from './sample'
import { RICH_JOURNAL, RICH_NOW, richConvening } from './rich'

// A few of the notes' messages in Quebec French, as the catalog would give them: the
// test names its own words so it does not depend on the state of the real catalog.
const FRENCH: Catalog = {
  'notes.export.section.people': 'Personnes',
  'notes.export.section.sharedNotes': 'Notes partagées',
  'notes.export.section.actions': 'Actions à faire',
  'notes.export.section.diagrams': 'Diagrammes',
  'notes.export.section.conversation': 'Conversation',
  'notes.export.section.climate': 'Simulation climatique',
  'notes.export.section.journal': 'Mon journal',
  'notes.export.intro.public':
    'Notes de la rencontre. Tenue le {created} · {count, plural, one {# personne} other {# personnes}} · exportée de Convene le {exported}.',
  'notes.export.zone': 'Les heures sont à {zone}.',
  'notes.export.page.footer': 'Exporté de Convene le {date}.',
  'notes.export.page.yourTime': '({time}, votre heure)',
  'notes.export.page.yourZone': 'Votre heure ({zone}) est indiquée à côté de chaque heure.',
  'notes.export.page.mermaidSource': 'Source Mermaid',
  'notes.export.page.due': 'échéance : {date}',
  'notes.export.conversation.responses': '{count, plural, one {# réponse écrite} other {# réponses écrites}}',
  'notes.export.conversation.shownAt': 'affichée à {time}',
  'notes.export.conversation.anonymous': 'Anonyme',
  'notes.export.diagram.loopsHeading': 'Boucles',
  'notes.export.climate.scenarios': 'Scénarios enregistrés',
  'notes.export.climate.warming': '{value} °C (probablement {low} à {high})',
  'notes.export.term': '{term}\u00a0:',
  'notes.export.journal.empty': 'Vous n’avez rien écrit dans votre journal pendant cette rencontre.',
  'notes.export.fileName.mine': '{title} — mes notes',
  'role.facilitator': 'Animation',
}

/** Item ids come from crypto.getRandomValues: counted instead, the diagrams' order (and so the whole text) is the same on every run. */
function countedIds(): void {
  let n = 1
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = array as unknown as Uint8Array
    for (let i = 0; i < bytes.length; i++) bytes[i] = (n * 31 + i * 7) & 0xff
    n++
    return array
  })
}

function frontMatterOf(markdown: string): Record<string, unknown> {
  return parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1]) as Record<string, unknown>
}

/** The page without its inline images (base64 of the same SVGs the Markdown folder holds). */
const withoutImages = (html: string): string => html.replace(/data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+/g, 'data:…')

describe('the notes in the exporter’s language', () => {
  beforeEach(countedIds)
  afterEach(() => vi.restoreAllMocks())

  it('write every heading and fixed word in fr-CA, with French dates, and record the language', () => {
    const { doc } = richConvening()
    const harvest = collectHarvest(doc, { now: RICH_NOW, t: translator('fr-CA', FRENCH) })
    const markdown = harvestToMarkdown(harvest)
    expect(markdown).toMatch(/^language: fr-CA$/m)
    expect(frontMatterOf(markdown).language).toBe('fr-CA')
    expect(markdown.match(/^## .*$/gm)).toEqual([
      '## Personnes',
      '## Notes partagées',
      '## Actions à faire',
      '## Diagrammes',
      '## Conversation',
      '## Simulation climatique',
    ])
    expect(markdown).toContain('Notes de la rencontre. Tenue le 12 mars 2026 · 3 personnes · exportée de Convene le 14 mars 2026. Les heures sont à Europe/Lisbon')
    expect(markdown).toContain('— Animation · Europe/Lisbon')
    expect(markdown).toContain('#### Boucles')
    expect(markdown).toContain('affichée à 10 h 15 · 2 réponses écrites')
    expect(markdown).toContain('### Scénarios enregistrés')
    // Numbers in French: a decimal comma.
    expect(markdown).toMatch(/\| Price on carbon \| \d,\d °C \(probablement \d,\d à \d,\d\) \|/)
    expect(markdown).toContain('*Anonyme*')
    // Labels before their values take French spacing too.
    expect(markdown).toContain('- **Carbon price\u00a0:** 100 \\$/tCO2')
    expect(markdown).not.toMatch(/Notes of the convening|Shared notes|Action items|written response|shown at/)
  })

  it('keep what people wrote exactly as they wrote it', () => {
    const { doc } = richConvening()
    const french = harvestToMarkdown(collectHarvest(doc, { now: RICH_NOW, t: translator('fr-CA', FRENCH) }))
    const english = harvestToMarkdown(collectHarvest(doc, { now: RICH_NOW }))
    for (const words of [
      '# Spring / gathering: "day one" --- \\<script\\>alert(1)\\</script\\>',
      NOTES.split('\n')[1],
      '- [ ] Send the harvest to everyone — **Ada "the host"** 📅 2026-03-20',
      '### Why the garden grows',
      '**Seed bank \\[growth\\]**',
      '### What did you \\*notice\\*?',
      'The **quiet** ones spoke last.',
      'I am afraid of the budget talk.',
      '#### Price on carbon',
    ]) {
      expect(english).toContain(words)
      expect(french).toContain(words)
    }
  })

  it('make the page French too: its language, its dates, and the script that adds each reader’s own time', () => {
    const { doc } = richConvening()
    const t = translator('fr-CA', FRENCH)
    const html = harvestToHtml(collectHarvest(doc, { now: RICH_NOW, t }))
    expect(html).toContain('<html lang="fr-CA" data-zone="Europe/Lisbon">')
    expect(html).toContain('<footer>Exporté de Convene le 14 mars 2026.</footer>')
    expect(html).toContain('<summary>Source Mermaid</summary>')
    expect(html).toContain('<span class="due">échéance : 20 mars 2026</span>')
    const script = localTimeScript(t)
    expect(script).toContain("s.textContent=' ('+d.toLocaleString(['fr-CA'],o)+', votre heure)'")
    expect(script).toContain("' Votre heure ('+here+') est indiqu")
    // The page runs exactly that script, and its policy allows it by its hash.
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1])).toEqual([script])
    expect(html).toContain(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}'`)
  })

  it('give a person’s own notes their file name and journal in that language', () => {
    const { doc } = richConvening()
    const empty = collectHarvest(doc, { now: RICH_NOW, viewerId: ADA.id, extraSections: [journalSection([])], t: translator('fr-CA', FRENCH) })
    expect(harvestName(empty)).toMatch(/ — mes notes$/)
    expect(harvestToMarkdown(empty)).toContain('## Mon journal\n\n*Vous n’avez rien écrit dans votre journal pendant cette rencontre.*')
  })

  it('write dates the way each language does', () => {
    const { doc } = richConvening()
    const intro = (locale: 'da' | 'de-CH' | 'id' | 'zh-HK'): string => {
      const markdown = harvestToMarkdown(collectHarvest(doc, { now: RICH_NOW, t: translator(locale, {}) }))
      expect(frontMatterOf(markdown).language).toBe(locale)
      return markdown
    }
    // Untranslated messages fall back to English words, but the dates are already the language's own.
    expect(intro('de-CH')).toContain('Convened on 12. März 2026')
    expect(intro('zh-HK')).toContain('Convened on 2026年3月12日')
  })
})

describe('English notes', () => {
  beforeEach(countedIds)
  afterEach(() => vi.restoreAllMocks())

  it('are what the app has always written (the language named or not)', async () => {
    const { doc } = richConvening()
    const mine = { viewerId: ADA.id, timeZone: 'Asia/Kolkata', extraSections: [journalSection(RICH_JOURNAL, promptTextById)] }
    const outputs = (t?: typeof english) => {
      const options = t ? { t } : {}
      const pub = collectHarvest(doc, { now: RICH_NOW, ...options })
      const own = collectHarvest(doc, { now: RICH_NOW, ...mine, ...options })
      return [harvestToMarkdown(pub), harvestToMarkdown(own), withoutImages(harvestToHtml(pub)), withoutImages(harvestToHtml(own))]
    }
    const [publicMd, mineMd, publicHtml, mineHtml] = outputs()
    expect(outputs(english)).toEqual([publicMd, mineMd, publicHtml, mineHtml])
    expect(outputs(translator('en', {}))).toEqual([publicMd, mineMd, publicHtml, mineHtml])
    expect(publicMd).toMatch(/^language: en$/m)
    // The whole text, word for word. Checked against what the notes wrote before they spoke
    // other languages: only the `language` line is new, and a prompt without a label no
    // longer starts its line with "null".
    await expect(publicMd).toMatchFileSnapshot('./__snapshots__/rich.en.md')
    await expect(mineMd).toMatchFileSnapshot('./__snapshots__/rich-mine.en.md')
    await expect(publicHtml).toMatchFileSnapshot('./__snapshots__/rich.en.html')
    await expect(mineHtml).toMatchFileSnapshot('./__snapshots__/rich-mine.en.html')
    expect(localTimeScript(english)).toBe(LOCAL_TIME_SCRIPT)
  })
})
