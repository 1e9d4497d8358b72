/**
 * Prose that people write (the shared notes, journal entries, responses) is light
 * Markdown: headings, bold, italics, code, links, bullet, numbered and checkbox lists,
 * quotes, rules and fenced code. This parser reads that subset into a small tree that
 * the HTML export and the notes preview render (each escaping every piece of text);
 * anything outside the subset stays literal text. It never produces raw HTML.
 */
export type ProseInline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: ProseInline[] }
  | { kind: 'em'; children: ProseInline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: ProseInline[] }

export interface ProseListItem {
  /** null: a plain item; true/false: a checkbox, ticked or not. */
  task: boolean | null
  lines: ProseInline[][]
  children: ProseList[]
}

export interface ProseList {
  kind: 'list'
  ordered: boolean
  items: ProseListItem[]
}

export type ProseBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; content: ProseInline[] }
  | { kind: 'paragraph'; lines: ProseInline[][] }
  | ProseList
  | { kind: 'quote'; lines: ProseInline[][] }
  | { kind: 'code'; text: string }
  | { kind: 'rule' }

const FENCE = /^\s{0,3}(`{3,}|~{3,})/
const HEADING = /^\s{0,3}(#{1,6})\s+([^]*)$/
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/
const QUOTE = /^\s{0,3}>\s?(.*)$/
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/
const TASK = /^\[([ xX])\]\s+(.*)$/
const MAX_DEPTH = 4

export function parseProse(source: string): ProseBlock[] {
  const lines = normaliseProse(source).split('\n')
  const blocks: ProseBlock[] = []
  let paragraph: ProseInline[][] | null = null
  let quote: ProseInline[][] | null = null
  let listStack: { list: ProseList; indent: number }[] = []

  const endParagraph = (): void => {
    paragraph = null
    quote = null
  }
  const endList = (): void => {
    listStack = []
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const fence = FENCE.exec(line)
    if (fence) {
      endParagraph()
      endList()
      const marker = fence[1]
      const body: string[] = []
      i++
      while (i < lines.length && !new RegExp(`^\\s{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`).test(lines[i])) {
        body.push(lines[i])
        i++
      }
      blocks.push({ kind: 'code', text: body.join('\n') })
      continue
    }
    if (line.trim() === '') {
      endParagraph()
      endList()
      continue
    }
    const heading = HEADING.exec(line)
    const title = heading ? headingContent(heading[2]) : null
    if (heading && title !== null) {
      endParagraph()
      endList()
      blocks.push({ kind: 'heading', level: heading[1].length as 1, content: parseInline(title) })
      continue
    }
    if (RULE.test(line)) {
      endParagraph()
      endList()
      blocks.push({ kind: 'rule' })
      continue
    }
    const quoted = QUOTE.exec(line)
    if (quoted) {
      endList()
      paragraph = null
      if (!quote) {
        quote = []
        blocks.push({ kind: 'quote', lines: quote })
      }
      quote.push(parseInline(quoted[1]))
      continue
    }
    const item = ITEM.exec(line)
    if (item) {
      endParagraph()
      addItem(item[1].replace(/\t/g, '    ').length, /^\d/.test(item[2]), item[3])
      continue
    }
    if (listStack.length > 0 && /^\s{2,}/.test(line)) {
      // An indented line under an item continues that item.
      const top = listStack[listStack.length - 1].list
      top.items[top.items.length - 1].lines.push(parseInline(line.trim()))
      continue
    }
    endList()
    quote = null
    if (!paragraph) {
      paragraph = []
      blocks.push({ kind: 'paragraph', lines: paragraph })
    }
    paragraph.push(parseInline(line.trim()))
  }
  return blocks

  function addItem(indent: number, ordered: boolean, text: string): void {
    while (listStack.length > 0 && listStack[listStack.length - 1].indent > indent) listStack.pop()
    const task = TASK.exec(text)
    const entry: ProseListItem = {
      task: task ? task[1] !== ' ' : null,
      lines: [parseInline(task ? task[2] : text)],
      children: [],
    }
    const top = listStack[listStack.length - 1]
    if (top && top.indent === indent && top.list.ordered === ordered) {
      top.list.items.push(entry)
      return
    }
    const list: ProseList = { kind: 'list', ordered, items: [entry] }
    if (top && top.indent < indent && listStack.length < MAX_DEPTH) {
      const parent = top.list.items[top.list.items.length - 1]
      parent.children.push(list)
    } else {
      if (top && top.indent === indent) listStack.pop()
      else listStack = []
      blocks.push(list)
    }
    listStack.push({ list, indent })
  }
}

/**
 * A heading's text without its optional closing `#`s and trailing spaces, or null when
 * it spans a line separator. Done by hand: the regular expression that did it
 * (`(.*?)(?:\s+#+)?\s*$`) took quadratic time on a long run of spaces.
 */
function headingContent(rest: string): string | null {
  const trimmed = rest.trimEnd()
  let end = trimmed.length
  while (end > 0 && trimmed[end - 1] === '#') end--
  const hashes = trimmed.slice(0, end)
  const content = hashes.length < trimmed.length && hashes.trimEnd().length < hashes.length ? hashes.trimEnd() : trimmed
  return /[\n\u2028\u2029]/.test(content) ? null : content
}

/** Line endings unified; control characters (other than tab and newline) dropped. */
export function normaliseProse(source: string): string {
  // eslint-disable-next-line no-control-regex
  return source.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
}

const PUNCTUATION = /[!-/:-@[-`{-~]/
const WHITESPACE = /\s/
const ALNUM = /[\p{L}\p{N}]/u
// ASCII first: these run for nearly every character of a line.
const isSpace = (ch: string | undefined): boolean =>
  ch !== undefined && (ch === ' ' || ch === '\t' || ch === '\n' || (ch > '~' ? WHITESPACE.test(ch) : ch < ' ' && WHITESPACE.test(ch)))
const isWordChar = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (ch > '~' && ALNUM.test(ch)))
const URL_AT = /https?:\/\/[^\s<>"'`]+/iy
/** Punctuation that ends a sentence rather than a bare address. */
const URL_TAIL = '.,;:!?)]'
/**
 * Emphasis and links inside emphasis and links: no one writes deeper than this, and
 * every renderer (the preview, the HTML export) walks the tree recursively.
 */
const MAX_NESTING = 16

/** Steps the inline parser has taken (tests check that they grow linearly with the input). */
export const inlineParserWork = { steps: 0 }

/**
 * The first position at or after `from` where `hit` holds. Queries come with growing
 * `from`, so the scan resumes where the last one stopped: over one parse, each kind of
 * search reads each character at most once. This is what keeps the parser linear: a
 * search from scratch for each opening mark reads to the end of the line for every one
 * that never closes, which any peer can type (30 s for a 1 MB line of `*a `).
 */
export class Seeker {
  private from = 0
  private found = -2 // -2: nothing searched yet; -1: no hit from `from` to the end

  constructor(
    private readonly source: string,
    private readonly hit: (at: number) => boolean,
  ) {}

  next(from: number): number {
    if (from < this.from) this.found = -2 // never happens in one left-to-right parse; stay correct anyway
    else if (this.found === -1 || this.found >= from) {
      this.from = from
      return this.found
    }
    this.from = from
    for (let at = from; at < this.source.length; at++) {
      inlineParserWork.steps++
      if (this.hit(at)) return (this.found = at)
    }
    return (this.found = -1)
  }
}

const SAFE_SCHEME = /https?:\/\/|mailto:/iy
const UNSAFE_IN_HREF = /[\s<>"'`]/

/**
 * The one rule for where a link or image in exported notes may point, used by both the
 * HTML export (parseInline) and the Markdown export (markdown.ts): a web or mail
 * address, written plainly. It reads the text as written, before any reader decodes
 * entities or escapes, so `JaVaScRiPt:`, `&#106;avascript:`, `java\tscript:`, `data:`,
 * `vbscript:` and relative addresses all fail: none starts with these exact letters.
 * One rule per text, so that checking every link-like span of a hostile line (which
 * may all run to its end) searches it once, not once per span.
 */
export class HrefRule {
  private readonly unsafe: Seeker

  constructor(private readonly text: string) {
    this.unsafe = new Seeker(text, (at) => UNSAFE_IN_HREF.test(text[at]))
  }

  /** Whether text[start, end) is an address an export may link to. */
  allows(start: number, end: number): boolean {
    SAFE_SCHEME.lastIndex = start
    const scheme = SAFE_SCHEME.exec(this.text)
    if (!scheme || start + scheme[0].length >= end) return false
    const unsafe = this.unsafe.next(start)
    return unsafe < 0 || unsafe >= end
  }
}

export function isSafeHref(href: string): boolean {
  return new HrefRule(href).allows(0, href.length)
}

type Marker = '*' | '**' | '_' | '__'

/**
 * Where an emphasis opened by `marker` could close: right after a non-space, not part
 * of a longer run of the same mark (`*` only), and for `_` not inside a word. Whether
 * a position closes depends only on the position, so the first closer after any
 * opener is a lookup in one forward scan per mark.
 */
function closes(source: string, marker: Marker, at: number): boolean {
  const ch = marker[0]
  if (source[at] !== ch || isSpace(source[at - 1])) return false
  if (marker.length === 2) {
    if (source[at + 1] !== ch) return false
  } else if (source[at + 1] === ch || source[at - 1] === ch) return false
  return ch !== '_' || !isWordChar(source[at + marker.length])
}

export function parseInline(source: string): ProseInline[] {
  return parseSpan(source, 0)
}

function parseSpan(source: string, depth: number): ProseInline[] {
  if (depth >= MAX_NESTING) return source ? [{ kind: 'text', text: source }] : []
  let seekers: Map<string, Seeker> | undefined
  let hrefs: HrefRule | undefined
  const seek = (name: string, hit: (at: number) => boolean, from: number): number => {
    seekers ??= new Map()
    let seeker = seekers.get(name)
    if (!seeker) seekers.set(name, (seeker = new Seeker(source, hit)))
    return seeker.next(from)
  }
  const out: ProseInline[] = []
  // Plain text is kept as a run from `plain` to `i`, added to `text` only when it ends.
  let text = ''
  let plain = 0
  let i = 0
  const flush = (): void => {
    text += source.slice(plain, i)
    if (text) out.push({ kind: 'text', text })
    text = ''
  }
  while (i < source.length) {
    inlineParserWork.steps++
    const ch = source[i]
    if (ch === '\\' && i + 1 < source.length && PUNCTUATION.test(source[i + 1])) {
      text += source.slice(plain, i) + source[i + 1]
      i += 2
      plain = i
      continue
    }
    if (ch === '`') {
      const end = seek('`', (at) => source[at] === '`', i + 1)
      if (end > i + 1) {
        flush()
        out.push({ kind: 'code', text: source.slice(i + 1, end) })
        plain = i = end + 1
        continue
      }
    }
    if (ch === '*' || ch === '_') {
      const marker = (source[i + 1] === ch ? ch + ch : ch) as Marker
      const after = source[i + marker.length]
      const before = i > 0 ? source[i - 1] : ' '
      const opens = after !== undefined && !isSpace(after) && !(ch === '_' && isWordChar(before))
      // The first closer at least one character after the mark.
      const end = opens ? seek(marker, (at) => closes(source, marker, at), i + marker.length + 1) : -1
      if (end > 0) {
        flush()
        out.push({ kind: marker.length === 2 ? 'strong' : 'em', children: parseSpan(source.slice(i + marker.length, end), depth + 1) })
        plain = i = end + marker.length
        continue
      }
    }
    if (ch === '[') {
      // [text](address): text up to the first `]` on the line, address up to `)`, no spaces.
      const close = seek(']', (at) => source[at] === ']', i + 1)
      const newline = close > i + 1 ? seek('\n', (at) => source[at] === '\n', i + 1) : -1
      if (close > i + 1 && (newline < 0 || newline > close) && source[close + 1] === '(') {
        const end = seek(')', (at) => source[at] === ')' || isSpace(source[at]), close + 2)
        hrefs ??= new HrefRule(source)
        if (end > close + 2 && source[end] === ')' && hrefs.allows(close + 2, end)) {
          flush()
          out.push({ kind: 'link', href: source.slice(close + 2, end), children: parseSpan(source.slice(i + 1, close), depth + 1) })
          plain = i = end + 1
          continue
        }
      }
    }
    if ((ch === 'h' || ch === 'H') && !isWordChar(source[i - 1])) {
      URL_AT.lastIndex = i
      const url = URL_AT.exec(source)
      if (url) {
        let length = url[0].length
        while (length > 0 && URL_TAIL.includes(url[0][length - 1])) length--
        inlineParserWork.steps += url[0].length
        const href = url[0].slice(0, length)
        flush()
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: href }] })
        plain = i += href.length
        continue
      }
    }
    i++
  }
  flush()
  return out
}

/** The text of inline content without its formatting (for alt texts and headings' ids). */
export function inlineText(content: readonly ProseInline[]): string {
  return content.map((part) => (part.kind === 'text' || part.kind === 'code' ? part.text : inlineText(part.children))).join('')
}
