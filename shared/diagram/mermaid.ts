import type { DiagramSnapshot, Loop } from './model'
import { loopNumbers, type AssignedNumbers, type LoopLabelling } from './loopNumbers'

/**
 * Mermaid text that draws cleanly whatever people typed. Variables get generated
 * node ids (v0, v1, ...) because real ids and labels may hold anything, including
 * Mermaid keywords like `end`. Labels go inside double quotes, where Mermaid reads
 * everything up to the next quote; the few characters that still mean something
 * there (the quote, entity and markup starters, `%` that starts a directive, and
 * `:`/`;` that style statements look for) become Mermaid's `#code;` entities, and
 * line breaks become `<br>`.
 */
export function mermaidText(text: string): string {
  let out = ''
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    if (ch === '\n') out += '<br>'
    else if ('"#%&<>:;`|[]{}\\'.includes(ch)) out += `#${ch.codePointAt(0)};`
    else if (ch < ' ' || ch === '\u007f') out += ' '
    else out += ch
  }
  return out
}

export type MermaidOptions = LoopLabelling

/**
 * `flowchart LR` with `A -- + --> B` edges; a delayed link reads `-- + || -->`. A
 * link with its own label uses the quoted form `-- "+ || label" -->`.
 */
export function toMermaid(diagram: DiagramSnapshot, options: MermaidOptions = {}): string {
  const nodeId = new Map<string, string>()
  const lines = ['flowchart LR']
  diagram.variables.forEach((v, i) => {
    nodeId.set(v.id, `v${i}`)
    lines.push(`    v${i}["${mermaidText(v.label)}"]`)
  })
  for (const link of diagram.links) {
    const from = nodeId.get(link.from)
    const to = nodeId.get(link.to)
    if (!from || !to || from === to) continue
    const sign = link.polarity + (link.delay ? ' ||' : '')
    const text = link.label ? `"${mermaidText(`${sign} ${link.label}`)}"` : sign
    lines.push(`    ${from} -- ${text} --> ${to}`)
  }
  if (options.loops?.length) {
    const labels = new Map(diagram.variables.map((v) => [v.id, v.label]))
    for (const line of loopSummaries(options.loops, labels, options.loopNames ?? {}, options.loopNumbers)) {
      // A comment runs to the end of its line; `%%{` anywhere would start a directive.
      lines.push(`    %% ${line.replace(/[\r\n]+/g, ' ').replace(/%(?=[%{])/g, '% ')}`)
    }
  }
  return lines.join('\n') + '\n'
}

const POLARITY_WORD = { R: 'reinforcing', B: 'balancing', '?': 'unknown polarity' } as const

/**
 * One line per loop, with its kept number (or R1, R2, B1, ?1 in list order when none are kept):
 * `R1 Vicious circle (reinforcing, 3 variables): a -> b -> c -> a`.
 */
export function loopSummaries(
  loops: readonly Loop[],
  labels: ReadonlyMap<string, string>,
  names: Readonly<Record<string, string>> = {},
  assigned: AssignedNumbers = {},
): string[] {
  const numbers = loopNumbers(loops, assigned)
  return loops.map((loop) => {
    const chain = [...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? id).join(' -> ')
    const name = names[loop.id] ? ` ${names[loop.id]}` : ''
    return `${numbers.get(loop.id)}${name} (${POLARITY_WORD[loop.polarity]}, ${loop.length} variables): ${chain}`
  })
}
