// The model guide (resources/climate/model-guide.md) is written in a small part of
// Markdown: headings, paragraphs, "- " lists, pipe tables, **bold** and *italics*.
// This reads that part into blocks the panel renders as elements (never as HTML);
// anything else stays literal text.

export type GuideInline = { kind: 'text' | 'strong' | 'em'; text: string }

export type GuideBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; content: GuideInline[] }
  | { kind: 'list'; items: GuideInline[][] }
  | { kind: 'table'; header: GuideInline[][]; rows: GuideInline[][][] }

const INLINE = /\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*/g

export function parseGuideInline(source: string): GuideInline[] {
  const out: GuideInline[] = []
  let last = 0
  for (const match of source.matchAll(INLINE)) {
    if (match.index > last) out.push({ kind: 'text', text: source.slice(last, match.index) })
    out.push(match[1] !== undefined ? { kind: 'strong', text: match[1] } : { kind: 'em', text: match[2] })
    last = match.index + match[0].length
  }
  if (last < source.length) out.push({ kind: 'text', text: source.slice(last) })
  return out
}

const cells = (line: string): string[] => line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim())
const isDivider = (line: string): boolean => /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)

export function parseGuide(source: string): GuideBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const blocks: GuideBlock[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    const heading = /^(#{1,3})\s+(.*)$/.exec(line)
    if (line.trim() === '') {
      i++
    } else if (heading) {
      blocks.push({ kind: 'heading', level: heading[1].length as 1 | 2 | 3, text: heading[2].trim() })
      i++
    } else if (line.trimStart().startsWith('|') && i + 1 < lines.length && isDivider(lines[i + 1])) {
      const header = cells(line).map(parseGuideInline)
      const rows: GuideInline[][][] = []
      i += 2
      while (i < lines.length && lines[i].trimStart().startsWith('|')) rows.push(cells(lines[i++]).map(parseGuideInline))
      blocks.push({ kind: 'table', header, rows })
    } else if (/^\s*[-*]\s+/.test(line)) {
      const items: GuideInline[][] = []
      while (i < lines.length && /^\s*[-*]\s+/.test(lines[i])) items.push(parseGuideInline(lines[i++].replace(/^\s*[-*]\s+/, '')))
      blocks.push({ kind: 'list', items })
    } else {
      const text: string[] = [lines[i++].trim()]
      while (i < lines.length && lines[i].trim() !== '' && !/^(#{1,3}\s|\s*[-*]\s+|\s*\|)/.test(lines[i])) text.push(lines[i++].trim())
      blocks.push({ kind: 'paragraph', content: parseGuideInline(text.join(' ')) })
    }
  }
  return blocks
}
