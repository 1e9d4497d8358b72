import type { Block, HarvestFile, Span, Text } from './blocks'
import { parseProse, type ProseBlock, type ProseInline, type ProseList } from './prose'
import { sha256 } from '@noble/hashes/sha2.js'
import { longIsoDate } from './dates'
import { around, isEnglish, word } from './language'
import { english, type Translator } from '../i18n/messages'

const M = {
  done: { id: 'notes.export.page.done', defaultMessage: 'done', description: 'A ticked checkbox, for screen readers' },
  notDone: { id: 'notes.export.page.notDone', defaultMessage: 'not done' },
  due: { id: 'notes.export.page.due', defaultMessage: 'due {date}', description: 'After an action item: when it is due' },
  mermaidSource: { id: 'notes.export.page.mermaidSource', defaultMessage: 'Mermaid source', description: 'Folds away the text of a diagram in the Mermaid language' },
  source: { id: 'notes.export.page.source', defaultMessage: 'Source' },
  yourTime: { id: 'notes.export.page.yourTime', defaultMessage: '({time} your time)', description: 'Beside a time in the notes, the same moment in the reader’s own time zone' },
  yourZone: { id: 'notes.export.page.yourZone', defaultMessage: 'Your own time ({zone}) is shown beside each time.', description: 'zone: the reader’s time zone, e.g. Pacific/Auckland' },
} as const

/**
 * HTML out, for the self-contained page (email, print to PDF). Every piece of text is
 * escaped here; links keep only https:, http: and mailto: addresses (prose.ts).
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

function spanToHtml(span: Span): string {
  let html = escapeHtml(span.text)
  if (span.code) html = `<code>${html}</code>`
  if (span.em) html = `<em>${html}</em>`
  if (span.strong) html = `<strong>${html}</strong>`
  if (span.moment && Number.isFinite(span.moment.at)) {
    const { at, day } = span.moment
    html = `<time datetime="${new Date(at).toISOString()}" data-at="${Math.round(at)}"${day ? ' data-day=""' : ''}>${html}</time>`
  }
  return html
}

/** A string as a single-quoted JavaScript literal that cannot end the page's <script> element. */
function jsString(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029<>]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`
}

/** The script in one language: the words around the reader's time and zone, and the locale that formats the time ([] is the reader's own). */
function scriptWith(words: { locales: string; time: [string, string]; zone: [string, string] }): string {
  return (
    "(function(){var here=Intl.DateTimeFormat().resolvedOptions().timeZone,written=document.documentElement.getAttribute('data-zone');" +
    "if(!here||here===written)return;var times=document.querySelectorAll('time[data-at]');" +
    "for(var i=0;i<times.length;i++){var t=times[i],d=new Date(Number(t.getAttribute('data-at')));if(isNaN(d.getTime()))continue;" +
    "var o=t.hasAttribute('data-day')?{day:'numeric',month:'long',hour:'2-digit',minute:'2-digit'}:{hour:'2-digit',minute:'2-digit'};" +
    `var s=document.createElement('span');s.className='local-time';s.textContent=${jsString(` ${words.time[0]}`)}+d.toLocaleString(${words.locales},o)+${jsString(words.time[1])};t.parentNode.insertBefore(s,t.nextSibling);}` +
    `var n=document.getElementById('zone-note');if(n)n.textContent+=${jsString(` ${words.zone[0]}`)}+here+${jsString(words.zone[1])};})();`
  )
}

/**
 * The page's one script: beside each moment, the reader's own time when they are not in
 * the zone the notes were written in ("14:05 (08:05 your time)"), in the notes' language.
 * It only reads the page and adds text; the page's policy allows exactly this script (by
 * its hash) and nothing else.
 */
export function localTimeScript(t: Translator = english): string {
  // English names no locale, so the time reads as the reader's browser writes it (as it always did).
  const locales = isEnglish(t) ? '[]' : `[${jsString(t.locale)}]`
  return scriptWith({ locales, time: around(t, M.yourTime, 'time'), zone: around(t, M.yourZone, 'zone') })
}

/** The script of English notes. */
export const LOCAL_TIME_SCRIPT = localTimeScript()

/** The page policy's source for a script (computed when asked: base64 below is not ready while this module loads). */
export function localTimeScriptSource(script: string = LOCAL_TIME_SCRIPT): string {
  return `'sha256-${base64(sha256(new TextEncoder().encode(script)))}'`
}

export function textToHtml(text: Text): string {
  return typeof text === 'string' ? escapeHtml(text) : text.map(spanToHtml).join('')
}

function inlineToHtml(parts: readonly ProseInline[]): string {
  return parts
    .map((part) => {
      switch (part.kind) {
        case 'text':
          return escapeHtml(part.text)
        case 'code':
          return `<code>${escapeHtml(part.text)}</code>`
        case 'strong':
          return `<strong>${inlineToHtml(part.children)}</strong>`
        case 'em':
          return `<em>${inlineToHtml(part.children)}</em>`
        case 'link':
          return `<a href="${escapeHtml(part.href)}" rel="noopener noreferrer">${inlineToHtml(part.children)}</a>`
      }
    })
    .join('')
}

const checkbox = (done: boolean, t: Translator): string =>
  `<span class="box" role="img" aria-label="${escapeHtml(word(t, done ? M.done : M.notDone))}">${done ? '☑' : '☐'}</span>`

const lines = (all: readonly ProseInline[][]): string => all.map(inlineToHtml).join('<br>\n')

function listToHtml(list: ProseList, t: Translator): string {
  const tag = list.ordered ? 'ol' : 'ul'
  const items = list.items.map((item) => {
    const inner = `${lines(item.lines)}${item.children.map((child) => listToHtml(child, t)).join('')}`
    return item.task === null ? `<li>${inner}</li>` : `<li class="task">${checkbox(item.task, t)} ${inner}</li>`
  })
  return `<${tag}>${items.join('')}</${tag}>`
}

/** Prose under a heading of level `baseLevel`: its own headings move below it. */
export function proseToHtml(source: string, baseLevel: number, t: Translator = english): string {
  return parseProse(source).map((block) => proseBlockToHtml(block, baseLevel, t)).join('\n')
}

function proseBlockToHtml(block: ProseBlock, baseLevel: number, t: Translator): string {
  switch (block.kind) {
    case 'heading': {
      const level = Math.min(6, block.level + baseLevel)
      return `<h${level}>${inlineToHtml(block.content)}</h${level}>`
    }
    case 'paragraph':
      return `<p>${lines(block.lines)}</p>`
    case 'list':
      return listToHtml(block, t)
    case 'quote':
      return `<blockquote><p>${lines(block.lines)}</p></blockquote>`
    case 'code':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`
    case 'rule':
      return '<hr>'
  }
}

