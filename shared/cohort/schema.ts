import { z } from 'zod'
import { english } from '../i18n/messages'
import { DOC_KEYS, PersonSchema, TITLE_MAX } from '../session/schema'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const COHORT_FIELD_MESSAGES = {
  nameNeeded: { id: 'shared.cohort.field.nameNeeded', defaultMessage: 'A name for the cohort is needed' },
  nameTooLong: { id: 'shared.cohort.field.nameTooLong', defaultMessage: 'Keep the name under {max} characters' },
  countryTooLong: { id: 'shared.cohort.field.countryTooLong', defaultMessage: 'Keep the country under {max} characters' },
  organisationTooLong: { id: 'shared.cohort.field.organisationTooLong', defaultMessage: 'Keep this under {max} characters' },
} as const
const MSG = COHORT_FIELD_MESSAGES

/**
 * The cohort document: one Y.Doc per cohort, its own room, synced and persisted like
 * a convening (renderer/sync), so it shares the convening's `meta` and `people` keys
 * and the person record (roles, canFacilitate and upsertPerson work on it unchanged).
 *
 *   Y.Doc (cohort)
 *   ├─ meta: Y.Map         schemaVersion, kind: 'cohort', id, title, about, createdAt, createdBy
 *   ├─ people: Y.Map<personId, Y.Map>   the Person fields + country, organisation, leftAt
 *   ├─ projects: Y.Map<ownerId, Y.Map>  one card per practitioner (projects.ts)
 *   │    ├─ owner, createdAt
 *   │    ├─ title, school, system, country, aspiration, reality, nextSteps: Y.Text
 *   │    ├─ reflections: Y.Map<domain, Y.Text>   practice, research, capacity, community
 *   │    ├─ sdgs: Y.Map<'1'…'17', true>           a set: concurrent picks merge
 *   │    ├─ editors: Y.Map<personId, true>        co-authors the owner named
 *   │    ├─ updated: Y.Map<field, time>           when each field last changed
 *   │    ├─ comments: Y.Array<CommentRecord>
 *   │    └─ milestones: Y.Array<MilestoneRecord>  snapshots: history of the card
 *   ├─ pairs: Y.Map<mentorId>practitionerId, PairRecord>   (mentoring.ts)
 *   ├─ mentorNotes: Y.Array<MentorNoteRecord>
 *   ├─ convenings: Y.Array<ConveningEntry>    the cohort's convenings, in order (timeline.ts)
 *   ├─ clinic: Y.Map                          the clinic running now (clinic.ts)
 *   ├─ clinics: Y.Array<ClinicRecord>          every clinic held
 *   └─ climate: Y.Map<string, JSON>            scenarios and World Climate rounds kept (climate.ts)
 *
 * Records that never change after they are written (comments, notes, pairs, timeline
 * entries) are plain values; text that people edit together is Y.Text.
 */
export const COHORT_SCHEMA_VERSION = 1

/**
 * The roots of the cohort document, named here once; `roots.ts` holds the one accessor
 * for each. `meta` and `people` are the convening's own keys (and accessors: metaMap,
 * peopleMap in shared/session), so roles and signed statements work on a cohort unchanged.
 */
export const COHORT_KEYS = {
  meta: DOC_KEYS.meta,
  people: DOC_KEYS.people,
  projects: 'projects',
  pairs: 'pairs',
  mentorNotes: 'mentorNotes',
  convenings: 'convenings',
  clinic: 'clinic',
  clinics: 'clinics',
  climate: 'climate',
} as const

export const ABOUT_MAX = 1000
export const COUNTRY_MAX = 80
export const ORGANISATION_MAX = 160
export const COMMENT_MAX = 2000
export const NOTE_MAX = 4000
export const MILESTONE_LABEL_MAX = 160

const Id = z.string().min(1).max(64)
const Time = z.number().finite()

export const CohortMetaSchema = z.object({
  schemaVersion: z.number().int().min(1),
  kind: z.literal('cohort'),
  id: Id,
  title: z.string().max(TITLE_MAX),
  about: z.string().max(ABOUT_MAX).catch(''),
  createdAt: Time,
  createdBy: z.string().max(64),
})
export type CohortMeta = z.infer<typeof CohortMetaSchema>

/** A person in the cohort: the convening's Person plus where they work, and whether they left. */
export const MemberSchema = PersonSchema.extend({
  country: z.string().max(COUNTRY_MAX).catch(''),
  organisation: z.string().max(ORGANISATION_MAX).catch(''),
  leftAt: Time.optional().catch(undefined),
})
export type Member = z.infer<typeof MemberSchema>

export const PROJECT_FIELDS = ['title', 'school', 'system', 'country', 'aspiration', 'reality', 'nextSteps'] as const
export type ProjectField = (typeof PROJECT_FIELDS)[number]
export const DOMAINS = ['practice', 'research', 'capacity', 'community'] as const
export type Domain = (typeof DOMAINS)[number]

export const FIELD_MAX: Record<ProjectField, number> = {
  title: TITLE_MAX,
  school: ORGANISATION_MAX,
  system: ORGANISATION_MAX,
  country: COUNTRY_MAX,
  aspiration: 4000,
  reality: 4000,
  nextSteps: 4000,
}
export const REFLECTION_MAX = 4000

