import type * as Y from 'yjs'
import { said } from '../result'
import { newItemId } from '../session/ids'
import { done, isWritable, NEWER_MESSAGE, readMember, refuse, type CohortResult } from './doc'
import { facilitates, isActive, isMentor, isPractitioner } from './permissions'
import { mentorNotesArray, pairsMap } from './roots'
import { MentorNoteSchema, NOTE_MAX, PairSchema, type MentorNote, type Pair } from './schema'
import type { Origin } from '../session/origins'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const MENTORING_MESSAGES = {
  facilitatorsPair: { id: 'shared.cohort.mentoring.facilitatorsPair', defaultMessage: 'Facilitators pair mentors with practitioners.' },
  chooseMentor: { id: 'shared.cohort.mentoring.chooseMentor', defaultMessage: 'Choose a mentor who is in the cohort.' },
  choosePractitioner: { id: 'shared.cohort.mentoring.choosePractitioner', defaultMessage: 'Choose a practitioner who is in the cohort.' },
  facilitatorsChange: { id: 'shared.cohort.mentoring.facilitatorsChange', defaultMessage: 'Facilitators change who mentors whom.' },
  whoWritesNotes: { id: 'shared.cohort.mentoring.whoWritesNotes', defaultMessage: 'Notes for a practitioner come from their mentors and the facilitators.' },
  notMember: { id: 'shared.cohort.mentoring.notMember', defaultMessage: 'That person is not in this cohort.' },
  writeNote: { id: 'shared.cohort.mentoring.writeNote', defaultMessage: 'Write the note first.' },
  noteTooLong: { id: 'shared.cohort.mentoring.noteTooLong', defaultMessage: 'Keep a note under {max} characters.' },
} as const
const MSG = MENTORING_MESSAGES

/**
 * Mentoring: facilitators pair mentors with practitioners (a practitioner may have
 * more than one mentor, a mentor several mentees). Pairs are keyed by both ids, so
 * two facilitators pairing the same two people at once write one pair.
 *
 * Notes for mentees live in the cohort document, so every member's computer holds
 * them; the interface shows them to the mentee, their mentors and the facilitators
 * only, and says so where they are written.
 */
export function pairKey(mentor: string, practitioner: string): string {
  return `${mentor}>${practitioner}`
}

export function pairMentor(doc: Y.Doc, input: { mentor: string; practitioner: string; by: string; now: number }, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, input.by) || !isActive(doc, input.by)) return refuse(MSG.facilitatorsPair)
  if (!isMentor(doc, input.mentor) || !isActive(doc, input.mentor)) return refuse(MSG.chooseMentor)
  if (!isPractitioner(doc, input.practitioner) || !isActive(doc, input.practitioner)) return refuse(MSG.choosePractitioner)
  const key = pairKey(input.mentor, input.practitioner)
  if (readPairs(doc).some((p) => pairKey(p.mentor, p.practitioner) === key)) return done(undefined)
  const record: Pair = { mentor: input.mentor, practitioner: input.practitioner, by: input.by, at: input.now }
  doc.transact(() => pairsMap(doc).set(key, record), origin)
  return done(undefined)
}

export function unpairMentor(doc: Y.Doc, input: { mentor: string; practitioner: string; by: string }, origin: Origin): CohortResult {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!facilitates(doc, input.by)) return refuse(MSG.facilitatorsChange)
  const key = pairKey(input.mentor, input.practitioner)
  if (pairsMap(doc).has(key)) doc.transact(() => pairsMap(doc).delete(key), origin)
  return done(undefined)
}

/**
 * The pairs in force: written by a facilitator, between a mentor and a practitioner
 * who are both still in the cohort (a person who leaves ends their pairings, and the
 * pairing comes back if they return).
 */
export function readPairs(doc: Y.Doc): Pair[] {
  const out: Pair[] = []
  for (const [key, raw] of pairsMap(doc).entries()) {
    const parsed = PairSchema.safeParse(raw)
    if (!parsed.success) continue
    const pair = parsed.data
    if (key !== pairKey(pair.mentor, pair.practitioner) || !facilitates(doc, pair.by)) continue
    if (!isMentor(doc, pair.mentor) || !isPractitioner(doc, pair.practitioner)) continue
    if (!isActive(doc, pair.mentor) || !isActive(doc, pair.practitioner)) continue
    out.push(pair)
  }
  return out.sort((a, b) => a.at - b.at || pairKey(a.mentor, a.practitioner).localeCompare(pairKey(b.mentor, b.practitioner)))
}

export function menteesOf(pairs: Pair[], mentor: string): string[] {
  return pairs.filter((p) => p.mentor === mentor).map((p) => p.practitioner)
}

export function mentorsOf(pairs: Pair[], practitioner: string): string[] {
  return pairs.filter((p) => p.practitioner === practitioner).map((p) => p.mentor)
}

export function isPaired(doc: Y.Doc, mentor: string, practitioner: string): boolean {
  return readPairs(doc).some((p) => p.mentor === mentor && p.practitioner === practitioner)
}

export function addMentorNote(doc: Y.Doc, input: { by: string; for: string; text: string; now: number }, origin: Origin): CohortResult<string> {
  if (!isWritable(doc)) return refuse(NEWER_MESSAGE)
  if (!isActive(doc, input.by) || !(isPaired(doc, input.by, input.for) || facilitates(doc, input.by))) {
    return refuse(MSG.whoWritesNotes)
  }
  if (!readMember(doc, input.for)) return refuse(MSG.notMember)
  const text = input.text.trim()
  if (text.length === 0) return refuse(MSG.writeNote)
  if (text.length > NOTE_MAX) return refuse(said(MSG.noteTooLong, { max: NOTE_MAX }))
  const record = MentorNoteSchema.parse({ id: newItemId(), by: input.by, for: input.for, at: input.now, text })
  doc.transact(() => mentorNotesArray(doc).push([record]), origin)
  return done(record.id)
}

/**
 * Notes for one practitioner, oldest first. A note stays after a pairing ends (it was
 * written for them), but only notes whose author was a mentor or facilitator count.
 */
export function readMentorNotes(doc: Y.Doc, practitioner: string): MentorNote[] {
  const out: MentorNote[] = []
  for (const raw of mentorNotesArray(doc).toArray()) {
    const parsed = MentorNoteSchema.safeParse(raw)
    if (!parsed.success || parsed.data.for !== practitioner) continue
    if (isMentor(doc, parsed.data.by) || facilitates(doc, parsed.data.by)) out.push(parsed.data)
  }
  return out.sort((a, b) => a.at - b.at)
}

/** Who sees a practitioner's mentor notes on screen: the practitioner, their mentors, the facilitators. */
export function mayReadNotesFor(doc: Y.Doc, viewer: string, practitioner: string): boolean {
  return viewer === practitioner || facilitates(doc, viewer) || isPaired(doc, viewer, practitioner)
}
