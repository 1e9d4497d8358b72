import type * as Y from 'yjs'
import {
  DEFAULT_MAX_LENGTH,
  DEFAULT_MAX_LOOPS,
  findLoops,
  listDiagrams,
  loopNumbers,
  readDiagram,
  toMermaid,
  toSvg,
  type Diagram,
  type DiagramKind,
  type Loop,
} from '../../diagram'
import { plural } from './words'
import type { Block, HarvestSection, ListItem, Span } from '../blocks'

const KIND_LABELS: Record<DiagramKind, string> = {
  cld: 'Causal loop diagram',
  iceberg: 'Iceberg',
  bot: 'Behaviour over time',
}
const POLARITY_WORDS = { R: 'reinforcing', B: 'balancing', '?': 'polarity unknown' } as const


/** "R1 Vicious circle — reinforcing: A → B → A" */
function loopItems(diagram: Diagram, loops: readonly Loop[]): ListItem[] {
  const numbers = loopNumbers(loops, diagram.loopNumbers)
  const labels = new Map(diagram.variables.map((v) => [v.id, v.label]))
  return loops.map((loop) => {
    const name = diagram.loopNames[loop.id]
    const chain = [...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? '?').join(' → ')
    const text: Span[] = [{ text: numbers.get(loop.id) ?? loop.polarity, strong: true }]
    if (name) text.push({ text: ' ' }, { text: name, strong: true })
    text.push({ text: ` — ${POLARITY_WORDS[loop.polarity]}: ${chain}` })
    return { text }
  })
}

function diagramBlocks(diagram: Diagram): Block[] {
  const title = diagram.title || 'Untitled diagram'
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: title }]
  if (diagram.variables.length === 0) {
    blocks.push({ kind: 'paragraph', text: `${KIND_LABELS[diagram.kind]} with nothing drawn yet.`, muted: true })
    return blocks
  }
  const analysis = findLoops(diagram)
  const loops = analysis.loops
  const r = loops.filter((l) => l.polarity === 'R').length
  const b = loops.filter((l) => l.polarity === 'B').length
  blocks.push({
    kind: 'paragraph',
    muted: true,
    text: `${KIND_LABELS[diagram.kind]} · ${plural(diagram.variables.length, 'variable')} · ${plural(diagram.links.length, 'link')} · ${plural(loops.length, 'loop')}${loops.length ? ` (${r} reinforcing, ${b} balancing)` : ''}`,
  })
  blocks.push({
    kind: 'image',
    alt: `${title}: ${KIND_LABELS[diagram.kind].toLowerCase()} with ${plural(diagram.variables.length, 'variable')}`,
    file: {
      base: 'diagram',
      extension: 'svg',
      mimeType: 'image/svg+xml',
      data: toSvg(diagram, { loops, loopNames: diagram.loopNames, loopNumbers: diagram.loopNumbers, title }),
    },
  })
  if (loops.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: 'Loops' }, { kind: 'list', items: loopItems(diagram, loops) })
    if (analysis.capped.count) blocks.push({ kind: 'paragraph', muted: true, text: `Only the ${DEFAULT_MAX_LOOPS} shortest loops are listed.` })
    else if (analysis.capped.length) blocks.push({ kind: 'paragraph', muted: true, text: `Loops longer than ${DEFAULT_MAX_LENGTH} links are not listed.` })
  }
  const noted = diagram.variables.filter((v) => v.note)
  if (noted.length > 0) {
    blocks.push(
      { kind: 'heading', level: 4, text: 'Notes on variables' },
      { kind: 'list', items: noted.map((v) => ({ text: [{ text: `${v.label}:`, strong: true }, { text: ` ${v.note}` }] })) },
    )
  }
  blocks.push({ kind: 'code', language: 'mermaid', text: toMermaid(diagram) })
  return blocks
}

function readAll(doc: Y.Doc): Diagram[] {
  const out: Diagram[] = []
  for (const { id } of listDiagrams(doc)) {
    const diagram = readDiagram(doc, id)
    if (diagram) out.push(diagram)
  }
  return out
}

/** Each diagram: a picture beside the notes, its loops named with their polarity, and its Mermaid text. */
export const diagramsSection: HarvestSection = {
  id: 'diagrams',
  title: 'Diagrams',
  order: 50,
  collect(doc) {
    const diagrams = readAll(doc)
    if (diagrams.length === 0) return null
    return { blocks: diagrams.flatMap(diagramBlocks), tags: ['causal-loop-diagram'] }
  },
}
