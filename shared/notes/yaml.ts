/**
 * A small YAML emitter for the notes' front matter: flat keys whose values are
 * strings, numbers, booleans or lists of strings. Every string a person typed is
 * double-quoted (YAML's escaped form), so nothing in a title or a name can become a
 * key, a comment, an anchor or a document marker. Only values we make ourselves
 * (dates, tags) may go unquoted, and only when they match a pattern that stays a
 * string in every YAML reader.
 */
export type YamlValue = string | number | boolean | readonly string[] | { readonly plain: string }

/** A plain (unquoted) scalar we produced: an ISO date, a tag, or a language tag (`fr-CA`). */
const SAFE_PLAIN = /^(?:\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?Z)?|[a-z][a-z0-9_/-]*|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})+)$/
const RESERVED_PLAIN = /^(?:true|false|yes|no|on|off|null|y|n)$/i

/** Whether `text` may go out unquoted and still read as this same string. */
export function isPlainSafe(text: string): boolean {
  return SAFE_PLAIN.test(text) && !RESERVED_PLAIN.test(text)
}

export function plain(text: string): { plain: string } {
  if (!isPlainSafe(text)) throw new Error(`not a safe plain YAML scalar: ${text}`)
  return { plain: text }
}

/** YAML 1.2 printable characters; everything else goes out as an escape. */
function isPrintable(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  )
}

export function quoteYaml(text: string): string {
  let out = '"'
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    // A lone surrogate half cannot be written in UTF-8 at all: replace it.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\uFFFD'
    else if (!isPrintable(code)) out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`
    else out += ch
  }
  return out + '"'
}

function scalar(value: string | number | boolean | { readonly plain: string }): string {
  if (typeof value === 'string') return quoteYaml(value)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : quoteYaml(String(value))
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  return plain(value.plain).plain
}

const KEY = /^[a-z][a-z0-9_-]*$/

/** The front matter block, `---` lines included. */
export function frontMatter(entries: readonly (readonly [string, YamlValue])[]): string {
  const lines = ['---']
  for (const [key, value] of entries) {
    if (!KEY.test(key)) throw new Error(`not a front matter key: ${key}`)
    if (Array.isArray(value)) {
      const items = value as readonly string[]
      if (items.length === 0) lines.push(`${key}: []`)
      else lines.push(`${key}:`, ...items.map((item) => `  - ${quoteYaml(item)}`))
    } else {
      lines.push(`${key}: ${scalar(value as string | number | boolean | { readonly plain: string })}`)
    }
  }
  lines.push('---')
  return lines.join('\n') + '\n'
}
