import { useEffect, useRef, useState } from 'react'
import { journalToMarkdown, promptTextById } from '../../../shared/conversation'
import { readTitle } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { platform } from '../../platform'
import { GENERAL, JOURNAL_MAX, loadEntry, saveEntry, useJournalEntries } from './journalStore'
import { useT } from '../../i18n'
import './journal.css'

const SAVE_AFTER_MS = 500

/**
 * A person's private journal beside the conversation. It follows the prompt on screen
 * until the person picks another topic. Saved as they type, on this computer only.
 */
export function JournalPanel(props: { session: ConveningSession; currentPromptId: string | null; onClose: () => void }) {
  const { session, currentPromptId } = props
  const { db } = useApp()
  const t = useT()
  const entries = useJournalEntries(db, session.id)
  const [pinned, setPinned] = useState<string | null>(null)
  const topic = pinned ?? currentPromptId ?? GENERAL
  const promptId = topic === GENERAL ? null : topic
  const [text, setText] = useState('')
  const [state, setState] = useState<'loading' | 'saved' | 'saving' | 'failed'>('loading')
  const pending = useRef<{ promptId: string | null; text: string } | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const flush = useRef((): Promise<void> => Promise.resolve())
  flush.current = async () => {
    clearTimeout(timer.current)
    const job = pending.current
    pending.current = null
    if (!job) return
    try {
      await saveEntry(db, session.id, job.promptId, job.text)
      setState((s) => (s === 'saving' && !pending.current ? 'saved' : s))
    } catch (error) {
      console.warn('Convene: could not save the journal', error)
      setState('failed')
    }
  }

  // Load the entry of the topic; save what was typed for the previous one first.
  useEffect(() => {
    let cancelled = false
    setState('loading')
    void flush.current().then(async () => {
      const loaded = await loadEntry(db, session.id, promptId)
      if (cancelled) return
      setText(loaded)
      setState('saved')
    })
    return () => {
      cancelled = true
    }
  }, [db, session.id, promptId])

  useEffect(() => () => void flush.current(), [])

  const type = (value: string): void => {
    setText(value)
    setState('saving')
    pending.current = { promptId, text: value }
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void flush.current(), SAVE_AFTER_MS)
  }

  const words = (id: string): string => promptTextById(session.doc, id) ?? t({ id: 'journal.topic.earlier', defaultMessage: 'A prompt from an earlier deck' })
  const topics = new Map<string, string>()
  if (currentPromptId) topics.set(currentPromptId, t({ id: 'journal.topic.current', defaultMessage: 'This prompt: {words}' }, { words: words(currentPromptId) }))
  topics.set(GENERAL, t({ id: 'journal.topic.general', defaultMessage: 'General notes for this convening' }))
  for (const entry of entries) if (entry.promptId && !topics.has(entry.promptId)) topics.set(entry.promptId, words(entry.promptId))

  const exportJournal = async (): Promise<void> => {
    await flush.current()
    const all = await db.journal.where('conveningId').equals(session.id).toArray()
    const title = readTitle(session.doc)
    const markdown = journalToMarkdown(all, { conveningTitle: title, promptText: (id) => promptTextById(session.doc, id), now: Date.now() })
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'convening'
    await platform.saveFile({ suggestedName: `my-journal-${slug}.md`, data: markdown, mimeType: 'text/markdown' })
  }

  return (
    <aside className="jn-journal" id="journal-panel" aria-labelledby="journal-heading">
      <div className="row">
        <h2 id="journal-heading" className="grow">
          {t({ id: 'journal.heading', defaultMessage: 'My private journal' })}
        </h2>
        <button type="button" className="icon-button" aria-label={t({ id: 'journal.close', defaultMessage: 'Close my journal' })} onClick={props.onClose}>
          ×
        </button>
      </div>
      <p className="jn-journal-privacy small" id="journal-privacy">
        {t({
          id: 'journal.privacy',
          defaultMessage:
            'Only on this computer. Never sent to anyone and never part of the shared notes. You can download it below; clearing this app’s or browser’s data deletes it.',
        })}
      </p>
      <label className="field">
        <span>{t({ id: 'journal.topic.label', defaultMessage: 'Writing about' })}</span>
        <select
          value={topic}
          onChange={(e) => setPinned(e.target.value === currentPromptId ? null : e.target.value)}
        >
          {[...topics].map(([id, label]) => (
            <option key={id} value={id}>
              {label.length > 90 ? `${label.slice(0, 88)}…` : label}
            </option>
          ))}
        </select>
      </label>
      <label className="field jn-journal-field">
        <span className="sr-only">{t({ id: 'journal.entry', defaultMessage: 'My journal entry' })}</span>
        <textarea
          className="jn-journal-text"
          value={text}
          maxLength={JOURNAL_MAX}
          disabled={state === 'loading'}
          onChange={(e) => type(e.target.value)}
          onBlur={() => void flush.current()}
          aria-describedby="journal-privacy journal-state"
          placeholder={t({ id: 'journal.placeholder', defaultMessage: 'What is alive for you? Only you will read this.' })}
        />
      </label>
      <p id="journal-state" className="muted small" role="status">
        {state === 'saving'
          ? t({ id: 'journal.state.saving', defaultMessage: 'Saving on this computer…' })
          : state === 'failed'
            ? t({ id: 'journal.state.failed', defaultMessage: 'Could not save on this computer.' })
            : state === 'saved'
              ? t({ id: 'journal.state.saved', defaultMessage: 'Saved on this computer.' })
              : ''}
      </p>
      <div className="row wrap">
        <span className="muted small grow">
          {t({ id: 'journal.count', defaultMessage: '{count, plural, one {# entry} other {# entries}} in this convening' }, { count: entries.length })}
        </span>
        <button type="button" className="button" onClick={() => void exportJournal()}>
          {t({ id: 'journal.download', defaultMessage: 'Download my journal' })}
        </button>
      </div>
    </aside>
  )
}
