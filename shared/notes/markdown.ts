import type { Block, ListItem, Span, Text } from './blocks'
import { HrefRule, Seeker, normaliseProse } from './prose'
import { TERM, slotted } from './language'
import { english, type Translator } from '../i18n/messages'

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
  // Emphasis markers must hug the text, so surrounding spaces go outside them. (By hand:
  // the pattern `^(\s*)(.*?)(\s*)$` took quadratic time on a long run of inner spaces.)
  const core = inner.trim()
  const lead = inner.slice(0, inner.length - inner.trimStart().length)
  const trail = inner.slice(lead.length + core.length)
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

/** A fence that opens a code block: up to three spaces, then three or more ` or ~. */
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})([^]*)$/
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/

/**
 * Prose for a Markdown file, under a heading of level `baseLevel`: the writer's own
 * headings move down below it, an unclosed code fence is closed (else it would swallow
 * the rest of the notes), a `---` or `===` line under text stays a rule instead of
 * turning that text into a heading, tag-like `<` is escaped so no HTML runs in a note
 * tool, and links and images go only where the HTML export would link (neutraliseLinks).
 *
 * Text inside a code fence is kept exactly, so where fences are must be read exactly
 * as a CommonMark reader reads them: otherwise a line this code keeps as code would be
 * live Markdown to the reader. A fence at the margin is always a fence of the document
 * itself (it ends any list or quote above it), and it opens and closes by rules
 * followed here to the letter (spaces, not tabs; no backtick in a backtick fence's info
 * string). An indented fence may belong to a list item and end with it, out of sight
 * of this line-by-line reading, so it is written as text (its first mark escaped) and
 * its lines are escaped like any others.
 */
