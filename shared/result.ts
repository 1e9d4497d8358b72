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
 */
export type Failure<Extra extends object = object> = { ok: false; message: string } & Extra
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

export function fail(message: string): Failure
export function fail<Extra extends object>(message: string, extra: Extra): Failure<Extra>
export function fail(message: string, extra?: object): Failure {
  return extra ? { ...extra, ok: false, message } : { ok: false, message }
}
