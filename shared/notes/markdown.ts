import type { Block, ListItem, Span, Text } from './blocks'
import { normaliseProse } from './prose'

/**
 * Markdown out. Plain text (titles, names, labels) is escaped so it shows exactly as
 * typed in any CommonMark reader and in Obsidian (which also reads `$…$` as maths,
 * `%%…%%` as a hidden comment, `==…==` as a highlight and `[[…]]` as a link). Prose is
 * kept as written, with only what could break the surrounding document neutralised.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~$#]|&(?=#?\w+;)/g

export function escapeInline(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
    .replace(/%%/g, '%\\%')
    .replace(/==/g, '=\\=')
    // What would start a list or underline a heading at the start of a line.
    .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(=+\s*)$/, '$1\\$2')
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
}

export function spansToMarkdown(text: Text): string {
  if (typeof text === 'string') return escapeInline(text)
  return text.map(spanToMarkdown).join('')
}

function spanToMarkdown(span: Span): string {
  if (span.code) {
    const clean = span.text.replace(/\r\n?|\n/g, ' ')
    const ticks = '`'.repeat(longestRun(clean, '`') + 1)
    const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : ''
    return `${ticks}${pad}${clean}${pad}${ticks}`
  }
  const inner = escapeInline(span.text)
  // Emphasis markers must hug the text, so surrounding spaces go outside them.
  const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(inner)!
  if (!core) return inner
  if (span.strong && span.em) return `${lead}***${core}***${trail}`
  if (span.strong) return `${lead}**${core}**${trail}`
  if (span.em) return `${lead}*${core}*${trail}`
  return inner
}

function longestRun(text: string, ch: string): number {
  let best = 0
  let run = 0
  for (const c of text) {
    run = c === ch ? run + 1 : 0
    best = Math.max(best, run)
  }
  return best
}

/**
 * Prose for a Markdown file, under a heading of level `baseLevel`: the writer's own
 * headings move down below it, an unclosed code fence is closed (else it would swallow
 * the rest of the notes), a `---` or `===` line under text stays a rule instead of
 * turning that text into a heading, and tag-like `<` is escaped so no HTML runs in a
 * note tool.
 */
export function proseToMarkdown(source: string, baseLevel: number): string {
  const lines = normaliseProse(source).split('\n')
  const out: string[] = []
  let fence: string | null = null
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (fence) {
      out.push(line)
      if (marker && marker[1][0] === fence[0] && marker[1].length >= fence.length && line.trim() === marker[1]) fence = null
      continue
    }
    if (marker) {
      fence = marker[1]
      out.push(line)
      continue
    }
    const heading = /^(\s{0,3})(#{1,6})(\s.*)?$/.exec(line)
    if (heading) {
      const level = Math.min(6, heading[2].length + baseLevel)
      out.push(`${'#'.repeat(level)}${escapeTags(heading[3] ?? '')}`)
      continue
    }
    if (/^\s{0,3}(?:=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1].trim() !== '') out.push('')
    out.push(escapeTags(line))
  }
  if (fence) out.push(fence)
  return out.join('\n').replace(/^\n+|\n+$/g, '')
}

/** `<` that starts something tag-like, outside inline code. */
function escapeTags(line: string): string {
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/<(?=[A-Za-z/!?])/g, '\\<')))
    .join('')
}

function listItem(item: ListItem, marker: string): string {
  const head = `${marker} ${spansToMarkdown(item.text)}`
  if (!item.details?.length) return head
  const pad = ' '.repeat(marker.length + 1)
  return [head, ...item.details.map((line) => `${pad}${spansToMarkdown(line)}  `.trimEnd())].join('\n')
}

function tableCell(text: Text): string {
  return spansToMarkdown(text) || ' '
}

/** One block as Markdown; images point at `paths.get(file)`. */
export function blockToMarkdown(block: Block, imagePath: (block: Extract<Block, { kind: 'image' }>) => string, sectionLevel = 2): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${spansToMarkdown(block.text)}`
    case 'paragraph':
      return block.muted && typeof block.text === 'string' ? spanToMarkdown({ text: block.text, em: true }) : spansToMarkdown(block.text)
    case 'list':
      return block.items.map((item, i) => listItem(item, block.ordered ? `${i + 1}.` : '-')).join('\n')
    case 'tasks':
      return block.items
        .map((item) => `- [${item.done ? 'x' : ' '}] ${spansToMarkdown(item.text)}${item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? ` 📅 ${item.due}` : ''}`)
        .join('\n')
    case 'facts':
      return block.rows.map(([key, value]) => `- **${escapeInline(key)}:** ${spansToMarkdown(value)}`).join('\n')
    case 'table': {
      const header = `| ${block.header.map((h) => tableCell(h)).join(' | ')} |`
      const rule = `| ${block.header.map(() => '---').join(' | ')} |`
      const rows = block.rows.map((row) => `| ${block.header.map((_, i) => tableCell(row[i] ?? '')).join(' | ')} |`)
      return [header, rule, ...rows].join('\n')
    }
    case 'image':
      return `![${escapeInline(block.alt)}](${imagePath(block)})`
    case 'code': {
      const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1))
      return `${fence}${block.language.replace(/[^a-z0-9-]/gi, '')}\n${block.text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`
    }
    case 'prose': {
      const body = proseToMarkdown(block.text, sectionLevel)
      if (!block.byline) return body
      const byline = `*${spansToMarkdown(block.byline)}*`
      return body ? `${byline}\n\n${body}` : byline
    }
  }
}
