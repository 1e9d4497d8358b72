import { createContext, useContext, useMemo } from 'react'
import type * as Y from 'yjs'
import { effectiveRole, localOrigin, metaMap, peopleMap } from '../../../shared/session'
import {
  FIELD_MAX,
  clinicLog,
  facilitates,
  fieldText,
  projectMap,
  projectPart,
  projectsMap,
  readComments,
  readMember,
  readMembers,
  type Member,
  type ProjectComment,
  type YRecord,
} from '../../../shared/cohort'
import { sameFields, useY, type ConveningSession } from '../../sync'
import { useT } from '../../i18n'

/** Every local edit of the cohort screens: undo and echo-suppression key on it. */
export const COHORT_ORIGIN = localOrigin('cohort')

export interface CohortContextValue {
  session: ConveningSession
  doc: Y.Doc
  /** My person id. */
  me: string
  /** A cohort from a newer build: shown, never changed. */
  readOnly: boolean
}

export const CohortContext = createContext<CohortContextValue | null>(null)

export function useCohort(): CohortContextValue {
  const value = useContext(CohortContext)
  if (!value) throw new Error('useCohort outside a cohort')
  return value
}

/**
 * What roles are read from: each person's record and signed statements (`people`) and
 * the creator (`meta`). Anything that asks who facilitates or what role someone holds
 * watches these.
 */
export function roleRoots(doc: Y.Doc): [Y.Map<Y.Map<unknown>>, Y.Map<unknown>] {
  return [peopleMap(doc), metaMap(doc)]
}

/** Lists of flat records (members, pairs, kept items): the same when every item has the same fields. */
export function sameRecords<T extends object>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => sameFields(x, b[i])))
}

/**
 * Lists of records that never change once written (comments, notes, milestones, clinics
 * held): the same when they hold the same ids, in the same order.
 */
export function sameIds<T extends { id: string }>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x.id === b[i].id))
}

/** Members with the role each holds now (granted, not only asked for: shared/session/roles.ts). */
export function useMembers(doc: Y.Doc): Member[] {
  return useY(roleRoots(doc), () => readMembers(doc).map((m) => ({ ...m, role: effectiveRole(doc, m.id) ?? m.role })), sameRecords)
}

/** One member as the cohort holds them (null before they arrive). */
export function useMember(doc: Y.Doc, id: string): Member | null {
  return useY(peopleMap(doc), () => readMember(doc, id), sameFields)
}

/** Whether this person facilitates the cohort. */
export function useIsFacilitator(doc: Y.Doc, personId: string): boolean {
  return useY(roleRoots(doc), () => facilitates(doc, personId), Object.is)
}

/**
 * A card's own map, watched among the cards only shallowly: it changes when the card
 * arrives or is replaced, not when someone types in it (or in any other card).
 */
export function useProject(doc: Y.Doc, projectId: string): YRecord | null {
  return useY({ shallow: projectsMap(doc) }, () => projectMap(doc, projectId), Object.is)
}

/**
 * A card's comments, oldest first. Each is written once, so the list is watched where
 * it can change (the comments, the co-authors, the clinics held, roles) and compared
 * by id: typing in the card reads nothing here.
 */
export function useComments(doc: Y.Doc, projectId: string, project: YRecord | null): ProjectComment[] {
  const parts = project ? [projectPart<Y.Array<unknown>>(project, 'comments'), projectPart<Y.Map<unknown>>(project, 'editors')] : []
  return useY([...parts, clinicLog(doc), ...roleRoots(doc)], () => readComments(doc, projectId), sameIds)
}

/** A card's title as its tiles and clinic show it (trimmed), watching that one text. */
export function useCardTitle(project: YRecord | null): string {
  const text = project ? fieldText(project, 'title') : null
  return useY(text, () => (text ? text.toString().slice(0, FIELD_MAX.title).trim() : ''), Object.is)
}

/** Names by person id, for bylines ("Someone" if unknown). */
export function useNames(doc: Y.Doc): (id: string) => string {
  const members = useMembers(doc)
  const someone = useT()(SOMEONE)
  return useMemo(() => {
    const byId = new Map(members.map((m) => [m.id, m.name]))
    return (id: string) => byId.get(id) ?? someone
  }, [members, someone])
}

/** What shows for a person the cohort does not know (yet, or any more). */
export const SOMEONE = { id: 'cohort.person.someone', defaultMessage: 'Someone' } as const

/** After one's own name in a list of people or cards. */
export const YOU = { id: 'cohort.person.you', defaultMessage: '(you)' } as const

