import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { KEYS, conversationMap, isNewerConversation, readCurrent, readShowing, type Mode } from '../../../shared/conversation'
import { canFacilitate } from '../../../shared/session'
import { roleTypes, sameJson, useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { useT } from '../../i18n'
import { JournalPanel } from '../journal'
import { FacilitatorStrip } from './FacilitatorStrip'
import { ConversationTabs, type ConversationTab } from './PollTabs'
import { PollsArea } from './PollsArea'
import { PromptView } from './PromptView'
import { RoundArea, type AreaProps } from './RoundArea'
import { SilenceArea } from './SilenceArea'
import { StagesArea } from './StagesArea'
import { WrittenArea } from './WrittenArea'
import { conversationTypes, usePresentIds } from './hooks'
import './conversation.css'
import { useMuted, unlockAudio } from '../../ui'

const AREAS: Record<Exclude<Mode, 'open'>, (props: AreaProps) => React.JSX.Element> = {
  round: RoundArea,
  silence: SilenceArea,
  pairs: StagesArea,
  written: WrittenArea,
}

/**
 * The reflective conversation: the current prompt large and calm for everyone, the
 * facilitator's controls for facilitators, the area of the current mode, and each
 * person's private journal beside it; polls sit in a second tab (PollTabs.tsx). (Bells are switched on and off for this computer
 * in the run-of-show strip, above every panel.) Everything shown is derived from the document
 * and the shared clock, so joining late or reconnecting shows the current state at once.
 */
export function ConversationPanel(props: { session: ConveningSession; readOnly: boolean }) {
  const { session } = props
  const { db } = useApp()
  const t = useT()
  const doc = session.doc
  const showing = useY(conversationTypes(doc, 'deck', 'current'), () => readShowing(doc), sameJson)
  const facilitating = useY(roleTypes(doc), () => canFacilitate(doc, session.me.id), Object.is)
  const newer = useY(conversationTypes(doc, 'version'), () => isNewerConversation(doc), Object.is)
  const readOnly = props.readOnly || newer
  const present = usePresentIds(session)
  const muted = useMuted(db)
  const [journalOpen, setJournalOpen] = useState(false)
  const [tab, setTab] = useState<ConversationTab>('prompts')
  useArrivalMarks(session)
  const mode = showing?.current.mode
  const Area = mode && mode !== 'open' ? AREAS[mode] : null

  return (
    <div className={`cv-conversation${journalOpen ? ' cv-with-journal' : ''}`} onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className="cv-conversation-main stack">
        {newer && (
          <p className="banner-inline" role="status">
            {t({
              id: 'conversation.newer',
              defaultMessage: 'This conversation was saved by a newer version of Convene. You can follow it here; update Convene to take part.',
            })}
          </p>
        )}
        <ConversationTabs session={session} tab={tab} onTab={setTab} />
        <div id="cv-tabpanel" role="tabpanel" aria-labelledby={`cv-tab-${tab}`} className="stack">
          {tab === 'polls' && <PollsArea session={session} facilitating={facilitating} readOnly={readOnly} />}
          {tab === 'prompts' && (
            <>
              <PromptView showing={showing} facilitating={facilitating} journalOpen={journalOpen} onJournal={() => setJournalOpen((open) => !open)} />
              {facilitating && <FacilitatorStrip session={session} showing={showing} readOnly={readOnly} />}
              {showing && Area && (
                <Area key={`${showing.current.step}:${showing.prompt.id}`} session={session} showing={showing} facilitating={facilitating} present={present} readOnly={readOnly} muted={muted} />
              )}
              {showing && mode === 'open' && <p className="cv-mode-waiting">{t({ id: 'conversation.open.waiting', defaultMessage: 'Open conversation: speak freely on the call.' })}</p>}
            </>
          )}
        </div>
      </div>
      {journalOpen && <JournalPanel session={session} currentPromptId={showing?.prompt.id ?? null} onClose={() => setJournalOpen(false)} />}
    </div>
  )
}

export const ARRIVAL_MARK = 'convene:conversation:current'

/**
 * A performance mark the moment a prompt change lands in this document, before React
 * renders it: the benchmark (tests/bench/conversation.ts) compares it with the moment
 * the prompt is on screen. One mark is kept; cheap, and visible in devtools.
 */
function useArrivalMarks(session: ConveningSession): void {
  useEffect(() => {
    const root = conversationMap(session.doc)
    const onChange = (event: Y.YMapEvent<unknown>): void => {
      if (!event.keysChanged.has(KEYS.current)) return
      performance.clearMarks(ARRIVAL_MARK)
      performance.mark(ARRIVAL_MARK, { detail: readCurrent(session.doc)?.promptId ?? null })
    }
    root.observe(onChange)
    return () => root.unobserve(onChange)
  }, [session])
}
