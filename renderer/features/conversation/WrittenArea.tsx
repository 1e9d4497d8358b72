import { useEffect, useRef, useState } from 'react'
import {
  RESPONSE_MAX,
  VISIBILITIES,
  VISIBILITY_LABELS,
  VISIBILITY_STATEMENTS,
  readWrittenSettings,
  responseIds,
  setWrittenSettings,
  viewResponse,
  writeResponse,
  type Visibility,
} from '../../../shared/conversation'
import { useApp } from '../../app/context'
import type { AreaProps } from './RoundArea'
import { Notice, submitted } from './Notice'
import { useConversationValue, useNotice } from './hooks'
import { rememberAnonymous, useMyAnonymousIds } from './settings'
import { ResponsesBoard } from './ResponsesBoard'
import { MyResponse } from './ResponseCard'

/** Written responses: each person writes; the facilitator chooses what is stored and when it is shown. */
export function WrittenArea(props: AreaProps) {
  const { session, showing, facilitating, readOnly } = props
  const { db } = useApp()
  const promptId = showing.prompt.id
  const settings = useConversationValue(session, () => readWrittenSettings(session.doc, promptId), `written:${promptId}`)
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const mineKey = [...mineAnonymous].join(' ')
  const me = session.me.id
  const mine = useConversationValue(
    session,
    () => responseIds(session.doc, promptId).filter((id) => viewResponse(session.doc, id, me, mineAnonymous)?.mine),
    `mine:${promptId}:${mineKey}`,
  )
  const { notice, run } = useNotice()

  return (
    <section className="stack" aria-label="Written responses">
      {facilitating && (
        <div className="cv-visibility-box">
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>How responses to this prompt are stored and shown</legend>
            {VISIBILITIES.map((v) => (
              <label key={v} className="cv-visibility-option">
                <input type="radio" name="visibility" value={v} checked={settings.visibility === v} onChange={() => run(setWrittenSettings(session.doc, me, promptId, { visibility: v }))} />
                <span>
                  <strong>{VISIBILITY_LABELS[v]}</strong>
                  <span className="muted small cv-visibility-text">{VISIBILITY_STATEMENTS[v]}</span>
                </span>
              </label>
            ))}
            <p className="muted small">Responses already sent keep the choice they were written under.</p>
            {settings.visibility === 'hidden' && (
              <div>
                <button type="button" className="button primary" onClick={() => run(setWrittenSettings(session.doc, me, promptId, { revealed: !settings.revealed }))}>
                  {settings.revealed ? 'Hide the responses again' : 'Reveal the responses to everyone'}
                </button>
              </div>
            )}
          </fieldset>
        </div>
      )}
      <ResponseBox key={promptId} {...props} visibility={settings.visibility} onSent={(id, v) => v === 'anonymous' && void rememberAnonymous(db, session.id, id)} />
      {mine.length > 0 && (
        <section className="stack" aria-labelledby="my-responses-heading">
          <h3 id="my-responses-heading">Your responses</h3>
          <ul className="cv-response-list">
            {mine.map((id) => (
              <MyResponse key={id} session={session} id={id} mineAnonymous={mineAnonymous} readOnly={readOnly} />
            ))}
          </ul>
        </section>
      )}
      <Notice text={notice} />
      <ResponsesBoard session={session} promptId={promptId} facilitating={facilitating} readOnly={readOnly} mineAnonymous={mineAnonymous} />
    </section>
  )
}

function ResponseBox(props: AreaProps & { visibility: Visibility; onSent: (id: string, visibility: Visibility) => void }) {
  const { session, showing, visibility, readOnly } = props
  const [text, setText] = useState('')
  const { notice, run, say } = useNotice()
  // A change of the storage choice while someone is writing must not go unnoticed.
  const shown = useRef(visibility)
  useEffect(() => {
    if (shown.current === visibility) return
    shown.current = visibility
    if (text.trim() !== '') say(`A facilitator changed how responses are stored: now “${VISIBILITY_LABELS[visibility]}”. Read the note above before sending.`)
  }, [visibility, text, say])
  const length = text.length
  const near = length > RESPONSE_MAX * 0.9
  const send = (): void => {
    const result = writeResponse(session.doc, session.me.id, showing.prompt.id, text, visibility, Date.now())
    if (run(result) && result.ok) {
      props.onSent(result.id, visibility)
      setText('')
    }
  }
  return (
    <form
      className="cv-response-box stack"
      aria-label="Write a response"
      onSubmit={submitted(() => send())}
    >
      <div className="cv-storage-statement" id="storage-statement">
        <strong>{VISIBILITY_LABELS[visibility]}.</strong> {VISIBILITY_STATEMENTS[visibility]}
      </div>
      <label className="field">
        <span>Your response</span>
        <textarea
          rows={4}
          value={text}
          maxLength={RESPONSE_MAX}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="storage-statement response-count"
          readOnly={readOnly}
        />
      </label>
      <div className="row wrap">
        <span id="response-count" className={`small grow ${near ? 'cv-count-near' : 'muted'}`} aria-live={near ? 'polite' : 'off'}>
          {length.toLocaleString('en')} / {RESPONSE_MAX.toLocaleString('en')} characters
          {length >= RESPONSE_MAX ? ' — that is the longest a response can be.' : ''}
        </span>
        <button type="submit" className="button primary" disabled={readOnly || text.trim() === ''}>
          Send response
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}
