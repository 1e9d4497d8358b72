import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PSEUDO_LOCALE, pseudoCatalog, translator, type AnyLocale, type MessageValue } from '../../../shared/i18n'

/**
 * What a person reads in their language, taken from the catalogs the app ships
 * (resources/i18n/<tag>.json), so a test in Danish expects the Danish the app shows.
 * A message is found by its id, or by its English under an id prefix (`inEnglish`),
 * which keeps the tests readable: `say('da', 'home.', 'Your convenings')`.
 */
const root = join(import.meta.dirname, '..', '..', '..')
const catalogs = new Map<string, Record<string, string>>()

function catalog(tag: string): Record<string, string> {
  let found = catalogs.get(tag)
  if (!found) {
    found = JSON.parse(readFileSync(join(root, 'resources', 'i18n', `${tag}.json`), 'utf8')) as Record<string, string>
    catalogs.set(tag, found)
  }
  return found
}

/** The id of the message under `prefix` whose English is `english` (exactly one may match). */
export function messageId(prefix: string, english: string): string {
  const ids = Object.entries(catalog('en'))
    .filter(([id, text]) => id.startsWith(prefix) && text === english)
    .map(([id]) => id)
  if (ids.length === 0) throw new Error(`no message under ${prefix} reads "${english}"`)
  const translations = new Set(ids.map((id) => catalog('da')[id] ?? id))
  if (translations.size > 1) throw new Error(`"${english}" under ${prefix} is several messages (${ids.join(', ')}): use the id`)
  return ids[0]
}

/** The text a person with language `tag` reads for the message with this English (under `prefix`), or with this id. */
export function say(tag: AnyLocale, prefix: string, english: string, values?: Record<string, MessageValue>): string {
  const id = prefix.endsWith('.') ? messageId(prefix, english) : prefix
  const messages = tag === 'en' ? {} : tag === PSEUDO_LOCALE ? pseudo() : catalog(tag)
  return translator(tag, messages).formatMessage({ id, defaultMessage: catalog('en')[id] }, values)
}

let pseudoMessages: ReturnType<typeof pseudoCatalog> | null = null
function pseudo(): ReturnType<typeof pseudoCatalog> {
  pseudoMessages ??= pseudoCatalog(catalog('en'))
  return pseudoMessages
}

/** A built-in prompt in a language: resources/i18n/<tag>/decks.json (English: resources/conversation/decks.json). */
export function promptText(tag: 'en' | Exclude<AnyLocale, typeof PSEUDO_LOCALE>, deckId: string, promptId: string): string {
  const path = tag === 'en' ? join(root, 'resources/conversation/decks.json') : join(root, `resources/i18n/${tag}/decks.json`)
  const { decks } = JSON.parse(readFileSync(path, 'utf8')) as { decks: { id: string; prompts: { id: string; text: string }[] }[] }
  const text = decks.find((d) => d.id === deckId)?.prompts.find((p) => p.id === promptId)?.text
  if (!text) throw new Error(`no prompt ${deckId}/${promptId} in ${tag}`)
  return text
}
