import { english, type Message, type MessageValue } from './i18n/messages'

/**
 * What anything that may be refused returns: the value, or one sentence for the person
 * saying why not. Refusals are decided before anything is written and come back as a
 * value, never as a throw, so a caller shows `message` and carries on.
 *
 *   Result<string>                          { ok: true; value: string } | { ok: false; message }
 *   Result<string, { error: DiagramError }> a refusal that also carries a code for its callers
 *   ResultWith<{ invite: Invite }>          an older success that names its field instead of `value`
 *
 * Every shape has `ok` and, when refused, `message`, so one notice can show any of them.
 * A refusal made from a message (`fail(MSG.onlyFacilitator)`, `fail(said(MSG.tooLong, { max }))`)
 * also carries `said`, so a window can say it in the person's language; `message` stays
 * its English, for logs, tests and callers that have no translator. `said` is not
 * enumerable (see `fail`): spreading or cloning a refusal keeps only its English.
 */
export type Failure<Extra extends object = object> = { ok: false; message: string; said?: Said } & Extra
export type Success<T = void> = { ok: true; value: T }
export type Result<T = void, Extra extends object = object> = Success<T> | Failure<Extra>

/**
 * A result whose success carries named fields (`{ ok: true; invite }`), kept where many
 * callers read them by name; refused exactly as a Result is.
 */
export type ResultWith<Fields extends object, Extra extends object = object> = ({ ok: true } & Fields) | Failure<Extra>

export function ok(): Success<undefined>
export function ok<T>(value: T): Success<T>
export function ok<T>(value?: T): Success<T | undefined> {
  return { ok: true, value }
}

/** A message and the values of its placeholders: what a refusal says, in any language. */
export interface Said {
  message: Message
  values?: Record<string, MessageValue>
}

/** A message with the values of its placeholders, to refuse with: `fail(said(MSG.tooLong, { max: 80 }))`. */
export function said(message: Message, values?: Record<string, MessageValue>): Said {
  return values ? { message, values } : { message }
}

function isSaid(what: Message | Said): what is Said {
  return typeof (what as Partial<Said>).message === 'object'
}

/** The English of a message (the refusal's `message`), and the message itself when there is one. */
export function spoken(what: string | Message | Said): { message: string; said?: Said } {
  if (typeof what === 'string') return { message: what }
  const s = isSaid(what) ? what : said(what)
  return { message: english.formatMessage(s.message, s.values), said: s }
}

export function fail(message: string | Message | Said): Failure
export function fail<Extra extends object>(message: string | Message | Said, extra: Extra): Failure<Extra>
export function fail(what: string | Message | Said, extra?: object): Failure {
  const { message, said: words } = spoken(what)
  const refused: Failure = extra ? { ...extra, ok: false, message } : { ok: false, message }
  // Not enumerable: a refusal still equals the refusal that says the same words (tests
  // and callers compare `{ ok, message, ...extra }`); a window reads `said` by name.
  if (words) Object.defineProperty(refused, 'said', { value: words, enumerable: false, writable: true, configurable: true })
  return refused
}
