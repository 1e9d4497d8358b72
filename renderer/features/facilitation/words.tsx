import type { ReactNode } from 'react'
import type { SegmentKind } from '../../../shared/facilitation'
import type { Message } from '../../../shared/i18n'

// Words and pieces of markup several parts of the run of show share, so each is
// translated once.

/** Who did something, when their name is not known (yet) on this screen. */
export const SOMEONE = { id: 'facilitation.someone', defaultMessage: 'Someone' } as const

/** Beside my own name in a list: " (you)". */
export const YOU = { id: 'facilitation.you', defaultMessage: '(you)' } as const

/** A place in a queue: 1st, 2nd, 3rd (ICU picks the ending by the language's ordinal rules). */
export const PLACE = { id: 'facilitation.hands.place', defaultMessage: '{place, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}' } as const

/** For rich messages: <hidden>…</hidden> is read by screen readers only. */
export const hidden = (chunks: ReactNode[]): ReactNode => <span className="sr-only">{chunks}</span>

/** For rich messages: <strong>…</strong>. */
export const strong = (chunks: ReactNode[]): ReactNode => <strong>{chunks}</strong>

/** Each kind of segment's name (the agenda's kinds). */
export const SEGMENT_KIND_NAMES: Record<SegmentKind, Message> = {
  'check-in': { id: 'facilitation.segmentKind.checkIn', defaultMessage: 'Check-in' },
  diagram: { id: 'facilitation.segmentKind.diagram', defaultMessage: 'Diagram' },
  conversation: { id: 'facilitation.segmentKind.conversation', defaultMessage: 'Conversation' },
  climate: { id: 'facilitation.segmentKind.climate', defaultMessage: 'Climate' },
  breakout: { id: 'facilitation.segmentKind.breakout', defaultMessage: 'Breakout' },
  break: { id: 'facilitation.segmentKind.break', defaultMessage: 'Break' },
  'check-out': { id: 'facilitation.segmentKind.checkOut', defaultMessage: 'Check-out' },
}
