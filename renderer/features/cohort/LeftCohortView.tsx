import { useEffect, useState } from 'react'
import {
  DOMAINS,
  PROJECT_FIELDS,
  cardToMarkdown,
  cohortTitle,
  projectMap,
  readComments,
  readMembers,
  readMilestones,
  snapshotProject,
  type ProjectSnapshot,
} from '../../../shared/cohort'
import { withStoredDoc, type CohortRecord } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { platform } from '../../platform'
import { ConfirmDialog } from '../../ui'
import { useIntl } from '../../i18n'
import { REFLECTION_LABEL, formatDay } from './CardHistory'
import { savedNotice } from './fromCohort'
import { SOMEONE } from './hooks'
import { YOUR_PROJECT } from './ProjectCard'
import { GoalList } from './Goals'
import { deleteCohort } from './records'
import { useCardTexts } from './localContent'
import './cohort.css'

interface Kept {
  title: string
  card: { snapshot: ProjectSnapshot; markdown: string; comments: number } | null
}

/**
 * A cohort this person left: read from this computer only (no room, no network), so
 * their own card stays with them, to read and to save as a file.
 */
export function LeftCohortView({ record }: { record: CohortRecord }) {
  const { db, identity } = useApp()
  const intl = useIntl()
  const t = intl.formatMessage
  const texts = useCardTexts()
  const [kept, setKept] = useState<Kept | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [message, setMessage] = useState('')
  const me = identity.personId

  useEffect(() => {
    let cancelled = false
    void withStoredDoc(db, record.id, (doc): Kept => {
      const title = cohortTitle(doc) || record.title
      const project = projectMap(doc, me)
      if (!project) return { title, card: null }
      const names = new Map(readMembers(doc).map((m) => [m.id, m.name]))
      const name = (id: string): string => names.get(id) ?? t(SOMEONE)
      const snapshot = snapshotProject(project)
      const comments = readComments(doc, me)
      const markdown = cardToMarkdown({ cohort: title, owner: name(me), snapshot, comments, milestones: readMilestones(doc, me), name, day: (at) => formatDay(intl, at) })
      return { title, card: { snapshot, markdown, comments: comments.length } }
    }).then((value) => !cancelled && setKept(value))
    return () => {
      cancelled = true
    }
  }, [db, record.id, record.title, me, intl, t])

  async function save() {
    if (!kept?.card) return
    const fallback = t({ id: 'cohort.file.myProject', defaultMessage: 'My project' })
    const name = `${(kept.card.snapshot.title.trim() || fallback).replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80)}.md`
    const result = await platform.saveFile({ suggestedName: name, data: kept.card.markdown, mimeType: 'text/markdown' })
    setMessage(savedNotice(t, result.saved, name))
  }

  const card = kept?.card
  return (
    <div className="page narrow cohort">
      <header className="page-header">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          {t({ id: 'cohort.header.home', defaultMessage: '← Home' })}
        </button>
      </header>
      <main className="stack">
        <h1 className="page-title">{kept?.title || record.title}</h1>
        <p className="banner-inline" role="status">
          {t(
            {
              id: 'cohort.left.banner',
              defaultMessage:
                'You left this cohort on {day}. This is your copy as it was then, kept on this computer only: it no longer connects to the others. To come back, join again with the cohort’s invite.',
            },
            { day: formatDay(intl, record.leftAt ?? 0) },
          )}
        </p>
        {kept === null ? (
          <p aria-busy="true">{t({ id: 'cohort.left.reading', defaultMessage: 'Reading your copy…' })}</p>
        ) : !card ? (
          <p className="muted">{t({ id: 'cohort.left.noCard', defaultMessage: 'You had no project card in this cohort.' })}</p>
        ) : (
          <article className="card stack" aria-labelledby="kept-card-heading">
            <div className="row wrap">
              <h2 id="kept-card-heading" className="grow">
                {card.snapshot.title.trim() || t(YOUR_PROJECT)}
              </h2>
              <button type="button" className="button primary" onClick={() => void save()}>
                {t({ id: 'cohort.left.save', defaultMessage: 'Save your card as a file' })}
              </button>
            </div>
            <p className="sr-only" role="status" aria-live="polite">
              {message}
            </p>
            {PROJECT_FIELDS.slice(1).map((field) => (
              <div key={field} className="cohort-read-field">
                <h3 className="cohort-read-label">{texts.fields[field].label}</h3>
                <p className="cohort-read-text">{card.snapshot[field].trim() || '—'}</p>
              </div>
            ))}
            <GoalList goals={card.snapshot.sdgs} />
            {DOMAINS.map((domain) => (
              <div key={domain} className="cohort-read-field">
                <h3 className="cohort-read-label">{t(REFLECTION_LABEL, { domain: texts.domains[domain].label })}</h3>
                <p className="cohort-read-text">{card.snapshot.reflections[domain].trim() || '—'}</p>
              </div>
            ))}
            <p className="muted small">
              {t(
                { id: 'cohort.left.fileHolds', defaultMessage: 'The file also holds the card’s {count, plural, one {# comment} other {# comments}} and its milestones.' },
                { count: card.comments },
              )}
            </p>
          </article>
        )}
        <div>
          <button type="button" className="button danger-text" onClick={() => setConfirming(true)}>
            {t({ id: 'cohort.left.remove', defaultMessage: 'Remove this cohort from this computer…' })}
          </button>
        </div>
        <ConfirmDialog
          open={confirming}
          title={t({ id: 'cohort.left.removeTitle', defaultMessage: 'Remove this cohort from this computer?' })}
          message={t({
            id: 'cohort.left.removeMessage',
            defaultMessage: 'Your copy of the cohort, including your project card, will be deleted from this computer. Save your card as a file first if you want to keep it.',
          })}
          confirmLabel={t({ id: 'common.remove', defaultMessage: 'Remove' })}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void deleteCohort(db, record.id).then(() => navigate({ name: 'home' }))
          }}
        />
      </main>
    </div>
  )
}
