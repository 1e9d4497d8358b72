import * as Y from 'yjs'
import { z } from 'zod'
import { RoleSchema, ROLE_LABELS, type Role } from './schema'
import { metaMap, peopleMap, readPerson } from './doc'
import { localOrigin, type Origin } from './origins'
import type { Message } from '../i18n/messages'
import { fail, ok, type Result } from '../result'
import { grantSignedRole, signedFounder, signedRoom, signedStanding, type Signer } from './signed'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const ROLE_RULE_MESSAGES = {
  aboutCreator: { id: 'shared.session.roles.aboutCreator', defaultMessage: 'The person who started this convening is its facilitator. Anyone else who asks for a role when they join starts as a practitioner until a facilitator confirms the role.' },
  aboutSigned: { id: 'shared.session.roles.aboutSigned', defaultMessage: 'Every role is a statement signed with the key of the facilitator who gave it, and every copy of Convene checks the signatures back to the key in the invite. Someone who rebuilt Convene cannot give themselves a role or take one from anyone.' },
  aboutSignedRoom: { id: 'shared.session.roles.aboutSignedRoom', defaultMessage: 'A peer-to-peer room has no server that could lock anything else: everyone with the invite holds a full copy of the convening and can read all of it, including notes for facilitators, the queue of pause requests and who asked. If someone who should not have the invite has it, start a new convening with a new invite.' },
  aboutChecked: { id: 'shared.session.roles.aboutChecked', defaultMessage: 'Facilitator controls are shown only to facilitators and co-facilitators, every change they make is checked before it is written, and Convene ignores run-of-show changes that did not come from a facilitator.' },
  aboutRoom: { id: 'shared.session.roles.aboutRoom', defaultMessage: 'A peer-to-peer room has no server that could lock anything: everyone with the invite holds a full copy of the convening and can read all of it, including notes for facilitators, the queue of pause requests and who asked. Someone who rebuilt Convene to lie about who they are could still change things. If that happens, start a new convening with a new invite.' },
  unknownRole: { id: 'shared.session.roles.unknownRole', defaultMessage: 'That is not a role Convene knows.' },
  notFacilitator: { id: 'shared.session.roles.notFacilitator', defaultMessage: 'Only facilitators and co-facilitators can give people roles.' },
  creatorStays: { id: 'shared.session.roles.creatorStays', defaultMessage: 'The person who started the convening stays its facilitator.' },
  ownRole: { id: 'shared.session.roles.ownRole', defaultMessage: 'Another facilitator has to change your own role.' },
  notJoined: { id: 'shared.session.roles.notJoined', defaultMessage: 'This person has not joined the convening yet.' },
} as const
const MSG = ROLE_RULE_MESSAGES

/**
 * Who holds which role in a convening (or a cohort: same `meta` and `people`).
 *
 * A person declares a role when they join, but a declaration is only a request:
 *
 *   - the creator (`meta.createdBy`) is the facilitator;
 *   - anyone else holds a role above practitioner only through a grant, written by a
 *     facilitating person into the grantee's people entry:
 *
 *       people: Y.Map<personId, Y.Map>
 *         └─ personId: Y.Map { name, role (declared), colour, timeZone, joinedAt,
 *                              grant?: { role, by, at } }
 *
 *     and a grant counts only while its `by` is itself facilitating, in a chain that
 *     leads back to the creator (so taking a role from someone also takes back the
 *     roles they gave);
 *   - a document whose creator is not known yet (it has not arrived, or predates
 *     meta) falls back to what people declared: there is nothing to anchor a chain to.
 *
 * Grants live inside the people entries so that everything already watching the
 * people list (every feature that asks canFacilitate) sees a new grant at once.
 *
 * That is how convenings started before roles were signed work. A convening whose
 * invite carries its founder's key (every one started since) decides roles only from
 * signed statements instead (./signed.ts): a modified app cannot forge a grant or
 * anchor the chain on itself. Every function here asks `signedRoom` first.
 *
 * What this can and cannot enforce: every peer holds a full, writable copy of the
 * document. Honest apps refuse non-facilitators where the document changes and ignore
 * records that a non-facilitator wrote; without signed roles an app rebuilt to lie can
 * forge a `by`. See aboutRoles for the words the app shows.
 */

/** Roles that may drive the convening (agenda, timers, prompts, rounds, breakouts). */
export const FACILITATING_ROLES: readonly Role[] = ['facilitator', 'co-facilitator']

export function isFacilitatingRole(role: Role | undefined | null): boolean {
  return role !== undefined && role !== null && FACILITATING_ROLES.includes(role)
}

export const ROLES_ORIGIN = localOrigin('roles')
export const GRANT_FIELD = 'grant'

export const GrantSchema = z.object({
  role: RoleSchema,
  by: z.string().min(1).max(64),
  at: z.number().finite(),
})
export type Grant = z.infer<typeof GrantSchema>

/** What the app says about roles in a convening whose roles are signed. */
export const ABOUT_SIGNED_ROLE_MESSAGES = [MSG.aboutCreator, MSG.aboutSigned, MSG.aboutSignedRoom] as const
export const ABOUT_SIGNED_ROLES = ABOUT_SIGNED_ROLE_MESSAGES.map((m) => m.defaultMessage)

/** What the app says about roles in a convening started before roles were signed. */
export const ABOUT_ROLE_MESSAGES = [MSG.aboutCreator, MSG.aboutChecked, MSG.aboutRoom] as const
export const ABOUT_ROLES = ABOUT_ROLE_MESSAGES.map((m) => m.defaultMessage)

