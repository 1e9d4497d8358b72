import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { collectHarvest, harvestToHtml, harvestToMarkdown, journalSection, LOCAL_TIME_SCRIPT, PAGE_POLICY } from '../../../../shared/notes'
import { findLoops, loopNumbers, readDiagram } from '../../../../shared/diagram'
import { ADA, BEN, sampleConvening } from './sample'

const NOW = Date.UTC(2026, 2, 14, 16, 0)

function htmlOf() {
  const sample = sampleConvening()
  return { sample, html: harvestToHtml(collectHarvest(sample.doc, { now: NOW })) }
}

/** Text content of the page: tags dropped, entities decoded. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

describe('the HTML page', () => {
  it('is one self-contained file: inline style, inline images, and a policy that loads nothing else', () => {
    const { html } = htmlOf()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    // One script, allowed by its hash (computed here independently) and by nothing else.
    const hash = createHash('sha256').update(LOCAL_TIME_SCRIPT).digest('base64')
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}; script-src 'sha256-${hash}'">`)
    expect(html).toMatch(/<style>[\s\S]+@media print[\s\S]+<\/style>/)
    expect([...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1])).toEqual([LOCAL_TIME_SCRIPT])
    expect(html).not.toMatch(/<link\b|<script\b[^>]*\ssrc=|\ssrc="(?!data:)/i)
    const images = [...html.matchAll(/<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"]*)">/g)]
    expect(images).toHaveLength(1)
    const svg = Buffer.from(images[0][1], 'base64').toString('utf8')
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('Plants')
  })

  it('escapes every piece of text people typed', () => {
    const { html } = htmlOf()
    // The title's <script> and the note's <img onerror> arrive as text only.
    expect(html.match(/<script>/gi)).toHaveLength(1) // ours, at the end
    expect(html).not.toMatch(/<img src=x|<b>/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; and a &lt; b')
    expect(textOf(html)).toContain(`${BEN.name} — Practitioner`)
    expect(textOf(html)).toContain(ADA.name)
  })

  it('renders the shared notes’ formatting: headings under the section, bold, lists, checkboxes, safe links', () => {
    const { html } = htmlOf()
    expect(html).toContain('<h3>Check-in</h3>')
    expect(html).toContain('<strong>curious</strong>, <em>tired</em>, <code>hopeful</code>')
    expect(html).toMatch(
      /<ul><li class="task"><span class="box" role="img" aria-label="not done">☐<\/span> send the slides<\/li><li class="task"><span class="box" role="img" aria-label="done">☑<\/span> book the room<\/li><li>a bullet/,
    )
    expect(html).toContain('<a href="https://example.org/a?b=1" rel="noopener noreferrer">link</a>')
    expect(html).toMatch(/<li>a bullet with a <a[^>]+>link<\/a><ul><li>nested point<\/li><\/ul><\/li>/)
    expect(html).toContain('<pre><code>an unclosed fence</code></pre>')
  })

  it('lists every loop with its name and polarity, and action items with owners', () => {
    const { sample, html } = htmlOf()
    const text = textOf(html)
    const loops = findLoops(readDiagram(sample.doc, sample.diagramId)!).loops
    const numbers = loopNumbers(loops)
    for (const loop of loops) expect(text).toContain(`${numbers.get(loop.id)}`)
    expect(text).toMatch(/R1 Seed bank \[growth\] — reinforcing: /)
    expect(text).toMatch(/B1 — balancing: /)
    expect(text).toContain(`☐ Send the harvest to everyone — ${ADA.name} due 20 March 2026`)
    expect(text).toContain('Draft the | letter *now* — The Lisbon hub')
  })

  it('keeps the Mermaid source out of the way, and drops links that are not web or mail addresses', () => {
    const { doc } = sampleConvening()
    doc.getText('notes').insert(0, '[click](javascript:alert(1)) [mail](mailto:a@b.org)\n\n')
    const html = harvestToHtml(collectHarvest(doc, { now: NOW }))
    expect(html).not.toContain('href="javascript')
    expect(html).toContain('[click](javascript:alert(1))')
    expect(html).toContain('<a href="mailto:a@b.org" rel="noopener noreferrer">mail</a>')
    expect(html).toMatch(/<details><summary>Mermaid source<\/summary><pre><code>flowchart LR\n/)
  })
})

describe('base64 for inline images', () => {
  it('matches the standard encoding for every padding length and for large files', async () => {
    const { base64 } = await import('../../../../shared/notes')
    for (const length of [0, 1, 2, 3, 4, 5, 100_001]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff)
      expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })
})

describe('times in the notes', () => {
  it('say their zone once, and each moment carries its instant for the reader’s own time', () => {
    const entry = { id: 'j1', conveningId: 'x', promptId: null, text: 'A thought.', createdAt: Date.UTC(2026, 2, 12, 10, 0), updatedAt: 0 }
    const harvest = collectHarvest(sampleConvening().doc, { now: NOW, timeZone: 'Asia/Kolkata', viewerId: ADA.id, extraSections: [journalSection([entry], () => null)] })
    const html = harvestToHtml(harvest)
    expect(html).toContain('<html lang="en" data-zone="Asia/Kolkata">')
    expect(textOf(html)).toContain('Times are in Asia/Kolkata, GMT+05:30.')
    const moments = [...html.matchAll(/<time datetime="([^"]+)" data-at="(\d+)"( data-day="")?>([^<]+)<\/time>/g)]
    expect(moments.map((m) => [m[1], m[2], m[3] !== undefined, m[4]])).toEqual([['2026-03-12T10:00:00.000Z', String(entry.createdAt), true, '12 March 2026, 15:30']])
    const markdown = harvestToMarkdown(harvest)
    expect(markdown).toContain('timezone: "Asia/Kolkata"')
    expect(markdown).toContain('Times are in Asia/Kolkata, GMT+05:30.')
  })
})
