import { useEffect, useState } from 'react'
import {
  DOMAINS,
  DOMAIN_TEXTS,
  FIELD_TEXTS,
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
import { ConfirmDialog, plural } from '../../ui'
import { formatDay } from './CardHistory'
import { GoalList } from './Goals'
import { deleteCohort } from './records'
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
      const name = (id: string): string => names.get(id) ?? 'Someone'
      const snapshot = snapshotProject(project)
      const comments = readComments(doc, me)
      const markdown = cardToMarkdown({ cohort: title, owner: name(me), snapshot, comments, milestones: readMilestones(doc, me), name, day: formatDay })
      return { title, card: { snapshot, markdown, comments: comments.length } }
    }).then((value) => !cancelled && setKept(value))
    return () => {
      cancelled = true
    }
  }, [db, record.id, record.title, me])

  async function save() {
    if (!kept?.card) return
    const name = `${(kept.card.snapshot.title.trim() || 'My project').replace(/[\\/:*?"<>|]+/g, ' ').slice(0, 80)}.md`
    const result = await platform.saveFile({ suggestedName: name, data: kept.card.markdown, mimeType: 'text/markdown' })
    setMessage(result.saved ? `Saved “${name}”.` : 'Nothing was saved.')
  }

  const card = kept?.card
  return (
    <div className="page narrow cohort">
      <header className="page-header">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          ← Home
        </button>
      </header>
      <main className="stack">
        <h1 className="page-title">{kept?.title || record.title}</h1>
        <p className="banner-inline" role="status">
          You left this cohort on {formatDay(record.leftAt ?? 0)}. This is your copy as it was then, kept on this
          computer only: it no longer connects to the others. To come back, join again with the cohort&rsquo;s invite.
        </p>
        {kept === null ? (
          <p aria-busy="true">Reading your copy…</p>
        ) : !card ? (
          <p className="muted">You had no project card in this cohort.</p>
        ) : (
          <article className="card stack" aria-labelledby="kept-card-heading">
            <div className="row wrap">
              <h2 id="kept-card-heading" className="grow">
                {card.snapshot.title.trim() || 'Your project'}
              </h2>
              <button type="button" className="button primary" onClick={() => void save()}>
                Save your card as a file
              </button>
            </div>
            <p className="sr-only" role="status" aria-live="polite">
              {message}
            </p>
            {PROJECT_FIELDS.slice(1).map((field) => (
              <div key={field} className="cohort-read-field">
                <h3 className="cohort-read-label">{FIELD_TEXTS[field].label}</h3>
                <p className="cohort-read-text">{card.snapshot[field].trim() || '—'}</p>
              </div>
            ))}
            <GoalList goals={card.snapshot.sdgs} />
            {DOMAINS.map((domain) => (
              <div key={domain} className="cohort-read-field">
                <h3 className="cohort-read-label">Reflection: {DOMAIN_TEXTS[domain].label}</h3>
                <p className="cohort-read-text">{card.snapshot.reflections[domain].trim() || '—'}</p>
              </div>
            ))}
            <p className="muted small">The file also holds the card&rsquo;s {plural(card.comments, 'comment')} and its milestones.</p>
          </article>
        )}
        <div>
          <button type="button" className="button danger-text" onClick={() => setConfirming(true)}>
            Remove this cohort from this computer…
          </button>
        </div>
        <ConfirmDialog
          open={confirming}
          title="Remove this cohort from this computer?"
          message="Your copy of the cohort, including your project card, will be deleted from this computer. Save your card as a file first if you want to keep it."
          confirmLabel="Remove"
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
