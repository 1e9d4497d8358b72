import { useState } from 'react'
import {
  DECK_LIMITS,
  MODES,
  checkDeck,
  checkUsableDeck,
  freshPromptId,
  movePrompt,
  pickDeck,
  updateDeckInUse,
  type Deck,
  type Prompt,
} from '../../../shared/conversation'
import { newItemId } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { Dialog, submitted } from '../../ui'
import { saveToLibrary } from './library'
import { useT, useRefusal } from '../../i18n'
import { MODE_LABEL } from './labels'

export function blankDeck(): Deck {
  return { id: `own-${newItemId()}`, title: '', description: '', prompts: [] }
}

/**
 * Write or edit a deck: prompts in order (move up, move down, remove), each with its
 * words and an optional label, suggested mode, length and a note for facilitators.
 * Save it to this computer's library for reuse, and/or use it in this convening.
 */
export function DeckEditor(props: { session: ConveningSession; initial: Deck; inUse: boolean; onClose: (saved: Deck | null) => void }) {
  const { session, inUse, onClose } = props
  const { db } = useApp()
  const t = useT()
  const refusal = useRefusal()
  const [deck, setDeck] = useState<Deck>(props.initial)
  const [problem, setProblem] = useState('')
  const [status, setStatus] = useState('')

  const setPrompt = (index: number, change: Partial<Prompt>): void =>
    setDeck((d) => ({ ...d, prompts: d.prompts.map((p, i) => (i === index ? { ...p, ...change } : p)) }))
  const addPrompt = (): void =>
    setDeck((d) => ({ ...d, prompts: [...d.prompts, { id: freshPromptId(d, () => newItemId().slice(0, 10)), text: '' }] }))
  const removePrompt = (index: number): void => setDeck((d) => ({ ...d, prompts: d.prompts.filter((_, i) => i !== index) }))

  const save = async (): Promise<void> => {
    const result = await saveToLibrary(db, deck)
    if (!result.ok) return setProblem(refusal(result))
    setProblem('')
    setDeck(result.deck)
    setStatus(t({ id: 'conversation.editor.saved', defaultMessage: 'Saved “{title}” in your library on this computer.' }, { title: result.deck.title }))
  }
  const use = (): void => {
    const checked = checkUsableDeck(deck)
    if (!checked.ok) return setProblem(refusal(checked))
    const result = inUse ? updateDeckInUse(session.doc, session.me.id, checked.deck, Date.now()) : pickDeck(session.doc, session.me.id, checked.deck, Date.now())
    if (!result.ok) return setProblem(refusal(result))
    onClose(checked.deck)
  }
  const valid = checkDeck(deck)

  return (
    <Dialog
      title={inUse ? t({ id: 'conversation.deck.editInUse', defaultMessage: 'Edit the deck in use' }) : t({ id: 'conversation.deck.write', defaultMessage: 'Write a deck' })}
      open
      onClose={() => onClose(null)}
      wide
    >
      <form
        className="stack"
        aria-label={t({ id: 'conversation.deck.label', defaultMessage: 'Deck' })}
        onSubmit={submitted(() => use())}
      >
        <label className="field">
          <span>{t({ id: 'conversation.editor.title', defaultMessage: 'Title' })}</span>
          <input value={deck.title} maxLength={DECK_LIMITS.title} onChange={(e) => setDeck({ ...deck, title: e.target.value })} required />
        </label>
        <label className="field">
          <span>{t({ id: 'conversation.editor.description', defaultMessage: 'What it is for (optional)' })}</span>
          <textarea rows={2} value={deck.description} maxLength={DECK_LIMITS.description} onChange={(e) => setDeck({ ...deck, description: e.target.value })} />
        </label>
        <h3>{t({ id: 'conversation.editor.prompts', defaultMessage: 'Prompts ({count})' }, { count: deck.prompts.length })}</h3>
        {deck.prompts.length === 0 && (
          <p className="muted">{t({ id: 'conversation.editor.noPrompts', defaultMessage: 'No prompts yet. A deck needs at least one before it can be used.' })}</p>
        )}
        <ol className="cv-deck-prompts">
          {deck.prompts.map((prompt, index) => (
            <li key={prompt.id}>
              <fieldset className="cv-deck-prompt">
                <legend>{t({ id: 'conversation.editor.prompt', defaultMessage: 'Prompt {number}' }, { number: index + 1 })}</legend>
                <label className="field">
                  <span>{t({ id: 'conversation.editor.words', defaultMessage: 'Words' })}</span>
                  <textarea rows={2} value={prompt.text} maxLength={DECK_LIMITS.promptText} onChange={(e) => setPrompt(index, { text: e.target.value })} />
                </label>
                <div className="row wrap">
                  <label className="field grow">
                    <span>{t({ id: 'conversation.editor.label', defaultMessage: 'Short label (optional)' })}</span>
                    <input value={prompt.label ?? ''} maxLength={DECK_LIMITS.label} onChange={(e) => setPrompt(index, { label: e.target.value || undefined })} />
                  </label>
                  <label className="field">
                    <span>{t({ id: 'conversation.editor.mode', defaultMessage: 'Suggested mode' })}</span>
                    <select value={prompt.mode ?? ''} onChange={(e) => setPrompt(index, { mode: e.target.value ? (e.target.value as Prompt['mode']) : undefined })}>
                      <option value="">{t({ id: 'conversation.editor.keepMode', defaultMessage: 'Keep the current mode' })}</option>
                      {MODES.map((mode) => (
                        <option key={mode} value={mode}>
                          {t(MODE_LABEL[mode])}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="field cv-minutes-field">
                    <span>{t({ id: 'conversation.editor.minutes', defaultMessage: 'Minutes' })}</span>
                    <input type="number" min={0.5} max={DECK_LIMITS.minutes} step={0.5} value={prompt.minutes ?? ''} onChange={(e) => setPrompt(index, { minutes: e.target.value ? Number(e.target.value) : undefined })} />
                  </label>
                </div>
                <label className="field">
                  <span>{t({ id: 'conversation.editor.note', defaultMessage: 'Note for facilitators (optional)' })}</span>
                  <input value={prompt.note ?? ''} maxLength={DECK_LIMITS.note} onChange={(e) => setPrompt(index, { note: e.target.value || undefined })} />
                </label>
                <div className="row">
                  <button type="button" className="button quiet" aria-label={t({ id: 'conversation.editor.moveUp', defaultMessage: 'Move prompt {number} up' }, { number: index + 1 })} disabled={index === 0} onClick={() => setDeck((d) => movePrompt(d, index, index - 1))}>
                    ↑ {t({ id: 'conversation.editor.up', defaultMessage: 'Up' })}
                  </button>
                  <button type="button" className="button quiet" aria-label={t({ id: 'conversation.editor.moveDown', defaultMessage: 'Move prompt {number} down' }, { number: index + 1 })} disabled={index === deck.prompts.length - 1} onClick={() => setDeck((d) => movePrompt(d, index, index + 1))}>
                    ↓ {t({ id: 'conversation.editor.down', defaultMessage: 'Down' })}
                  </button>
                  <button type="button" className="button quiet danger-text" aria-label={t({ id: 'conversation.editor.remove', defaultMessage: 'Remove prompt {number}' }, { number: index + 1 })} onClick={() => removePrompt(index)}>
                    {t({ id: 'common.remove', defaultMessage: 'Remove' })}
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div>
          <button type="button" className="button" onClick={addPrompt} disabled={deck.prompts.length >= DECK_LIMITS.prompts}>
            + {t({ id: 'conversation.editor.addPrompt', defaultMessage: 'Add a prompt' })}
          </button>
        </div>
        <p className="error" role="alert">
          {problem || (!valid.ok && deck.title.trim() !== '' ? refusal(valid) : '')}
        </p>
        <p className="muted small" role="status">
          {status}
        </p>
        <div className="row end wrap">
          <button type="button" className="button" onClick={() => onClose(null)}>
            {t({ id: 'common.close', defaultMessage: 'Close' })}
          </button>
          <button type="button" className="button" onClick={() => void save()}>
            {t({ id: 'conversation.editor.saveToLibrary', defaultMessage: 'Save to my library' })}
          </button>
          <button type="submit" className="button primary">
            {inUse
              ? t({ id: 'conversation.editor.apply', defaultMessage: 'Apply to this convening' })
              : t({ id: 'conversation.editor.use', defaultMessage: 'Use in this convening' })}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
