/**
 * The shared notes' "simple formatting": Markdown written into the text itself, with
 * a toolbar that types the marks for you. Each function takes the field's value and
 * selection and returns the new value and selection; the caller turns the change into
 * one minimal Y.Text edit (applyTextValue), so formatting merges with other people's
 * typing like any keystroke does.
 */
export interface TextSelection {
  value: string
  start: number
  end: number
}

export type InlineFormat = 'bold' | 'italic'
export type LineFormat = 'heading' | 'bullet' | 'checkbox' | 'numbered'
export type NoteFormat = InlineFormat | LineFormat

const MARKS: Record<InlineFormat, string> = { bold: '**', italic: '*' }

function run(value: string, from: number, step: 1 | -1): number {
  let n = 0
  for (let i = step === 1 ? from : from - 1; i >= 0 && i < value.length && value[i] === '*'; i += step) n++
  return n
}

/** Whether the text between start and end carries the mark: `**` needs two stars on each side, `*` an odd run. */
function wrapped(value: string, start: number, end: number, mark: string): boolean {
  const before = run(value, start, -1)
  const after = run(value, end, 1)
  return mark === '**' ? before >= 2 && after >= 2 : before % 2 === 1 && after % 2 === 1
}

function carries(inner: string, mark: string): boolean {
  if (inner.length <= mark.length * 2) return false
  const lead = run(inner, 0, 1)
  const trail = run(inner, inner.length, -1)
  return mark === '**' ? lead >= 2 && trail >= 2 : lead % 2 === 1 && trail % 2 === 1
}

function toggleInline(sel: TextSelection, format: InlineFormat): TextSelection {
  const mark = MARKS[format]
  let { start, end } = sel
  const { value } = sel
  // Marks hug the words: leave spaces selected at either end outside them.
  while (start < end && /\s/.test(value[start])) start++
  while (end > start && /\s/.test(value[end - 1])) end--
  if (wrapped(value, start, end, mark)) {
    return {
      value: value.slice(0, start - mark.length) + value.slice(start, end) + value.slice(end + mark.length),
      start: start - mark.length,
      end: end - mark.length,
    }
  }
  const inner = value.slice(start, end)
  if (carries(inner, mark)) {
    const bare = inner.slice(mark.length, inner.length - mark.length)
    return { value: value.slice(0, start) + bare + value.slice(end), start, end: start + bare.length }
  }
  return {
    value: value.slice(0, start) + mark + inner + mark + value.slice(end),
    start: start + mark.length,
    end: end + mark.length,
  }
}

const LIST_PREFIX = /^(\s*)(?:[-*+] \[[ xX]\] |[-*+] |\d{1,9}[.)] )/
const HEADING_PREFIX = /^#{1,6} /

function linePrefix(format: LineFormat, index: number): string {
  switch (format) {
    case 'heading':
      return '## '
    case 'bullet':
      return '- '
    case 'checkbox':
      return '- [ ] '
    case 'numbered':
      return `${index + 1}. `
  }
}

function hasFormat(line: string, format: LineFormat): boolean {
  switch (format) {
    case 'heading':
      return HEADING_PREFIX.test(line)
    case 'checkbox':
      return /^\s*[-*+] \[[ xX]\] /.test(line)
    case 'bullet':
      return /^\s*[-*+] (?!\[[ xX]\] )/.test(line)
    case 'numbered':
      return /^\s*\d{1,9}[.)] /.test(line)
  }
}

function stripPrefix(line: string): { indent: string; rest: string } {
  const heading = HEADING_PREFIX.exec(line)
  if (heading) return { indent: '', rest: line.slice(heading[0].length) }
  const list = LIST_PREFIX.exec(line)
  if (list) return { indent: list[1], rest: line.slice(list[0].length) }
  return { indent: /^\s*/.exec(line)![0], rest: line.replace(/^\s*/, '') }
}

/** Add (or, when every touched line has it, remove) a line mark on each line of the selection. */
function toggleLines(sel: TextSelection, format: LineFormat): TextSelection {
  const { value } = sel
  const first = value.lastIndexOf('\n', sel.start - 1) + 1
  const lastBreak = value.indexOf('\n', sel.end > sel.start && value[sel.end - 1] === '\n' ? sel.end - 1 : sel.end)
  const last = lastBreak === -1 ? value.length : lastBreak
  const lines = value.slice(first, last).split('\n')
  const filled = lines.filter((line) => line.trim() !== '')
  const remove = filled.length > 0 && filled.every((line) => hasFormat(line, format))
  let counter = 0
  const next = lines.map((line) => {
    const { indent, rest } = stripPrefix(line)
    if (line.trim() === '' && lines.length > 1) return line
    if (remove) return format === 'heading' ? rest : indent + rest
    return (format === 'heading' ? '' : indent) + linePrefix(format, counter++) + rest
  })
  const replaced = next.join('\n')
  const firstDelta = next[0].length - lines[0].length
  // A selection that starts at the beginning of its line keeps the new marks inside it.
  const start = sel.start === first && sel.end > sel.start ? first : Math.max(first, sel.start + firstDelta)
  return {
    value: value.slice(0, first) + replaced + value.slice(last),
    start,
    end: Math.max(start, sel.end + replaced.length - (last - first)),
  }
}

export function applyNoteFormat(sel: TextSelection, format: NoteFormat): TextSelection {
  const clamped = {
    value: sel.value,
    start: Math.max(0, Math.min(sel.start, sel.end, sel.value.length)),
    end: Math.min(sel.value.length, Math.max(sel.start, sel.end)),
  }
  return format === 'bold' || format === 'italic' ? toggleInline(clamped, format) : toggleLines(clamped, format)
}

/**
 * Enter at the end of a list line starts the next item (a new checkbox is unticked,
 * numbers count on); Enter on an empty item ends the list. Null: a plain new line.
 */
export function continueList(sel: TextSelection): TextSelection | null {
  if (sel.start !== sel.end) return null
  const { value, start } = sel
  const lineStart = value.lastIndexOf('\n', start - 1) + 1
  const lineEnd = value.indexOf('\n', start)
  const line = value.slice(lineStart, lineEnd === -1 ? value.length : lineEnd)
  if (start - lineStart < line.length && value.slice(start, lineEnd === -1 ? undefined : lineEnd).trim() !== '') return null
  const match = /^(\s*)([-*+] \[[ xX]\] |[-*+] |(\d{1,9})([.)]) )(.*)$/.exec(line)
  if (!match) return null
  if (match[5].trim() === '') {
    // An empty item: take its mark away and end the list there.
    return { value: value.slice(0, lineStart) + value.slice(lineStart + line.length), start: lineStart, end: lineStart }
  }
  const marker = match[3] ? `${Number(match[3]) + 1}${match[4]} ` : match[2].replace(/\[[xX]\]/, '[ ]')
  const insert = `\n${match[1]}${marker}`
  return { value: value.slice(0, start) + insert + value.slice(start), start: start + insert.length, end: start + insert.length }
}
