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
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/
const QUOTE = /^\s{0,3}>\s?(.*)$/
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/
const TASK = /^\[([ xX])\]\s+(.*)$/
const MAX_DEPTH = 4
/** Longer lines are shown as plain text: inline parsing is quadratic at worst. */
const MAX_INLINE_CHARS = 20_000

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
    if (heading) {
      endParagraph()
      endList()
      blocks.push({ kind: 'heading', level: heading[1].length as 1, content: parseInline(heading[2]) })
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

/** Line endings unified; control characters (other than tab and newline) dropped. */
export function normaliseProse(source: string): string {
  // eslint-disable-next-line no-control-regex
  return source.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
}

const PUNCTUATION = /[!-/:-@[-`{-~]/

export function isSafeHref(href: string): boolean {
  return /^(?:https?:\/\/|mailto:)[^\s<>"'`]+$/i.test(href)
}

export function parseInline(source: string): ProseInline[] {
  if (source.length > MAX_INLINE_CHARS) return [{ kind: 'text', text: source }]
  const out: ProseInline[] = []
  let text = ''
  const flush = (): void => {
    if (text) out.push({ kind: 'text', text })
    text = ''
  }
  let i = 0
  while (i < source.length) {
    const ch = source[i]
    const rest = source.slice(i)
    if (ch === '\\' && i + 1 < source.length && PUNCTUATION.test(source[i + 1])) {
      text += source[i + 1]
      i += 2
      continue
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1)
      if (end > i + 1) {
        flush()
        out.push({ kind: 'code', text: source.slice(i + 1, end) })
        i = end + 1
        continue
      }
    }
    if (ch === '*' || ch === '_') {
      const marker = source[i + 1] === ch ? ch + ch : ch
      const after = source[i + marker.length]
      const before = i > 0 ? source[i - 1] : ' '
      const opens = after !== undefined && !/\s/.test(after) && !(ch === '_' && /[\p{L}\p{N}]/u.test(before))
      const end = opens ? findCloser(source, i + marker.length, marker) : -1
      if (end > 0) {
        flush()
        out.push({ kind: marker.length === 2 ? 'strong' : 'em', children: parseInline(source.slice(i + marker.length, end)) })
        i = end + marker.length
        continue
      }
    }
    if (ch === '[') {
      const link = /^\[([^\]\n]+)\]\(([^)\s]+)\)/.exec(rest)
      if (link && isSafeHref(link[2])) {
        flush()
        out.push({ kind: 'link', href: link[2], children: parseInline(link[1]) })
        i += link[0].length
        continue
      }
    }
    if ((ch === 'h' || ch === 'H') && !/[\p{L}\p{N}]/u.test(i > 0 ? source[i - 1] : ' ')) {
      const url = /^https?:\/\/[^\s<>"'`]+/i.exec(rest)
      if (url) {
        const href = url[0].replace(/[.,;:!?)\]]+$/, '')
        flush()
        out.push({ kind: 'link', href, children: [{ kind: 'text', text: href }] })
        i += href.length
        continue
      }
    }
    text += ch
    i++
  }
  flush()
  return out
}

function findCloser(source: string, from: number, marker: string): number {
  let j = source.indexOf(marker, from + 1)
  while (j > 0) {
    const single = marker.length === 1
    const doubled = single && (source[j + 1] === marker || source[j - 1] === marker)
    if (!/\s/.test(source[j - 1]) && !doubled) {
      if (marker[0] !== '_' || !/[\p{L}\p{N}]/u.test(source[j + marker.length] ?? ' ')) return j
    }
    j = source.indexOf(marker, j + (doubled ? 2 : 1))
  }
  return -1
}

/** The text of inline content without its formatting (for alt texts and headings' ids). */
export function inlineText(content: readonly ProseInline[]): string {
  return content.map((part) => (part.kind === 'text' || part.kind === 'code' ? part.text : inlineText(part.children))).join('')
}