export function aboutRoles(doc: Y.Doc): readonly string[] {
  return signedRoom(doc) ? ABOUT_SIGNED_ROLES : ABOUT_ROLES
}

/** `aboutRoles` as messages, for a window that says them in the reader's language. */
export function aboutRoleMessages(doc: Y.Doc): readonly Message[] {
  return signedRoom(doc) ? ABOUT_SIGNED_ROLE_MESSAGES : ABOUT_ROLE_MESSAGES
}

/** The person who started the convening (with signed roles: the one the invite's key speaks for). */
export function creatorOf(doc: Y.Doc): string | null {
  if (signedRoom(doc)) return signedFounder(doc)
  const by = metaMap(doc).get('createdBy')
  return typeof by === 'string' && by.length > 0 ? by : null
}

export function readGrant(doc: Y.Doc, personId: string): Grant | null {
  const entry = peopleMap(doc).get(personId)
  if (!(entry instanceof Y.Map)) return null
  const parsed = GrantSchema.safeParse(entry.get(GRANT_FIELD))
  return parsed.success ? parsed.data : null
}

function resolve(doc: Y.Doc, personId: string, creator: string, seen: Set<string>): Role | null {
  if (personId === creator) return 'facilitator'
  const person = readPerson(doc, personId)
  if (!person) return null
  const grant = readGrant(doc, personId)
  if (grant && grant.by !== personId && !seen.has(grant.by)) {
    seen.add(personId)
    if (isFacilitatingRole(resolve(doc, grant.by, creator, seen))) return grant.role
  }
  return 'practitioner'
}

/** The role a person holds now; null for someone not in the people list. */
export function effectiveRole(doc: Y.Doc, personId: string): Role | null {
  if (signedRoom(doc)) return readPerson(doc, personId) ? (signedStanding(doc, personId)?.role ?? null) : null
  const creator = creatorOf(doc)
  if (!creator) return readPerson(doc, personId)?.role ?? null
  return resolve(doc, personId, creator, new Set())
}

/**
 * Whether this person facilitates. Every reader of run-of-show state (and of other
 * features' facilitator-only records) asks this about each record's author.
 */
export function canFacilitate(doc: Y.Doc, personId: string): boolean {
  return isFacilitatingRole(effectiveRole(doc, personId))
}

export interface RoleStanding {
  role: Role
  declared: Role
  /** A role asked for at joining and not answered yet by any facilitator. */
  requested: Role | null
  isCreator: boolean
  grantedBy: string | null
}

export function roleStanding(doc: Y.Doc, personId: string): RoleStanding | null {
  const person = readPerson(doc, personId)
  const role = effectiveRole(doc, personId)
  if (!person || !role) return null
  const creator = creatorOf(doc)
  const isCreator = creator === personId
  const signed = signedRoom(doc) ? signedStanding(doc, personId) : null
  if (signed) {
    const requested = !isCreator && !signed.answered && person.role !== role ? person.role : null
    return { role, declared: person.role, requested, isCreator, grantedBy: signed.grantedBy }
  }
  const grant = creator ? readGrant(doc, personId) : null
  const counts = grant !== null && grant.role === role && grant.by !== personId
  const requested = creator && !isCreator && grant === null && person.role !== role ? person.role : null
  return { role, declared: person.role, requested, isCreator, grantedBy: counts ? grant.by : null }
}

export type RoleResult = Result

/**
 * A facilitator gives someone a role (or confirms the one they asked for, or takes a
 * role back by giving "practitioner"). Refused before anything is written when the
 * writer does not facilitate, for the creator, and for the writer's own role.
 */
export function setRole(doc: Y.Doc, byPersonId: string, targetId: string, role: Role, now = Date.now(), origin: Origin = ROLES_ORIGIN): RoleResult {
  const refused = refuseRole(doc, byPersonId, targetId, role)
  if (refused) return refused
  const entry = peopleMap(doc).get(targetId)!
  const grant: Grant = { role, by: byPersonId, at: now }
  doc.transact(() => entry.set(GRANT_FIELD, grant), origin)
  return ok()
}

function refuseRole(doc: Y.Doc, byPersonId: string, targetId: string, role: Role): RoleResult | null {
  if (!RoleSchema.safeParse(role).success) return fail(MSG.unknownRole)
  if (!canFacilitate(doc, byPersonId)) return fail(MSG.notFacilitator)
  if (targetId === creatorOf(doc)) return fail(MSG.creatorStays)
  if (targetId === byPersonId) return fail(MSG.ownRole)
  const entry = peopleMap(doc).get(targetId)
  if (!(entry instanceof Y.Map) || !readPerson(doc, targetId)) return fail(MSG.notJoined)
  return null
}

/**
 * Give a role the way this convening keeps them: a signed grant where roles are
 * signed, the unsigned grant of older convenings otherwise.
 */
export async function giveRole(doc: Y.Doc, signer: Signer, targetId: string, role: Role, now = Date.now()): Promise<RoleResult> {
  const room = signedRoom(doc)
  if (!room) return setRole(doc, signer.personId, targetId, role, now)
  const refused = refuseRole(doc, signer.personId, targetId, role)
  if (refused) return refused
  return grantSignedRole(doc, signer, room.room, targetId, role, now)
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role]
}
