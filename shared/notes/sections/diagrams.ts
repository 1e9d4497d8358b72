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
import type { Message, Translator } from '../../i18n/messages'
import type { Block, HarvestSection, ListItem, Span } from '../blocks'
import { TERM, slotted, translatorOf } from '../language'

const KIND_LABELS: Record<DiagramKind, Message> = {
  cld: { id: 'notes.export.diagram.kind.cld', defaultMessage: 'Causal loop diagram' },
  iceberg: { id: 'notes.export.diagram.kind.iceberg', defaultMessage: 'Iceberg' },
  bot: { id: 'notes.export.diagram.kind.bot', defaultMessage: 'Behaviour over time' },
}
const POLARITY_WORDS: Record<Loop['polarity'], Message> = {
  R: { id: 'notes.export.diagram.polarity.reinforcing', defaultMessage: 'reinforcing' },
  B: { id: 'notes.export.diagram.polarity.balancing', defaultMessage: 'balancing' },
  '?': { id: 'notes.export.diagram.polarity.unknown', defaultMessage: 'polarity unknown' },
}

const M = {
  title: { id: 'notes.export.section.diagrams', defaultMessage: 'Diagrams' },
  untitled: { id: 'notes.export.diagram.untitled', defaultMessage: 'Untitled diagram' },
  empty: {
    id: 'notes.export.diagram.empty',
    defaultMessage: '{kind, select, cld {Causal loop diagram with nothing drawn yet.} iceberg {Iceberg with nothing drawn yet.} other {Behaviour over time with nothing drawn yet.}}',
  },
  variables: { id: 'notes.export.diagram.variables', defaultMessage: '{count, plural, one {# variable} other {# variables}}' },
  links: { id: 'notes.export.diagram.links', defaultMessage: '{count, plural, one {# link} other {# links}}' },
  loops: { id: 'notes.export.diagram.loops', defaultMessage: '{count, plural, one {# loop} other {# loops}}' },
  loopsByPolarity: {
    id: 'notes.export.diagram.loopsByPolarity',
    defaultMessage: '{count, plural, one {# loop} other {# loops}} ({reinforcing} reinforcing, {balancing} balancing)',
  },
  alt: {
    id: 'notes.export.diagram.alt',
    defaultMessage:
      '{title}: {kind, select, cld {causal loop diagram} iceberg {iceberg} other {behaviour over time}} with {count, plural, one {# variable} other {# variables}}',
    description: 'The picture of a diagram, for screen readers',
  },
  loopLine: { id: 'notes.export.diagram.loopLine', defaultMessage: '{polarity}: {chain}', description: 'A loop: its polarity, then its variables (A → B → A)' },
  loopsHeading: { id: 'notes.export.diagram.loopsHeading', defaultMessage: 'Loops' },
  cappedCount: { id: 'notes.export.diagram.cappedCount', defaultMessage: 'Only the {max} shortest loops are listed.' },
  cappedLength: { id: 'notes.export.diagram.cappedLength', defaultMessage: 'Loops longer than {max} links are not listed.' },
  notesHeading: { id: 'notes.export.diagram.notesHeading', defaultMessage: 'Notes on variables' },
} as const


/** "R1 Vicious circle — reinforcing: A → B → A" */
function loopItems(diagram: Diagram, loops: readonly Loop[], t: Translator): ListItem[] {
  const lines = {
    R: slotted(t, M.loopLine, 'chain', { polarity: t.formatMessage(POLARITY_WORDS.R) }),
    B: slotted(t, M.loopLine, 'chain', { polarity: t.formatMessage(POLARITY_WORDS.B) }),
    '?': slotted(t, M.loopLine, 'chain', { polarity: t.formatMessage(POLARITY_WORDS['?']) }),
  }
  const numbers = loopNumbers(loops, diagram.loopNumbers)
  const labels = new Map(diagram.variables.map((v) => [v.id, v.label]))
  return loops.map((loop) => {
    const name = diagram.loopNames[loop.id]
    const chain = [...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? '?').join(' → ')
    const text: Span[] = [{ text: numbers.get(loop.id) ?? loop.polarity, strong: true }]
    if (name) text.push({ text: ' ' }, { text: name, strong: true })
    text.push({ text: ` — ${lines[loop.polarity](chain)}` })
    return { text }
  })
}

function diagramBlocks(diagram: Diagram, t: Translator): Block[] {
  const title = diagram.title || t.formatMessage(M.untitled)
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: title }]
  if (diagram.variables.length === 0) {
    blocks.push({ kind: 'paragraph', text: t.formatMessage(M.empty, { kind: diagram.kind }), muted: true })
    return blocks
  }
  const analysis = findLoops(diagram)
  const loops = analysis.loops
  const r = loops.filter((l) => l.polarity === 'R').length
  const b = loops.filter((l) => l.polarity === 'B').length
  // Facts about the diagram, one after another ("Causal loop diagram · 4 variables · 5 links · 2 loops (…)").
  const facts = [
    t.formatMessage(KIND_LABELS[diagram.kind]),
    t.formatMessage(M.variables, { count: diagram.variables.length }),
    t.formatMessage(M.links, { count: diagram.links.length }),
    loops.length ? t.formatMessage(M.loopsByPolarity, { count: loops.length, reinforcing: r, balancing: b }) : t.formatMessage(M.loops, { count: 0 }),
  ]
  blocks.push({ kind: 'paragraph', muted: true, text: facts.join(' · ') })
  blocks.push({
    kind: 'image',
    alt: t.formatMessage(M.alt, { title, kind: diagram.kind, count: diagram.variables.length }),
    file: {
      base: 'diagram',
      extension: 'svg',
      mimeType: 'image/svg+xml',
      data: toSvg(diagram, { loops, loopNames: diagram.loopNames, loopNumbers: diagram.loopNumbers, title }),
    },
  })
  if (loops.length > 0) {
    blocks.push({ kind: 'heading', level: 4, text: t.formatMessage(M.loopsHeading) }, { kind: 'list', items: loopItems(diagram, loops, t) })
    if (analysis.capped.count) blocks.push({ kind: 'paragraph', muted: true, text: t.formatMessage(M.cappedCount, { max: DEFAULT_MAX_LOOPS }) })
    else if (analysis.capped.length) blocks.push({ kind: 'paragraph', muted: true, text: t.formatMessage(M.cappedLength, { max: DEFAULT_MAX_LENGTH }) })
  }
  const noted = diagram.variables.filter((v) => v.note)
  if (noted.length > 0) {
    const term = slotted(t, TERM, 'term')
    blocks.push(
      { kind: 'heading', level: 4, text: t.formatMessage(M.notesHeading) },
      { kind: 'list', items: noted.map((v) => ({ text: [{ text: term(v.label), strong: true }, { text: ` ${v.note}` }] })) },
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
  title: M.title,
  order: 50,
  collect(doc, context) {
    const t = translatorOf(context)
    const diagrams = readAll(doc)
    if (diagrams.length === 0) return null
    return { blocks: diagrams.flatMap((diagram) => diagramBlocks(diagram, t)), tags: ['causal-loop-diagram'] }
  },
}