export function proseToMarkdown(source: string, baseLevel: number): string {
  const lines = normaliseProse(source).split('\n')
  const out: string[] = []
  let fence: string | null = null
  // Whether an earlier line of this paragraph left a run of backticks open (escapeTags).
  let codeMayContinue = false
  const escapeLine = (line: string): string => {
    const escaped = escapeLineOf(line, codeMayContinue)
    codeMayContinue ||= inlineCode(line).open
    return escaped
  }
  for (const line of lines) {
    if (line.trim() === '') codeMayContinue = false
    if (fence) {
      out.push(line)
      const close = FENCE_CLOSE.exec(line)
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = null
      continue
    }
    const open = FENCE_OPEN.exec(line)
    if (open && !(open[2][0] === '`' && open[3].includes('`'))) {
      if (open[1] === '') {
        fence = open[2]
        codeMayContinue = false // a fence ends the paragraph
        out.push(line)
      } else out.push(escapeLine(`${open[1]}\\${open[2]}${open[3]}`))
      continue
    }
    const heading = /^(\s{0,3})(#{1,6})(\s.*)?$/.exec(line)
    if (heading) {
      const level = Math.min(6, heading[2].length + baseLevel)
      out.push(`${'#'.repeat(level)}${escapeLine(heading[3] ?? '')}`)
      continue
    }
    if (/^\s{0,3}(?:=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1].trim() !== '') out.push('')
    out.push(escapeLine(line))
  }
  if (fence) out.push(fence)
  // Without blank lines at either end (by index: a pattern like /\n+$/ is quadratic on long runs).
  let first = 0
  let last = out.length
  while (first < last && out[first] === '') first++
  while (last > first && out[last - 1] === '') last--
  return out.slice(first, last).join('\n')
}

function escapeLineOf(line: string, codeMayContinue: boolean): string {
  return neutraliseLinks(escapeTags(line, codeMayContinue))
}

/** How many backslashes stand right before `at`: an odd number escapes the character there. */
function backslashesBefore(text: string, at: number): number {
  let count = 0
  while (at - count - 1 >= 0 && text[at - count - 1] === '\\') count++
  return count
}

/**
 * `<` that starts something tag-like, outside inline code (and not already escaped).
 * Inline code is found as CommonMark finds it (a run of backticks closed by the next
 * run of the same length; a backslash escapes a backtick outside code), and only where
 * that is certain: a run left open on an earlier line of the paragraph may close on
 * this one, so then the whole line is escaped, code or not.
 */
function escapeTags(line: string, codeMayContinue: boolean): string {
  const spans = codeMayContinue ? [] : inlineCode(line).spans
  let out = ''
  let from = 0
  for (const [start, end] of [...spans, [line.length, line.length]]) {
    const part = line.slice(from, start)
    out += part.replace(/<(?=[A-Za-z/!?])/g, (lt, at: number) => (backslashesBefore(part, at) % 2 ? lt : '\\<')) + line.slice(start, end)
    from = end
  }
  return out
}

/** The code spans of one line read alone ([start, end) with their backticks), and whether a run of backticks was left open. */
function inlineCode(line: string): { spans: [number, number][]; open: boolean } {
  // Every maximal run of backticks, by length, for finding the next one of a length in one pass.
  const runs = new Map<number, { starts: number[]; next: number }>()
  for (let at = 0; at < line.length; ) {
    if (line[at] !== '`') {
      at++
      continue
    }
    let end = at
    while (line[end] === '`') end++
    const same = runs.get(end - at) ?? { starts: [], next: 0 }
    same.starts.push(at)
    runs.set(end - at, same)
    at = end
  }
  const spans: [number, number][] = []
  let open = false
  for (let at = 0; at < line.length; ) {
    if (line[at] === '\\' && /[!-/:-@[-`{-~]/.test(line[at + 1] ?? '')) {
      at += 2
      continue
    }
    if (line[at] !== '`') {
      at++
      continue
    }
    let length = 0
    while (line[at + length] === '`') length++
    const same = runs.get(length)
    while (same && same.next < same.starts.length && same.starts[same.next] < at + length) same.next++
    const close = same && same.next < same.starts.length ? same.starts[same.next] : -1
    if (close < 0) {
      open = true
      at += length
      continue
    }
    spans.push([at, close + length])
    at = close + length
  }
  return { spans, open }
}

const AUTOLINK_SCHEME = /[A-Za-z][A-Za-z0-9+.-]{1,31}:/y

/**
 * Links and images whose address the HTML export would not link either (HrefRule, the
 * one rule for both) become plain text: `[text](address)`, `![alt](address)`, the
 * `[label]: address` that reference links point to, and `<scheme:address>`. The `]` or
 * `<` that would make them a link is escaped; readers decode entities and escapes in an
 * address, but the rule wants the plain letters of the scheme, so no decoding can make
 * one. An address on the next line counts as unsafe (it is rare, and this reads lines).
 *
 * This runs inside inline code too: telling inline code from text needs the whole
 * paragraph, and a wrong guess would let a link through. The price is a visible
 * backslash in inline code that spells out such a link.
 */
function neutraliseLinks(line: string): string {
  if (!line.includes(']') && !line.includes('<')) return line
  const rule = new HrefRule(line)
  const addressEnd = new Seeker(line, (at) => line[at] === ')' || /\s/.test(line[at]))
  const angleEnd = new Seeker(line, (at) => line[at] === '>')
  let out = ''
  let from = 0
  for (let at = 0; at < line.length; at++) {
    const ch = line[at]
    let keep: boolean
    if (ch === ']' && (line[at + 1] === '(' || line[at + 1] === ':')) {
      let start = at + 2
      while (line[start] === ' ' || line[start] === '\t') start++
      if (line[start] === '<') {
        const end = angleEnd.next(start + 1)
        keep = end > 0 && rule.allows(start + 1, end)
      } else {
        const end = addressEnd.next(start)
        keep = rule.allows(start, end < 0 ? line.length : end)
      }
    } else if (ch === '<') {
      AUTOLINK_SCHEME.lastIndex = at + 1
      const end = AUTOLINK_SCHEME.test(line) ? angleEnd.next(at + 1) : -1
      keep = end < 0 || rule.allows(at + 1, end) // no `>`: not an address at all
    } else continue
    if (keep || backslashesBefore(line, at) % 2) continue
    out += `${line.slice(from, at)}\\`
    from = at
  }
  return out + line.slice(from)
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

/** One block as Markdown; images point at `paths.get(file)`; the app's own punctuation around labels in `t`'s language. */
export function blockToMarkdown(
  block: Block,
  imagePath: (block: Extract<Block, { kind: 'image' }>) => string,
  sectionLevel = 2,
  t: Translator = english,
): string {
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
    case 'facts': {
      const term = slotted(t, TERM, 'term')
      return block.rows.map(([key, value]) => `- **${escapeInline(term(key))}** ${spansToMarkdown(value)}`).join('\n')
    }
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
