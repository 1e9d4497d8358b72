import { useCallback, useEffect, useMemo, useState } from 'react'
import * as Y from 'yjs'
import { localTimeZone, useLiveQuery, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import type { HarvestJobKind, HarvestJobResult } from './jobs'
import { harvestRunner } from './runner'
import { errorMessage } from '../../../shared/errors'
import type { AnyLocale, Catalog, ParsedCatalog } from '../../../shared/i18n'
import { useIntl, useLocale, useT } from '../../i18n'

export type Whose = 'convening' | 'mine'

export interface JobState {
  what: string
  done: number
  total: number
  label: string
}

const NO_ENTRIES: unknown[] = []

/** This person's journal entries for this convening (local only, never synced). */
export function useMyJournal(session: ConveningSession): unknown[] {
  const { db } = useApp()
  const entries = useLiveQuery(() => db.journal.where('conveningId').equals(session.id).toArray(), [db, session.id])
  return entries ?? NO_ENTRIES
}

/** The person's language as the export needs it: its tag and the catalog this window loaded. */
interface Language {
  locale: AnyLocale
  messages: Catalog | ParsedCatalog
}

/** Exports stay in the language of the person exporting (not the convening's, which has none). */
function useLanguage(): Language {
  const locale = useLocale()
  const { messages } = useIntl()
  return useMemo(() => ({ locale, messages }), [locale, messages])
}

function request(session: ConveningSession, kind: HarvestJobKind, whose: Whose, journal: unknown[], language: Language) {
  const mine = whose === 'mine'
  return {
    ...language,
    kind,
    // Taking the state is the only work on the page; the rest happens in the worker.
    update: Y.encodeStateAsUpdate(session.doc),
    viewerId: mine ? session.me.id : null,
    journal: mine ? journal : [],
    // My own notes in my time; the convening's notes in the facilitator's.
    timeZone: mine ? localTimeZone() : undefined,
    now: Date.now(),
    exportedBy: session.me.name,
  }
}

/** Run one export at a time, with its progress. */
export function useHarvestJob(session: ConveningSession, journal: unknown[]) {
  const [job, setJob] = useState<JobState | null>(null)
  const language = useLanguage()
  const t = useT()
  const starting = t({ id: 'harvest.progress.starting', defaultMessage: 'Starting' })
  const run = useCallback(
    async (kind: HarvestJobKind, whose: Whose, what: string): Promise<HarvestJobResult> => {
      setJob({ what, done: 0, total: 1, label: starting })
      try {
        return await harvestRunner().run(request(session, kind, whose, journal, language), (done, total, label) => setJob({ what, done, total, label }))
      } finally {
        setJob(null)
      }
    },
    [session, journal, language, starting],
  )
  return { job, run }
}

/** The Markdown as it would be saved, refreshed (in the worker) a moment after each change. */
export function useHarvestPreview(session: ConveningSession, whose: Whose, journal: unknown[]): string | null {
  const [markdown, setMarkdown] = useState<string | null>(null)
  const language = useLanguage()
  const t = useT()
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let running = false
    let again = false
    let cancelled = false
    const refresh = async (): Promise<void> => {
      if (running) {
        again = true
        return
      }
      running = true
      try {
        const result = await harvestRunner().run(request(session, 'preview', whose, journal, language))
        if (!cancelled && result.kind === 'preview') setMarkdown(result.markdown)
      } catch (error) {
        if (!cancelled) setMarkdown(t({ id: 'harvest.preview.failed', defaultMessage: 'The preview could not be made: {error}' }, { error: errorMessage(error) }))
      } finally {
        running = false
        if (again && !cancelled) {
          again = false
          schedule()
        }
      }
    }
    const schedule = (): void => {
      clearTimeout(timer)
      timer = setTimeout(() => void refresh(), 700)
    }
    session.doc.on('update', schedule)
    void refresh()
    return () => {
      cancelled = true
      clearTimeout(timer)
      session.doc.off('update', schedule)
    }
  }, [session, whose, journal, language, t])
  return markdown
}
