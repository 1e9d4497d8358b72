// npm run i18n: writes resources/i18n/en.json from the code and lists, per language,
// the messages its catalog lacks and the ones no code uses any more.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { LOCALES } from '../../shared/i18n'
import { englishCatalog, extractMessages } from './i18n'

const root = join(import.meta.dirname, '..', '..')
const extracted = extractMessages(root)
for (const problem of extracted.problems) console.error(problem)
const english = englishCatalog(extracted)
writeFileSync(join(root, 'resources/i18n/en.json'), JSON.stringify(english, null, 2) + '\n')
console.log(`en: ${Object.keys(english).length} messages`)
for (const { tag } of LOCALES) {
  if (tag === 'en') continue
  const path = join(root, `resources/i18n/${tag}.json`)
  const catalog = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {}
  const missing = Object.keys(english).filter((id) => !(id in catalog))
  const extra = Object.keys(catalog).filter((id) => !(id in english))
  console.log(`${tag}: ${missing.length} missing, ${extra.length} unused${missing.length ? `\n  missing: ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}` : ''}${extra.length ? `\n  unused: ${extra.join(', ')}` : ''}`)
}
if (extracted.problems.length) process.exitCode = 1
