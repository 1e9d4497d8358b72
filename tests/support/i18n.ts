// The catalog tooling: every message in the code is an object literal with a literal
// `id` and `defaultMessage` (English, ICU MessageFormat). Extracting them gives
// resources/i18n/en.json; every other catalog must hold exactly the same ids.
// Used by `npm run i18n` (writes en.json, lists what each catalog lacks) and by
// tests/unit/tooling/i18n.test.ts (fails on any difference).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

export interface Extracted {
  messages: Map<string, { defaultMessage: string; file: string }>
  problems: string[]
}

const SOURCES = ['renderer', 'shared']

function files(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...files(path))
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

function literal(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text
  return undefined
}

export function extractMessages(root: string): Extracted {
  const messages = new Map<string, { defaultMessage: string; file: string }>()
  const problems: string[] = []
  for (const dir of SOURCES) {
    for (const path of files(join(root, dir))) {
      const file = relative(root, path)
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true)
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node)) {
          const props = new Map<string, ts.Expression>()
          for (const p of node.properties) {
            if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) props.set(p.name.text, p.initializer)
          }
          if (props.has('defaultMessage')) {
            const at = `${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`
            const id = literal(props.get('id'))
            const text = literal(props.get('defaultMessage'))
            if (id === undefined || text === undefined) {
              problems.push(`${at}: a message needs a literal id and defaultMessage (no variables or template parts), so it can be extracted`)
            } else {
              const seen = messages.get(id)
              if (seen && seen.defaultMessage !== text) problems.push(`${at}: the id "${id}" already means "${seen.defaultMessage}" (${seen.file})`)
              else if (!seen) messages.set(id, { defaultMessage: text, file })
            }
          }
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
  }
  return { messages, problems }
}

export function englishCatalog(extracted: Extracted): Record<string, string> {
  return Object.fromEntries([...extracted.messages.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, m]) => [id, m.defaultMessage]))
}
