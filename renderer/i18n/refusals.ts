import { useCallback } from 'react'
import { useIntl } from 'react-intl'
import * as climate from '../../shared/climate'
import * as cohort from '../../shared/cohort'
import * as conversation from '../../shared/conversation'
import * as diagram from '../../shared/diagram'
import * as facilitation from '../../shared/facilitation'
import * as notes from '../../shared/notes'
import type { Message } from '../../shared/i18n'
import type { Said } from '../../shared/result'
import * as session from '../../shared/session'

/**
 * What shared/ says to a person (a refusal, a check that failed) in their language.
 * A refusal made from a message carries it (`said`, shared/result.ts); a plain English
 * sentence from shared/ (a zod schema's message) is found by its English among the
 * messages each shared module exports (`*_MESSAGES`), numbers and names in it included.
 * Anything else shows as written.
 */
export type Refusal = string | { message: string; said?: Said }

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && typeof (value as Message).defaultMessage === 'string'
}

interface Pattern {
  regex: RegExp
  names: string[]
  message: Message
}

/**
 * Every message shared/ exports, by its English: those without placeholders by their
 * words, those with simple ones (`Keep the title under {max} characters`) by a pattern
 * that gives back the values, so a schema's message with a number in it is found too.
 */
function sharedMessages(): { exact: Map<string, Message>; patterns: Pattern[] } {
  const exact = new Map<string, Message>()
  const patterns: Pattern[] = []
  for (const module of [climate, cohort, conversation, diagram, facilitation, notes, session] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('_MESSAGES') || typeof value !== 'object' || value === null) continue
      for (const message of Object.values(value)) {
        if (!isMessage(message)) continue
        const text = message.defaultMessage
        if (!text.includes('{')) exact.set(text, message)
        else if (!/\{\s*\w+\s*,/.test(text) && !text.includes("'")) {
          // Only plain arguments: plurals and selects change the words around them.
          const names: string[] = []
          const source = text
            .split(/(\{\s*\w+\s*\})/)
            .map((part) => {
              const arg = /^\{\s*(\w+)\s*\}$/.exec(part)
              if (!arg) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
              names.push(arg[1])
              return '(.+?)'
            })
            .join('')
          patterns.push({ regex: new RegExp(`^${source}$`, 's'), names, message })
        }
      }
    }
  }
  return { exact, patterns }
}

let known: ReturnType<typeof sharedMessages> | null = null

function fromEnglish(text: string): { message: Message; values?: Record<string, string | number> } | null {
  known ??= sharedMessages()
  const message = known.exact.get(text)
  if (message) return { message }
  for (const pattern of known.patterns) {
    const match = pattern.regex.exec(text)
    if (!match) continue
    const values = Object.fromEntries(pattern.names.map((name, i) => [name, /^\d+$/.test(match[i + 1]) ? Number(match[i + 1]) : match[i + 1]]))
    return { message: pattern.message, values }
  }
  return null
}

/** The words of a refusal in a language, given that language's `formatMessage`. */
export function sayRefusal(t: ReturnType<typeof useIntl>['formatMessage'], refusal: Refusal): string {
  if (typeof refusal !== 'string' && refusal.said) return t(refusal.said.message, refusal.said.values)
  const text = typeof refusal === 'string' ? refusal : refusal.message
  const found = fromEnglish(text)
  return found ? t(found.message, found.values) : text
}

/** `refusal(result)` or `refusal(issue.message)`: shared/'s words in this person's language. */
export function useRefusal(): (refusal: Refusal) => string {
  const t = useIntl().formatMessage
  return useCallback((refusal: Refusal) => sayRefusal(t, refusal), [t])
}
