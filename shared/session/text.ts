import type * as Y from 'yjs'
import type { Origin } from './origins'

export interface TextChange {
  index: number
  remove: number
  insert: string
}

/**
 * The single edit that turns `before` into `after`: common prefix and suffix kept,
 * the middle replaced. A text field reports whole values, and this keeps each
 * keystroke (or paste, or cut) a minimal Y.Text edit, so two people typing in
 * different places both keep their words.
 */
export function diffText(before: string, after: string, cursor?: number): TextChange {
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let endBefore = before.length
  let endAfter = after.length
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--
    endAfter--
  }
  // Typing a repeated letter ("aa" -> "aaa") is ambiguous; where the caret is tells
  // where the insertion really happened.
  if (cursor !== undefined && endAfter > cursor && after.length > before.length) {
    const shift = Math.min(endAfter - cursor, start)
    if (shift > 0 && before.slice(start - shift, start) === after.slice(endAfter - shift, endAfter)) {
      start -= shift
      endBefore -= shift
      endAfter -= shift
    }
  }
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) {
    start--
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

/** Apply a whole-value change from a text field to a Y.Text in one transaction. */
export function applyTextValue(text: Y.Text, after: string, origin: Origin, cursor?: number): void {
  const before = text.toString()
  if (before === after) return
  const change = diffText(before, after, cursor)
  const doc = text.doc
  const apply = (): void => {
    if (change.remove > 0) text.delete(change.index, change.remove)
    if (change.insert.length > 0) text.insert(change.index, change.insert)
  }
  if (doc) doc.transact(apply, origin)
  else apply()
}

/** Where a caret at `position` moves to after a Y.Text delta from someone else. */
export function shiftPosition(
  position: number, delta: { retain?: number; insert?: unknown; delete?: number }[]): number {
  let cursor = 0
  let result = position
  for (const op of delta) {
    if (op.retain !== undefined) cursor += op.retain
    else if (typeof op.insert === 'string') {
      if (cursor < result) result += op.insert.length
      cursor += op.insert.length
    } else if (op.delete !== undefined) {
      if (cursor < result) result -= Math.min(op.delete, result - cursor)
    }
    if (cursor > result) break
  }
  return result
}
