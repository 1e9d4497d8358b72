import { PSEUDO_LOCALE, isAnyLocale, matchLocale, type AnyLocale } from '../../shared/i18n'
import type { ConveneDB } from '../sync'

/** What a person chose: a language, or "as the system" (the default). */
export type LocaleChoice = AnyLocale | 'system'

const KEY = 'locale'

export function systemLocale(): AnyLocale {
  const requested = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language])
  // A system (or test browser) set to the pseudo-locale gets it, as Android's en-XA does:
  // how the pseudo-locale screenshots are taken. Never offered on Home.
  if (requested[0] === PSEUDO_LOCALE) return PSEUDO_LOCALE
  return matchLocale(requested)
}

export function resolveChoice(choice: LocaleChoice): AnyLocale {
  return choice === 'system' ? systemLocale() : choice
}

/** This computer's choice, kept in local settings (personal scope: never in a shared document). */
export async function loadLocaleChoice(db: ConveneDB): Promise<LocaleChoice> {
  const row = await db.settings.get(KEY)
  const value: unknown = row?.value
  return isAnyLocale(value) ? value : 'system'
}

export async function saveLocaleChoice(db: ConveneDB, choice: LocaleChoice): Promise<void> {
  if (choice !== 'system' && !isAnyLocale(choice)) throw new Error(`Unknown language: ${String(choice)}`)
  await db.settings.put({ key: KEY, value: choice })
}
