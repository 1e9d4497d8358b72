import type * as Y from 'yjs'
import { cohortArray } from './doc'
import { facilitates, memo } from './permissions'
import { ClinicRecordSchema, type ClinicRecord } from './schema'

/**
 * Every clinic held, in the order started. Offerings on a card name their clinic, and
 * count only if that clinic was started by a facilitator for that card.
 */
export function clinicLog(doc: Y.Doc): Y.Array<unknown> {
  return cohortArray(doc, 'clinics')
}

export function readClinicLog(doc: Y.Doc): ClinicRecord[] {
  const out: ClinicRecord[] = []
  const facilitator = memo(facilitates, doc)
  for (const raw of clinicLog(doc).toArray()) {
    const parsed = ClinicRecordSchema.safeParse(raw)
    if (parsed.success && facilitator(parsed.data.by)) out.push(parsed.data)
  }
  return out
}
