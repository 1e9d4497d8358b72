import {
  TitleSchema,
  newId,
  bindStatement,
  boundKeys,
  effectiveRole,
  grantStatement,
  peopleMap,
  placeStatement,
  seedConvening,
  upsertPerson,
  type Role,
  type Signer,
} from '../../../shared/session'
import {
  milestoneAllCards,
  readMembers,
  recordConvening,
  type ConveningDetails,
  type ConveningEntry,
} from '../../../shared/cohort'
import { listDiagrams } from '../../../shared/diagram'
import { readScenarios } from '../../../shared/climate'
import { collectHarvest, harvestName, harvestToHtml } from '../../../shared/notes'
import { joinConvening, localTimeZone, withStoredDoc, type ConveneDB, type ConveningRecord, type ConveningSession } from '../../sync'
import { platform } from '../../platform'
import { english, type Message, type MessageValue } from '../../../shared/i18n'
import { COHORT_ORIGIN } from './hooks'

/**
 * Words these functions write or report, in the person's language: the window passes
 * its `t` (renderer/i18n); tests and other callers get English.
 */
export type Translate = (message: Message, values?: Record<string, MessageValue>) => string
const inEnglish: Translate = (message, values) => english.formatMessage(message, values)

/**
 * A convening started from the cohort: a new room with its own secret, whose people
 * list already holds the cohort's members (names, roles, time zones), so everyone
 * shows in it before they arrive. Roles carry over as the cohort holds them: the
 * starter is the new convening's facilitator and grants the others their cohort
 * roles, so a cohort's co-facilitators and mentors need no confirming again. The cohort records it on its timeline, with its
 * invite when the facilitator shares it, and keeps where every card stood.
 */
export async function startConveningFromCohort(
  db: ConveneDB,
  cohort: ConveningSession,
  signer: Signer,
  input: { title: string; date: string; shareInvite: boolean },
  t: Translate = inEnglish,
): Promise<ConveningRecord> {
  const title = TitleSchema.parse(input.title)
  const now = Date.now()
  const me = cohort.me
  const members = readMembers(cohort.doc).filter((m) => m.leftAt === undefined && m.id !== me.id)
  const record: ConveningRecord = {
    id: newId(),
    secret: newId(),
    title,
    signaling: cohort.signalingUrls,
    relays: cohort.relayUrls,
    role: me.role,
    createdAt: now,
    lastOpenedAt: now,
    peopleCount: members.length + 1,
    founder: signer.publicKey,
  }
  // Signed before the document is written (signing is asynchronous): this person's
  // statement of their key, and a grant for each member whose key the cohort knows
  // (members whose app never said, or who two keys claim, join as practitioners and
  // ask again).
  const roles = members.map((m) => ({ member: m, role: effectiveRole(cohort.doc, m.id) ?? 'practitioner' }))
  const bind = await bindStatement(signer, record.id, now)
  const grants = new Map<string, string>()
  for (const { member, role } of roles) {
    const keys = boundKeys(cohort.doc, member.id)
    if (role !== 'practitioner' && keys.length === 1) grants.set(member.id, await grantStatement(signer, record.id, { subject: member.id, subjectKey: keys[0], role }, now))
  }
  // Seeded here, before the record exists, so the convening never opens half-made.
  await withStoredDoc(db, record.id, (doc) => {
    seedConvening(doc, { id: record.id, title, createdBy: me, now })
    // In the cohort's own order (people lists sort by when each joined).
    placeStatement(doc, me.id, bind)
    roles.forEach(({ member: m, role }, i) => {
      upsertPerson(doc, { id: m.id, name: m.name, role, colour: m.colour, timeZone: m.timeZone, joinedAt: now + 1 + i })
      const grant = grants.get(m.id)
      if (grant) placeStatement(doc, m.id, grant)
    })
  })
  await db.convenings.add(record)
  const entry = {
    conveningId: record.id,
    title,
    date: input.date,
    by: me.id,
    ...(input.shareInvite ? { invite: { secret: record.secret, signaling: record.signaling, ...(record.relays?.length ? { relays: record.relays } : {}), founder: signer.publicKey } } : {}),
  }
  const recorded = recordConvening(cohort.doc, entry, now, COHORT_ORIGIN)
  if (!recorded.ok) throw new Error(recorded.message)
  // Written into the cohort in the starter's language, like any text someone writes there.
  const label = t({ id: 'cohort.milestone.before', defaultMessage: 'Before “{title}”' }, { title })
  milestoneAllCards(cohort.doc, { by: me.id, label, now, conveningId: record.id }, COHORT_ORIGIN)
  await cohort.whenSaved()
  return record
}

export type OpenOutcome = { ok: true; id: string } | { ok: false; message: string }

/** Open a convening from the timeline: from this computer, or by joining with the invite the cohort keeps. */
export async function openCohortConvening(db: ConveneDB, entry: ConveningEntry, role: Role, t: Translate = inEnglish): Promise<OpenOutcome> {
  if (await db.convenings.get(entry.conveningId)) return { ok: true, id: entry.conveningId }
  if (!entry.invite) {
    const message = t(
      { id: 'cohort.timeline.notShared', defaultMessage: '“{title}” is not on this computer, and its invite was not shared with the cohort. Ask a facilitator for it.' },
      { title: entry.title },
    )
    return { ok: false, message }
  }
  const record = await joinConvening(
    db,
    { room: entry.conveningId, secret: entry.invite.secret, signaling: entry.invite.signaling, relays: entry.invite.relays, founder: entry.invite.founder },
    role,
  )
  return { ok: true, id: record.id }
}

/** What each convening on this computer made, read from its stored document (never opened in a room). */
export async function readConveningDetails(db: ConveneDB, ids: string[], t: Translate = inEnglish): Promise<Map<string, ConveningDetails>> {
  const untitled = t({ id: 'cohort.timeline.untitledDiagram', defaultMessage: 'Untitled diagram' })
  const out = new Map<string, ConveningDetails>()
  const here = await db.convenings.bulkGet(ids)
  for (const record of here) {
    if (!record) continue
    const details = await withStoredDoc(db, record.id, (doc) => ({
      diagrams: listDiagrams(doc).map((d) => d.title.trim() || untitled),
      scenarios: readScenarios(doc).map((s) => s.name),
      people: peopleMap(doc).size,
    }))
    out.set(record.id, details)
  }
  return out
}

/** The convening's harvest as one web page (shared/notes), saved where the person chooses. */
export async function saveHarvestPage(db: ConveneDB, conveningId: string, t: Translate = inEnglish): Promise<string> {
  const page = await withStoredDoc(db, conveningId, (doc) => {
    const harvest = collectHarvest(doc, { now: Date.now(), timeZone: localTimeZone() })
    return { name: `${harvestName(harvest)}.html`, html: harvestToHtml(harvest) }
  })
  const result = await platform.saveFile({ suggestedName: page.name, data: page.html, mimeType: 'text/html' })
  return savedNotice(t, result.saved, page.name)
}

/** What saving a file says (read out to screen readers). */
export function savedNotice(t: Translate, saved: boolean, name: string): string {
  return saved ? t({ id: 'cohort.file.saved', defaultMessage: 'Saved “{name}”.' }, { name }) : t({ id: 'cohort.file.notSaved', defaultMessage: 'Nothing was saved.' })
}
