import { useCallback } from 'react'
import { useIntl } from 'react-intl'
import * as climate from '../../shared/climate'
import * as cohort from '../../shared/cohort'
import * as conversation from '../../shared/conversation'
import * as diagram from '../../shared/diagram'
import * as facilitation from '../../shared/facilitation'
import type { Message } from '../../shared/i18n'
import type { Said } from '../../shared/result'
import * as session from '../../shared/session'

/**
 * What shared/ says to a person (a refusal, a check that failed) in their language.
 * A refusal made from a message carries it (`said`, shared/result.ts); a plain English
 * sentence from shared/ (a zod schema's message) is found by its English among the
 * messages each shared module exports (`*_MESSAGES`). Anything else shows as written.
 */
export type Refusal = string | { message: string; said?: Said }

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).id === 'string' && typeof (value as Message).defaultMessage === 'string'
}

/** Every message shared/ exports that has no placeholders, by its English. */
function messagesByEnglish(): Map<string, Message> {
  const found = new Map<string, Message>()
  for (const module of [climate, cohort, conversation, diagram, facilitation, session] as Record<string, unknown>[]) {
    for (const [name, value] of Object.entries(module)) {
      if (!name.endsWith('_MESSAGES') || typeof value !== 'object' || value === null) continue
      for (const message of Object.values(value)) {
        if (isMessage(message) && !message.defaultMessage.includes('{')) found.set(message.defaultMessage, message)
      }
    }
  }
  return found
}

let byEnglish: Map<string, Message> | null = null

/** The words of a refusal in a language, given that language's `formatMessage`. */
export function sayRefusal(t: ReturnType<typeof useIntl>['formatMessage'], refusal: Refusal): string {
  if (typeof refusal !== 'string' && refusal.said) return t(refusal.said.message, refusal.said.values)
  const text = typeof refusal === 'string' ? refusal : refusal.message
  byEnglish ??= messagesByEnglish()
  const message = byEnglish.get(text)
  return message ? t(message) : text
}

/** `refusal(result)` or `refusal(issue.message)`: shared/'s words in this person's language. */
export function useRefusal(): (refusal: Refusal) => string {
  const t = useIntl().formatMessage
  return useCallback((refusal: Refusal) => sayRefusal(t, refusal), [t])
}
