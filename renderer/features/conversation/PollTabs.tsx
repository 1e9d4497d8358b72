import { useRef, type KeyboardEvent } from 'react'
import { pollIds, readPoll } from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useConversationValue } from './hooks'

export type ConversationTab = 'prompts' | 'polls'
const TABS: { id: ConversationTab; label: string }[] = [
  { id: 'prompts', label: 'Prompts' },
  { id: 'polls', label: 'Polls' },
]

/**
 * Prompts and polls share the Conversation panel as two tabs (ARIA tabs: arrow keys,
 * Home and End move between them). The Polls tab says how many polls are open, so
 * people on the prompt see when one starts.
 */
export function ConversationTabs(props: { session: ConveningSession; tab: ConversationTab; onTab: (tab: ConversationTab) => void }) {
  const { session, tab, onTab } = props
  const open = useConversationValue(session, () => pollIds(session.doc, { drafts: false }).filter((id) => readPoll(session.doc, id)?.state.status === 'open').length, 'open-polls')
  const refs = useRef(new Map<ConversationTab, HTMLButtonElement>())
  const onKey = (event: KeyboardEvent): void => {
    // Two tabs: either arrow goes to the other one.
    const other: ConversationTab = tab === 'prompts' ? 'polls' : 'prompts'
    const keys: Record<string, ConversationTab> = { Home: 'prompts', End: 'polls', ArrowLeft: other, ArrowRight: other }
    const target = keys[event.key]
    if (!target) return
    event.preventDefault()
    onTab(target)
    refs.current.get(target)?.focus()
  }
  return (
    <div className="cv-tabs" role="tablist" aria-label="Conversation" onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el)
          }}
          type="button"
          role="tab"
          id={`cv-tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls="cv-tabpanel"
          tabIndex={tab === t.id ? 0 : -1}
          className="cv-tab"
          onClick={() => onTab(t.id)}
        >
          {t.label}
          {t.id === 'polls' && open > 0 && <span className="cv-tab-badge">{open} open</span>}
        </button>
      ))}
    </div>
  )
}