export const CLINIC_STAGE_IDS = ['presenting', 'clarifying', 'appreciations', 'wonderings', 'reflecting'] as const
export type ClinicStageId = (typeof CLINIC_STAGE_IDS)[number]

export const CommentSchema = z.object({
  id: Id,
  by: Id,
  at: Time,
  text: z.string().trim().min(1).max(COMMENT_MAX),
  kind: z.enum(['comment', 'clinic']),
  stage: z.enum(CLINIC_STAGE_IDS).optional(),
  clinicId: Id.optional(),
})
export type ProjectComment = z.infer<typeof CommentSchema>

export const SnapshotSchema = z.object({
  title: z.string().max(FIELD_MAX.title),
  school: z.string().max(FIELD_MAX.school),
  system: z.string().max(FIELD_MAX.system),
  country: z.string().max(FIELD_MAX.country),
  aspiration: z.string().max(FIELD_MAX.aspiration),
  reality: z.string().max(FIELD_MAX.reality),
  nextSteps: z.string().max(FIELD_MAX.nextSteps),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17),
  reflections: z.object({
    practice: z.string().max(REFLECTION_MAX),
    research: z.string().max(REFLECTION_MAX),
    capacity: z.string().max(REFLECTION_MAX),
    community: z.string().max(REFLECTION_MAX),
  }),
})
export type ProjectSnapshot = z.infer<typeof SnapshotSchema>

/** The parts of a card a milestone records changes to: its fields, then its reflections. */
export const TEXT_PARTS = [...PROJECT_FIELDS, ...DOMAINS.map((d) => `reflections.${d}` as const)] as const
export type TextPart = (typeof TEXT_PARTS)[number]

/**
 * A milestone as stored: the edits that turn the card as its base milestone kept it
 * (or an empty card) into the card at this milestone, and the goals in full. Each
 * names its base, so milestones written at once on two machines each stay exact.
 * A year of convenings keeps a few hundred bytes per card each time, not the whole
 * card again.
 */
export const MilestoneRecordSchema = z.object({
  id: Id,
  by: Id,
  at: Time,
  label: z.string().trim().min(1).max(MILESTONE_LABEL_MAX),
  conveningId: Id.optional(),
  base: Id.nullable(),
  edits: z
    .array(
      z.object({
        part: z.enum(TEXT_PARTS),
        index: z.number().int().min(0).max(REFLECTION_MAX),
        remove: z.number().int().min(0).max(REFLECTION_MAX),
        insert: z.string().max(REFLECTION_MAX),
      }),
    )
    .max(TEXT_PARTS.length),
  sdgs: z.array(z.number().int().min(1).max(17)).max(17),
})
export type MilestoneRecord = z.infer<typeof MilestoneRecordSchema>

/** A milestone as read: its record's header, and the whole card as it stood then. */
export type MilestoneHeader = Pick<MilestoneRecord, 'id' | 'by' | 'at' | 'label' | 'conveningId'>
export interface Milestone extends MilestoneHeader {
  snapshot: ProjectSnapshot
}

export const PairSchema = z.object({ mentor: Id, practitioner: Id, by: Id, at: Time })
export type Pair = z.infer<typeof PairSchema>

export const MentorNoteSchema = z.object({
  id: Id,
  by: Id,
  for: Id,
  at: Time,
  text: z.string().trim().min(1).max(NOTE_MAX),
})
export type MentorNote = z.infer<typeof MentorNoteSchema>

export const ConveningEntrySchema = z.object({
  conveningId: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  title: z.string().trim().min(1).max(TITLE_MAX),
  /** The day it is held, as YYYY-MM-DD (a calendar day, not an instant: people are in many time zones). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  by: Id,
  at: Time,
  /** The convening's invite, so any member can open it later; absent when the facilitator chose not to share it. */
  invite: z
    .object({
      secret: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
      signaling: z.array(z.string().max(500)).max(4),
      relays: z.array(z.string().max(500)).max(4).optional(),
      /** The founder's public key (shared/session/signed.ts); absent for convenings started before roles were signed. */
      founder: z.string().regex(/^[A-Za-z0-9_-]{43}$/).optional(),
    })
    .optional(),
})
export type ConveningEntry = z.infer<typeof ConveningEntrySchema>

export const ClinicRecordSchema = z.object({ id: Id, projectId: Id, presenter: Id, by: Id, at: Time })
export type ClinicRecord = z.infer<typeof ClinicRecordSchema>

export const CohortTitleSchema = z
  .string()
  .trim()
  .min(1, MSG.nameNeeded.defaultMessage)
  .max(TITLE_MAX, english.formatMessage(MSG.nameTooLong, { max: TITLE_MAX }))

export const DetailsSchema = z.object({
  country: z.string().trim().max(COUNTRY_MAX, english.formatMessage(MSG.countryTooLong, { max: COUNTRY_MAX })),
  organisation: z.string().trim().max(ORGANISATION_MAX, english.formatMessage(MSG.organisationTooLong, { max: ORGANISATION_MAX })),
})
export type MemberDetails = z.infer<typeof DetailsSchema>

