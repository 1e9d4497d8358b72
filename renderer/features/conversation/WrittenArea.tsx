import { useEffect, useRef, useState } from 'react'
import {
  CHOOSABLE_VISIBILITIES,
  RESPONSE_MAX,
  hasSealed,
  isPromptRevealed,
  readWrittenSettings,
  responseIds,
  sendResponse,
  setWrittenSettings,
  viewResponse,
  type Visibility,
} from '../../../shared/conversation'
import { ConfirmDialog, Notice, submitted, useNotice } from '../../ui'
import { useApp } from '../../app/context'
import type { AreaProps } from './RoundArea'
import { sameFields, sameItems, useY } from '../../sync'
import { conversationTypes, placementTypes } from './hooks'
import { rememberAnonymous, useMyAnonymousIds } from './settings'
import { ResponsesBoard } from './ResponsesBoard'
import { MyResponse } from './ResponseCard'
import { useT } from '../../i18n'
import { MODE_LABEL, VISIBILITY_LABEL, VISIBILITY_STATEMENT } from './labels'

/** Written responses: each person writes; the facilitator chooses what is stored and when it is shown. */
export function WrittenArea(props: AreaProps) {
  const { session, showing, facilitating, readOnly } = props
  const { db } = useApp()
  const t = useT()
  const promptId = showing.prompt.id
  const settings = useY(conversationTypes(session.doc, 'written'), () => readWrittenSettings(session.doc, promptId), sameFields)
  const revealed = useY(conversationTypes(session.doc, 'written'), () => isPromptRevealed(session.doc, promptId), Object.is)
  const mineAnonymous = useMyAnonymousIds(db, session.id)
  const me = session.me.id
  const mine = useY(
    placementTypes(session.doc),
    () => responseIds(session.doc, promptId).filter((id) => viewResponse(session.doc, id, me, mineAnonymous)?.mine),
    sameItems,
  )
  const { notice, run } = useNotice()

  return (
    <section className="stack" aria-label={t(MODE_LABEL.written)}>
      {facilitating && (
        <div className="cv-visibility-box">
          <fieldset className="cv-visibility-picker" disabled={readOnly}>
            <legend>{t({ id: 'conversation.written.visibilityLegend', defaultMessage: 'How responses to this prompt are stored and shown' })}</legend>
            {CHOOSABLE_VISIBILITIES.map((v) => (
              <label key={v} className="cv-visibility-option">
                <input type="radio" name="visibility" value={v} checked={settings.visibility === v} onChange={() => run(setWrittenSettings(session.doc, me, promptId, { visibility: v }))} />
                <span>
                  <strong>{t(VISIBILITY_LABEL[v])}</strong>
                  <span className="muted small cv-visibility-text">{t(VISIBILITY_STATEMENT[v])}</span>
                </span>
              </label>
            ))}
            <p className="muted small">{t({ id: 'conversation.written.keepChoice', defaultMessage: 'Responses already sent keep the choice they were written under.' })}</p>
            {settings.visibility === 'private' && <RevealControl {...props} revealed={settings.revealed} />}
          </fieldset>
        </div>
      )}
      <ResponseBox key={promptId} {...props} visibility={settings.visibility} onSent={(id, v) => v === 'anonymous' && void rememberAnonymous(db, session.id, id)} />
      {settings.visibility === 'private' && !facilitating && (
        <p className="muted small" role="status">
          {revealed
            ? t({ id: 'conversation.written.revealed', defaultMessage: 'A facilitator has revealed the private responses to this prompt.' })
            : t({ id: 'conversation.written.sealed', defaultMessage: 'Private responses are sealed until a facilitator reveals them.' })}
        </p>
      )}
      {mine.length > 0 && (
        <section className="stack" aria-labelledby="my-responses-heading">
          <h3 id="my-responses-heading">{t({ id: 'conversation.written.yours', defaultMessage: 'Your responses' })}</h3>
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

/**
 * Reveal a prompt's private responses: signed by this facilitator where roles are
 * signed, and final once any private response exists (their keys go into every copy).
 */
function RevealControl(props: AreaProps & { revealed: boolean }) {
  const { session, showing, readOnly, revealed } = props
  const promptId = showing.prompt.id
  const sealed = useY(placementTypes(session.doc), () => hasSealed(session.doc, promptId), Object.is)
  const trusted = useY(conversationTypes(session.doc, 'written'), () => isPromptRevealed(session.doc, promptId), Object.is)
  const [confirming, setConfirming] = useState(false)
  const { notice, run } = useNotice()
  const t = useT()
  const reveal = async (): Promise<void> => {
    setConfirming(false)
    const statement = await session.signReveal(promptId)
    run(setWrittenSettings(session.doc, session.me.id, promptId, { revealed: true, ...(statement ? { statement } : {}) }))
  }
  if (trusted && sealed) {
    return (
      <p className="small" role="status">
        {t({
          id: 'conversation.reveal.done',
          defaultMessage: 'Revealed. Each author’s app publishes its key as it sees the reveal; responses of people who are offline show when they are back.',
        })}
      </p>
    )
  }
  return (
    <div className="stack">
      <div>
        {revealed && trusted ? (
          <button type="button" className="button" disabled={readOnly} onClick={() => run(setWrittenSettings(session.doc, session.me.id, promptId, { revealed: false }))}>
            {t({ id: 'conversation.reveal.undo', defaultMessage: 'Keep new responses private again' })}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={readOnly} onClick={() => (sealed ? setConfirming(true) : void reveal())}>
            {t({ id: 'conversation.reveal.button', defaultMessage: 'Reveal the responses to everyone' })}
          </button>
        )}
      </div>
      <Notice text={notice} />
      <ConfirmDialog
        title={t({ id: 'conversation.reveal.confirmTitle', defaultMessage: 'Reveal the private responses?' })}
        open={confirming}
        message={t({
          id: 'conversation.reveal.confirmMessage',
          defaultMessage:
            'Each author’s app publishes the key that opens their responses, so everyone can read them with the author’s name, now and in the notes. This cannot be taken back.',
        })}
        confirmLabel={t({ id: 'conversation.reveal.confirm', defaultMessage: 'Reveal to everyone' })}
        onConfirm={() => void reveal()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  )
}

function ResponseBox(props: AreaProps & { visibility: Visibility; onSent: (id: string, visibility: Visibility) => void }) {
  const { session, showing, visibility, readOnly } = props
  const [text, setText] = useState('')
  const { notice, run, say } = useNotice()
  const t = useT()
  // A change of the storage choice while someone is writing must not go unnoticed.
  const shown = useRef(visibility)
  useEffect(() => {
    if (shown.current === visibility) return
    shown.current = visibility
    if (text.trim() !== '') {
      say(
        t(
          { id: 'conversation.written.storageChanged', defaultMessage: 'A facilitator changed how responses are stored: now “{label}”. Read the note above before sending.' },
          { label: t(VISIBILITY_LABEL[visibility]) },
        ),
      )
    }
  }, [visibility, text, say, t])
  const length = text.length
  const near = length > RESPONSE_MAX * 0.9
  const [sending, setSending] = useState(false)
  const send = async (): Promise<void> => {
    setSending(true)
    const result = await sendResponse(session.doc, session.me.id, showing.prompt.id, text, visibility, Date.now())
    setSending(false)
    if (run(result) && result.ok) {
      props.onSent(result.id, visibility)
      setText('')
    }
  }
  return (
    <form
      className="cv-response-box stack"
      aria-label={t({ id: 'conversation.written.form', defaultMessage: 'Write a response' })}
      onSubmit={submitted(() => void send())}
    >
      <div className="cv-storage-statement" id="storage-statement">
        {t(
          { id: 'conversation.written.storage', defaultMessage: '<strong>{label}.</strong> {statement}' },
          { label: t(VISIBILITY_LABEL[visibility]), statement: t(VISIBILITY_STATEMENT[visibility]), strong: (chunks) => <strong>{chunks}</strong> },
        )}
      </div>
      <label className="field">
        <span>{t({ id: 'conversation.written.response', defaultMessage: 'Your response' })}</span>
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
          {length >= RESPONSE_MAX
            ? t({ id: 'conversation.written.countFull', defaultMessage: '{count, number} / {max, number} characters — that is the longest a response can be.' }, { count: length, max: RESPONSE_MAX })
            : t({ id: 'conversation.written.count', defaultMessage: '{count, number} / {max, number} characters' }, { count: length, max: RESPONSE_MAX })}
        </span>
        <button type="submit" className="button primary" disabled={readOnly || sending || text.trim() === ''}>
          {visibility === 'private'
            ? t({ id: 'conversation.written.seal', defaultMessage: 'Seal and send' })
            : t({ id: 'conversation.written.send', defaultMessage: 'Send response' })}
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}
