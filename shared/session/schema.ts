import { z } from 'zod'
import { english, type Message } from '../i18n/messages'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const SESSION_MESSAGES = {
  titleNeeded: { id: 'shared.session.titleNeeded', defaultMessage: 'A title is needed' },
  titleTooLong: { id: 'shared.session.titleTooLong', defaultMessage: 'Keep the title under {max} characters' },
  nameNeeded: { id: 'shared.session.nameNeeded', defaultMessage: 'A name is needed' },
  nameTooLong: { id: 'shared.session.nameTooLong', defaultMessage: 'Keep the name under {max} characters' },
  titleInvalid: { id: 'shared.session.titleInvalid', defaultMessage: 'Invalid title' },
} as const
const MSG = SESSION_MESSAGES

/**
 * The convening document: one Y.Doc per convening, synced and persisted.
 *
 *   Y.Doc
 *   ├─ meta: Y.Map            schemaVersion, id, title, createdAt, createdBy
 *   ├─ people: Y.Map<personId, Y.Map>   name, role, colour, timeZone, joinedAt
 *   ├─ notes: Y.Text          the shared harvest notes
 *   ├─ actions: Y.Array<Y.Map>          (harvest issue)
 *   ├─ agenda: Y.Array<Y.Map>, run: Y.Map   (run-of-show issue)
 *   ├─ diagrams: Y.Map<id, Y.Map>          (diagram issue: shared/diagram/doc.ts)
 *   ├─ conversation: Y.Map                 (conversation issue)
 *   └─ climate: Y.Map                      (climate issue)
 *
 * Everything read out of the document is parsed with the schemas below: a peer holds
 * the invite secret but may still run a buggy or hostile build, so a wrong type in
 * the document shows as a fallback value, never as a crash.
 */
export const SCHEMA_VERSION = 1

export type RootKind = 'map' | 'array' | 'text'

/**
 * The document's roots and the Y type of each: the one list of them. DOC_KEYS names
 * them for the accessors; the archive checks each root it reads against its kind.
 */
export const DOC_ROOTS = {
  meta: 'map',
  people: 'map',
  notes: 'text',
  actions: 'array',
  agenda: 'array',
  run: 'map',
  diagrams: 'map',
  conversation: 'map',
  climate: 'map',
} as const satisfies Record<string, RootKind>

/** `{ meta: 'meta', … }`: each root's name, from a list of roots. */
export function rootNames<Roots extends Record<string, RootKind>>(roots: Roots): { readonly [K in keyof Roots & string]: K } {
  return Object.fromEntries(Object.keys(roots).map((name) => [name, name])) as { readonly [K in keyof Roots & string]: K }
}

export const DOC_KEYS = rootNames(DOC_ROOTS)

export const ROLES = ['facilitator', 'co-facilitator', 'mentor', 'practitioner'] as const
export type Role = (typeof ROLES)[number]
export const RoleSchema = z.enum(ROLES)

/** Each role's name, as a message (translated where it is shown). */
export const ROLE_MESSAGES: Record<Role, Message> = {
  facilitator: { id: 'role.facilitator', defaultMessage: 'Facilitator' },
  'co-facilitator': { id: 'role.coFacilitator', defaultMessage: 'Co-facilitator' },
  mentor: { id: 'role.mentor', defaultMessage: 'Mentor' },
  practitioner: { id: 'role.practitioner', defaultMessage: 'Practitioner' },
}

/** The English names, for text that is not (yet) in a reader's language. */
export const ROLE_LABELS: Record<Role, string> = {
  facilitator: ROLE_MESSAGES.facilitator.defaultMessage,
  'co-facilitator': ROLE_MESSAGES['co-facilitator'].defaultMessage,
  mentor: ROLE_MESSAGES.mentor.defaultMessage,
  practitioner: ROLE_MESSAGES.practitioner.defaultMessage,
}

export const TITLE_MAX = 200
export const NAME_MAX = 80

/** Colours chosen to stay distinct from each other and readable on the light theme (WCAG AA for text on white). */
export const PERSON_COLOURS = [
  '#1f6f8b', '#b5446e', '#5b7f2b', '#8a5a00', '#6b4fbb', '#0f7b6c', '#b04a1c', '#3d5a99',
] as const

export const ColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/)

export const TitleSchema = z.string().trim().min(1, MSG.titleNeeded.defaultMessage).max(TITLE_MAX, english.formatMessage(MSG.titleTooLong, { max: TITLE_MAX }))
export const NameSchema = z.string().trim().min(1, MSG.nameNeeded.defaultMessage).max(NAME_MAX, english.formatMessage(MSG.nameTooLong, { max: NAME_MAX }))

export const PersonSchema = z.object({
  id: z.string().min(1).max(64),
  name: NameSchema,
  role: RoleSchema,
  colour: ColourSchema,
  timeZone: z.string().max(64).default('UTC'),
  joinedAt: z.number().finite().default(0),
})
export type Person = z.infer<typeof PersonSchema>

export const MetaSchema = z.object({
  schemaVersion: z.number().int().min(1),
  id: z.string().min(1).max(64),
  title: z.string().max(TITLE_MAX),
  createdAt: z.number().finite(),
  createdBy: z.string().max(64),
})
export type ConveningMeta = z.infer<typeof MetaSchema>
