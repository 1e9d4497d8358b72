// Checks translation fragments while the interface is being translated:
//   npx tsx tests/support/i18n-frag-check.ts <fragment-name> <id-prefix>[,<id-prefix>...]
// reads /work/i18n-frag/<fragment-name>.<locale>.json for each language and lists the
// messages (ids starting with a prefix) that are missing, unused, or whose placeholders
// differ from the English in the code.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { LOCALES, messageArguments } from '../../shared/i18n'
import { englishCatalog, extractMessages } from './i18n'

const [name, prefixes] = process.argv.slice(2)
if (!name || !prefixes) throw new Error('usage: i18n-frag-check.ts <fragment-name> <prefix>[,<prefix>...]')
const root = join(import.meta.dirname, '..', '..')
const extracted = extractMessages(root)
for (const p of extracted.problems) console.log('problem:', p)
const wanted = prefixes.split(',')
const english = Object.fromEntries(Object.entries(englishCatalog(extracted)).filter(([id]) => wanted.some((p) => id.startsWith(p))))
console.log(`${Object.keys(english).length} English messages with ${wanted.join(', ')}`)
let bad = 0
for (const { tag } of LOCALES) {
  if (tag === 'en') continue
  const path = `/work/i18n-frag/${name}.${tag}.json`
  const frag = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {}
  const missing = Object.keys(english).filter((id) => !(id in frag))
  const unused = Object.keys(frag).filter((id) => !(id in english))
  const wrong: string[] = []
  for (const [id, text] of Object.entries(frag)) {
    if (!(id in english)) continue
    try {
      const a = messageArguments(text).join()
      const b = messageArguments(english[id]).join()
      if (a !== b) wrong.push(`${id} uses [${a}] but English uses [${b}]`)
    } catch (e) {
      wrong.push(`${id} does not parse: ${String(e)}`)
    }
  }
  bad += missing.length + unused.length + wrong.length
  console.log(`${tag}: ${missing.length} missing, ${unused.length} unused, ${wrong.length} wrong`)
  for (const line of [...missing.map((m) => `  missing ${m}`), ...unused.map((u) => `  unused ${u}`), ...wrong.map((w) => `  ${w}`)].slice(0, 40)) console.log(line)
}
process.exitCode = bad ? 1 : 0
