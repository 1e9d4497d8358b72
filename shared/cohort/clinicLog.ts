import type * as Y from 'yjs'
import { facilitates, memo } from './permissions'
import { clinicLog } from './roots'
import { ClinicRecordSchema, type ClinicRecord } from './schema'

/** Every clinic held (roots.ts: clinicLog) that a facilitator started, in the order started. */
export function readClinicLog(doc: Y.Doc): ClinicRecord[] {
  const out: ClinicRecord[] = []
  const facilitator = memo(facilitates, doc)
  for (const raw of clinicLog(doc).toArray()) {
    const parsed = ClinicRecordSchema.safeParse(raw)
    if (parsed.success && facilitator(parsed.data.by)) out.push(parsed.data)
  }
  return out
}