const BASE64 = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/')
const PAD = 61 // '='

/** Base64 of bytes, built as character codes (string concatenation per character is far slower on large images). */
export function base64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out[o++] = BASE64[(n >> 18) & 63]
    out[o++] = BASE64[(n >> 12) & 63]
    out[o++] = i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : PAD
    out[o++] = i + 2 < bytes.length ? BASE64[n & 63] : PAD
  }
  // Base64 is ASCII, so reading it as UTF-8 is exact (and native).
  return new TextDecoder().decode(out)
}

export function dataUri(file: HarvestFile): string {
  const bytes = typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data
  return `data:${file.mimeType};base64,${base64(bytes)}`
}

/** One block as HTML; the words the app adds (checkboxes, due dates, the source's label) in `t`'s language. */
export function blockToHtml(block: Block, sectionLevel = 2, t: Translator = english): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${textToHtml(block.text)}</h${block.level}>`
    case 'paragraph':
      return `<p${block.muted ? ' class="muted"' : ''}>${textToHtml(block.text)}</p>`
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul'
      const items = block.items.map((item) => {
        const details = item.details?.length ? `<br>\n<span class="detail">${item.details.map(textToHtml).join('<br>\n')}</span>` : ''
        return `<li>${textToHtml(item.text)}${details}</li>`
      })
      return `<${tag}>${items.join('\n')}</${tag}>`
    }
    case 'tasks':
      return `<ul>${block.items
        .map((item) => {
          const due =
            item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due)
              ? ` <span class="due">${escapeHtml(t.formatMessage(M.due, { date: longIsoDate(item.due, t) }))}</span>`
              : ''
          return `<li class="task">${checkbox(item.done, t)} ${textToHtml(item.text)}${due}</li>`
        })
        .join('\n')}</ul>`
    case 'facts':
      return `<dl class="facts">${block.rows.map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd>${textToHtml(value)}</dd>`).join('')}</dl>`
    case 'table':
      return `<table><thead><tr>${block.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
        .map((row) => `<tr>${block.header.map((_, i) => `<td>${textToHtml(row[i] ?? '')}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    case 'image':
      return `<figure><img src="${dataUri(block.file)}" alt="${escapeHtml(block.alt)}"></figure>`
    case 'code':
      return `<details><summary>${escapeHtml(t.formatMessage(block.language === 'mermaid' ? M.mermaidSource : M.source))}</summary><pre><code>${escapeHtml(block.text)}</code></pre></details>`
    case 'prose': {
      const byline = block.byline ? `<p class="byline">${textToHtml(block.byline)}</p>` : ''
      return `<div class="prose">${byline}${proseToHtml(block.text, sectionLevel, t)}</div>`
    }
  }
}

/** A calm, print-friendly page: readable type, generous margins, nothing that needs a network. */
export const PAGE_STYLE = `
:root { color-scheme: light; }
body { font-family: 'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif; font-size: 16px; line-height: 1.55;
  color: #1d2a30; background: #ffffff; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 0.4rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 0.6rem; padding-bottom: 0.25rem; border-bottom: 1px solid #d9d5ca; }
h3 { font-size: 1.12rem; margin: 1.6rem 0 0.4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 0.3rem; }
p, ul, ol, dl, table, figure, pre, blockquote { margin: 0 0 0.8rem; }
.muted, .byline { color: #5a666b; }
.byline { font-style: italic; margin-bottom: 0.3rem; }
.prose { margin-bottom: 1rem; }
.detail { color: #5a666b; }
li.task { list-style: none; margin-left: -1.3em; }
.due { color: #5a666b; white-space: nowrap; }
.box { font-size: 1.1em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { color: #5a666b; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border: 1px solid #d9d5ca; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #efede6; }
figure { margin: 0.8rem 0; }
img { max-width: 100%; height: auto; border: 1px solid #d9d5ca; border-radius: 8px; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; background: #efede6; padding: 0 0.2rem; border-radius: 3px; }
pre { background: #efede6; padding: 0.8rem; border-radius: 8px; overflow-x: auto; white-space: pre-wrap; }
pre code { background: none; padding: 0; }
blockquote { border-left: 4px solid #d9d5ca; padding-left: 0.9rem; color: #3b4a50; }
details summary { color: #5a666b; cursor: pointer; }
a { color: #16566c; }
footer { margin-top: 3rem; color: #5a666b; font-size: 0.85rem; border-top: 1px solid #d9d5ca; padding-top: 0.6rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; }
  figure, table, pre, li { break-inside: avoid; }
  details > summary { display: none; }
  details:not([open]) > pre { display: none; }
}
`

/** What the page itself may load: its own style and inline images, nothing else. */
export const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
