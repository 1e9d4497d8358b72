import { useRef, type KeyboardEvent } from 'react'
import { pollIds, readPoll } from '../../../shared/conversation'
import { useY, type ConveningSession } from '../../sync'
import { conversationTypes } from './hooks'
import { useT } from '../../i18n'
import type { Message } from '../../../shared/i18n'

export type ConversationTab = 'prompts' | 'polls'
const TABS: { id: ConversationTab; label: Message }[] = [
  { id: 'prompts', label: { id: 'conversation.tab.prompts', defaultMessage: 'Prompts' } },
  { id: 'polls', label: { id: 'conversation.tab.polls', defaultMessage: 'Polls' } },
]

/**
 * Prompts and polls share the Conversation panel as two tabs (ARIA tabs: arrow keys,
 * Home and End move between them). The Polls tab says how many polls are open, so
 * people on the prompt see when one starts.
 */
export function ConversationTabs(props: { session: ConveningSession; tab: ConversationTab; onTab: (tab: ConversationTab) => void }) {
  const { session, tab, onTab } = props
  const t = useT()
  const open = useY(conversationTypes(session.doc, 'polls'), () => pollIds(session.doc, { drafts: false }).filter((id) => readPoll(session.doc, id)?.state.status === 'open').length, Object.is)
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
    <div className="cv-tabs" role="tablist" aria-label={t({ id: 'conversation.tab.list', defaultMessage: 'Conversation' })} onKeyDown={onKey}>
      {TABS.map((item) => (
        <button
          key={item.id}
          ref={(el) => {
            if (el) refs.current.set(item.id, el)
          }}
          type="button"
          role="tab"
          id={`cv-tab-${item.id}`}
          aria-selected={tab === item.id}
          aria-controls="cv-tabpanel"
          tabIndex={tab === item.id ? 0 : -1}
          className="cv-tab"
          onClick={() => onTab(item.id)}
        >
          {t(item.label)}
          {item.id === 'polls' && open > 0 && (
            <span className="cv-tab-badge">{t({ id: 'conversation.tab.open', defaultMessage: '{count} open' }, { count: open })}</span>
          )}
        </button>
      ))}
    </div>
  )
}
