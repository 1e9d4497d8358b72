import type * as Y from 'yjs'
import { localOrigin } from '../session/origins'
import { canFacilitate } from '../session/roles'
import { canonicalJson, claimStatement, readClaim, signedRoom, type Signer } from '../session/signed'
import { LEVER_IDS } from './levers'
import { ControlSchema, LeverEntrySchema, climateMap, controlIsSigned, leverBody, leverSubject, parseEntry, type ControlRecord } from './doc'

/**
 * The levers' lock where roles are signed (issue 14, "locks"): the facilitator's lock
 * record and every lever they move while it holds carry their signed claim, so a
 * modified app can neither unlock the levers nor move them "as the facilitator".
 *
 * `keepSignedLevers` runs in every open convening:
 * - it keeps the latest signed lock in place: a lock record someone overwrote or
 *   removed is put back (a newer signed one replaces it, as it should);
 * - in the facilitator's own app, it signs each lever they move while the lock holds
 *   (the move is written at once; its signature follows a moment later, and other
 *   apps show the lever at its previous signed position until then).
 */
export const SIGNED_LEVERS_ORIGIN = localOrigin('signed-levers')

export function keepSignedLevers(doc: Y.Doc, signer: Signer | undefined): () => void {
  const map = climateMap(doc)
  let kept: ControlRecord | null = null
  let queued = false
  let stopped = false
  const signing = new Set<string>()

  const signMine = (control: ControlRecord): void => {
    const room = signedRoom(doc)
    if (!room || !signer || !control.locked || !canFacilitate(doc, signer.personId)) return
    for (const id of LEVER_IDS) {
      const key = `lever:${id}`
      const entry = parseEntry(map, key, LeverEntrySchema)
      if (!entry || entry.by !== signer.personId || entry.at < control.at) continue
      if (readClaim(doc, entry.statement, leverSubject(id))?.claim.body === leverBody(entry)) continue
      const token = `${key} ${entry.value} ${entry.at}`
      if (signing.has(token)) continue
      signing.add(token)
      void claimStatement(signer, room.room, leverSubject(id), leverBody(entry), entry.at).then((statement) => {
        signing.delete(token)
        const now = parseEntry(map, key, LeverEntrySchema)
        // Only if the lever still holds this move (a newer one gets its own signature).
        if (stopped || !now || now.value !== entry.value || now.at !== entry.at || now.by !== entry.by) return
        doc.transact(() => map.set(key, { value: entry.value, by: entry.by, at: entry.at, statement }), SIGNED_LEVERS_ORIGIN)
      })
    }
  }

  const check = (): void => {
    queued = false
    if (stopped || !signedRoom(doc)) return
    const current = parseEntry(map, 'control', ControlSchema)
    const valid = current && controlIsSigned(doc, current) ? current : null
    if (valid && (!kept || valid.at >= kept.at)) kept = valid
    if (kept && valid !== kept && canonicalJson(current) !== canonicalJson(kept)) {
      const restore = kept
      doc.transact(() => map.set('control', restore), SIGNED_LEVERS_ORIGIN)
    }
    if (kept) signMine(kept)
  }
  const onChange = (_events: unknown, transaction: Y.Transaction): void => {
    if (transaction.origin === SIGNED_LEVERS_ORIGIN || queued) return
    queued = true
    queueMicrotask(check)
  }
  map.observe(onChange)
  check()
  return () => {
    stopped = true
    map.unobserve(onChange)
  }
}

/** What signs a claim as this person in this room; undefined where roles are not signed (or no signer is at hand). */
export function signerFor(doc: Y.Doc, signer: Signer | undefined): ((subject: string, body: string, at: number) => Promise<string>) | undefined {
  const room = signedRoom(doc)
  if (!room || !signer) return undefined
  return (subject, body, at) => claimStatement(signer, room.room, subject, body, at)
}
