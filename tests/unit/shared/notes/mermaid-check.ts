/**
 * A structural check of Mermaid flowchart text, the subset toMermaid writes: a
 * `flowchart LR` header, node declarations with quoted labels, edges between declared
 * nodes with a sign or a quoted label, and comments. Returns the problems found.
 */
export function flowchartProblems(text: string): string[] {
  const problems: string[] = []
  const lines = text.replace(/\n$/, '').split('\n')
  if (lines[0] !== 'flowchart LR') problems.push(`header: ${lines[0]}`)
  const nodes = new Set<string>()
  for (const line of lines.slice(1)) {
    const node = /^ {4}(v\d+)\["([^"]*)"\]$/.exec(line)
    if (node) {
      if (nodes.has(node[1])) problems.push(`node declared twice: ${line}`)
      nodes.add(node[1])
      continue
    }
    const edge = /^ {4}(v\d+) -- (?:[+?-](?: \|\|)?|"[^"]*") --> (v\d+)$/.exec(line)
    if (edge) {
      if (!nodes.has(edge[1]) || !nodes.has(edge[2])) problems.push(`edge to an undeclared node: ${line}`)
      continue
    }
    if (/^ {4}%% [^\n]*$/.test(line) && !line.includes('%%{')) continue
    problems.push(`not flowchart syntax: ${line}`)
  }
  return problems
}
