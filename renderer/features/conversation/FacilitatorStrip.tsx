import { useEffect, useRef, useState } from 'react'
import {
  BUILT_IN_DECKS,
  DECK_FILE_EXTENSION,
  MODES,
  deckFileName,
  deckToFile,
  goTo,
  pickDeck,
  setMode,
  type Deck,
  type Current,
  type Mode,
  type Showing,
} from '../../../shared/conversation'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { ConfirmDialog, useNotice, Notice } from '../../ui'
import { DeckEditor, blankDeck } from './DeckEditor'
import { importDeckFile, removeFromLibrary, useLibraryDecks } from './library'
import { platform, savedMessage } from '../../platform'
import { errorMessage } from '../../../shared/errors'
import { useT, useRefusal } from '../../i18n'
import { MODE_DESCRIPTION, MODE_LABEL } from './labels'
import { localDeck, localPrompt, useLocalDecks } from './localDecks'

/**
 * What only facilitators see: the deck, the list of prompts (jump to any), back and
 * next, and the mode. Every write is checked again by the helpers (and by every
 * reader), so hiding these controls is a convenience, not the protection.
 */
export function FacilitatorStrip(props: { session: ConveningSession; showing: Showing | null; readOnly: boolean }) {
  const { session, showing, readOnly } = props
  const { db } = useApp()
  const library = useLibraryDecks(db)
  const me = session.me.id
  const { notice, run, say, tell } = useNotice()
  const t = useT()
  const refusal = useRefusal()
  const translated = useLocalDecks()
  const titleOf = (deck: Deck): string => localDeck(deck, translated).title
  const [choice, setChoice] = useState<string>(showing?.deck.id ?? BUILT_IN_DECKS[0]?.id ?? '')
  const [confirming, setConfirming] = useState<Deck | null>(null)
  const [editing, setEditing] = useState<{ deck: Deck; inUse: boolean } | null>(null)
  const [removing, setRemoving] = useState<Deck | null>(null)
  const decks = [...BUILT_IN_DECKS, ...library]
  const chosen = decks.find((d) => d.id === choice) ?? null

  const adopt = (deck: Deck): void => {
    setConfirming(null)
    run(pickDeck(session.doc, me, deck, Date.now()))
  }
  const askToUse = (): void => {
    if (!chosen) return
    if (showing) setConfirming(chosen)
    else adopt(chosen)
  }
  const saveAsFile = async (deck: Deck): Promise<void> => {
    const name = deckFileName(deck)
    try {
      const result = await platform.saveFile({ suggestedName: name, data: deckToFile(deck), mimeType: 'application/json' })
      if (result.saved) tell(savedMessage(t, result, name))
    } catch (error) {
      say(t({ id: 'conversation.deck.saveFailed', defaultMessage: 'Could not save the deck: {error}' }, { error: errorMessage(error) }))
    }
  }
  const openFile = async (): Promise<void> => {
    try {
      const file = await platform.openFile({ accept: [{ name: t({ id: 'conversation.deck.fileKind', defaultMessage: 'Convene deck' }), extensions: [DECK_FILE_EXTENSION] }] })
      if (!file) return
      const result = await importDeckFile(db, file.data, t)
      if (!result.ok) return say(t({ id: 'conversation.deck.openRefused', defaultMessage: '{file}: {problem}' }, { file: file.name, problem: refusal(result) }))
      setChoice(result.deck.id)
      tell(t({ id: 'conversation.deck.added', defaultMessage: 'Added “{title}” to your library. Choose “Use this deck” to begin with it.' }, { title: result.deck.title }))
    } catch (error) {
      say(t({ id: 'conversation.deck.openFailed', defaultMessage: 'Could not open the file: {error}' }, { error: errorMessage(error) }))
    }
  }
  const seen = useSeen(showing?.current ?? null, me)
  const move = (target: 'next' | 'back' | { index: number }): void => {
    const base = seen()
    if (base) run(goTo(session.doc, me, target, base, Date.now()))
  }
  const changeMode = (mode: Mode): void => {
    const base = seen()
    if (base) run(setMode(session.doc, me, mode, base, Date.now()))
  }

  return (
    <section className="cv-facilitator-strip" aria-labelledby="facilitator-heading">
      <div className="row wrap cv-strip-row">
        <h2 id="facilitator-heading" className="cv-strip-heading">
          {t({ id: 'conversation.strip.heading', defaultMessage: 'Facilitator controls' })}
        </h2>
        {showing && (
          <>
            <button type="button" className="button" onClick={() => move('back')} disabled={readOnly || showing.index === 0}>
              ← {t({ id: 'common.back', defaultMessage: 'Back' })}
            </button>
            <button type="button" className="button primary" onClick={() => move('next')} disabled={readOnly || showing.index >= showing.deck.prompts.length - 1}>
              {t({ id: 'conversation.strip.nextPrompt', defaultMessage: 'Next prompt' })} →
            </button>
            <details
              className="cv-prompt-list"
              onKeyDown={(event) => {
                if (event.key !== 'Escape' || !event.currentTarget.open) return
                event.currentTarget.open = false
                event.currentTarget.querySelector('summary')?.focus()
              }}
            >
              <summary className="button quiet">
                {t({ id: 'conversation.strip.allPrompts', defaultMessage: 'All prompts ({count})' }, { count: showing.deck.prompts.length })}
              </summary>
              <ol aria-label={t({ id: 'conversation.strip.promptList', defaultMessage: 'Prompts in this deck' })}>
                {showing.deck.prompts.map((written, index) => {
                  const prompt = localPrompt(showing.deck.id, written, translated) ?? written
                  return (
                    <li key={written.id}>
                      <button
                        type="button"
                        className="cv-prompt-jump"
                        aria-current={index === showing.index ? 'step' : undefined}
                        onClick={(event) => {
                          move({ index })
                          const list = event.currentTarget.closest('details')
                          if (list) list.open = false
                        }}
                        disabled={readOnly}
                      >
                        <span className="cv-prompt-jump-number">{index + 1}</span>
                        <span>
                          {prompt.label && <strong>{prompt.label}: </strong>}
                          {prompt.text}
                        </span>
                      </button>
                    </li>
                  )
                })}
              </ol>
            </details>
          </>
        )}
      </div>

      {showing && (
        <>
          <fieldset className="cv-mode-picker" disabled={readOnly}>
            <legend>{t({ id: 'conversation.strip.mode', defaultMessage: 'Mode' })}</legend>
            {MODES.map((mode) => (
              <label key={mode} className="cv-mode-option">
                <input type="radio" name="conversation-mode" value={mode} checked={showing.current.mode === mode} onChange={() => changeMode(mode)} />
                <span>{t(MODE_LABEL[mode])}</span>
              </label>
            ))}
          </fieldset>
          <p className="muted small">{t(MODE_DESCRIPTION[showing.current.mode])}</p>
          {showing.prompt.note && (
            <p className="cv-facilitator-note small">
              {t(
                { id: 'conversation.strip.note', defaultMessage: '<strong>Note for facilitators:</strong> {note}' },
                { strong: (chunks) => <strong>{chunks}</strong>, note: (localPrompt(showing.deck.id, showing.prompt, translated) ?? showing.prompt).note },
              )}
            </p>
          )}
        </>
      )}

      <details className="cv-deck-box" open={!showing}>
        <summary>
          {showing
            ? t({ id: 'conversation.deck.inUse', defaultMessage: 'Deck in use: {title}. Change it, or write your own' }, { title: titleOf(showing.deck) })
            : t({ id: 'conversation.deck.choose', defaultMessage: 'Choose a deck to begin' })}
        </summary>
        <div className="stack cv-deck-box-body">
          <label className="field cv-deck-field">
            <span>{t({ id: 'conversation.deck.label', defaultMessage: 'Deck' })}</span>
            <select value={choice} onChange={(e) => setChoice(e.target.value)} disabled={readOnly}>
              <optgroup label={t({ id: 'conversation.deck.builtIn', defaultMessage: 'Built-in decks' })}>{deckOptions(BUILT_IN_DECKS, titleOf)}</optgroup>
              {library.length > 0 && (
                <optgroup label={t({ id: 'conversation.deck.library', defaultMessage: 'My library' })}>{deckOptions(library, titleOf)}</optgroup>
              )}
            </select>
          </label>
          {chosen && chosen.description && <p className="muted small cv-deck-description">{localDeck(chosen, translated).description}</p>}
          <div className="row wrap">
            <button type="button" className="button primary" onClick={askToUse} disabled={readOnly || !chosen || chosen.prompts.length === 0}>
              {showing && chosen?.id === showing.deck.id
                ? t({ id: 'conversation.deck.startAgain', defaultMessage: 'Start this deck again' })
                : t({ id: 'conversation.deck.use', defaultMessage: 'Use this deck' })}
            </button>
            <button type="button" className="button" onClick={() => setEditing({ deck: blankDeck(), inUse: false })} disabled={readOnly}>
              {t({ id: 'conversation.deck.write', defaultMessage: 'Write a deck' })}
            </button>
            {chosen && (
              <button type="button" className="button quiet" onClick={() => setEditing({ deck: chosen, inUse: false })} disabled={readOnly}>
                {t({ id: 'conversation.deck.copyEdit', defaultMessage: 'Copy and edit' })}
              </button>
            )}
            {showing && (
              <button type="button" className="button quiet" onClick={() => setEditing({ deck: showing.deck, inUse: true })} disabled={readOnly}>
                {t({ id: 'conversation.deck.editInUse', defaultMessage: 'Edit the deck in use' })}
              </button>
            )}
            {chosen && (
              <button type="button" className="button quiet" onClick={() => void saveAsFile(chosen)}>
                {t({ id: 'conversation.deck.saveFile', defaultMessage: 'Save as a file' })}
              </button>
            )}
            <button type="button" className="button quiet" onClick={() => void openFile()} disabled={readOnly}>
              {t({ id: 'conversation.deck.openFile', defaultMessage: 'Open a deck file…' })}
            </button>
            {chosen && library.some((d) => d.id === chosen.id) && (
              <button type="button" className="button quiet danger-text" onClick={() => setRemoving(chosen)}>
                {t({ id: 'conversation.deck.removeFromLibrary', defaultMessage: 'Remove from my library' })}
              </button>
            )}
          </div>
        </div>
      </details>
      <details className="cv-honesty">
        <summary className="small">{t({ id: 'conversation.strip.honestyQuestion', defaultMessage: 'Who can change what everyone sees?' })}</summary>
        <p className="small">
          {t({
            id: 'conversation.strip.honesty',
            defaultMessage:
              'Only facilitators and co-facilitators see these controls, and every copy of Convene ignores changes to the prompt, mode, rounds, timers and response settings made by anyone else. There is no server in a peer-to-peer room, so this is agreed by the apps, not locked: a deliberately modified app could still write into the shared document, and can read everything in it.',
          })}
        </p>
      </details>
      <Notice text={notice} />

      <ConfirmDialog
        title={t({ id: 'conversation.deck.switchTitle', defaultMessage: 'Switch deck?' })}
        open={confirming !== null}
        message={t(
          { id: 'conversation.deck.switchMessage', defaultMessage: 'Everyone will see the first prompt of “{title}”. Responses already written stay with their prompts.' },
          { title: confirming ? titleOf(confirming) : '' },
        )}
        confirmLabel={t({ id: 'conversation.deck.switch', defaultMessage: 'Switch deck' })}
        onConfirm={() => confirming && adopt(confirming)}
        onCancel={() => setConfirming(null)}
      />
      <ConfirmDialog
        title={t({ id: 'conversation.deck.removeTitle', defaultMessage: 'Remove this deck from your library?' })}
        open={removing !== null}
        message={t(
          { id: 'conversation.deck.removeMessage', defaultMessage: '“{title}” is removed from this computer’s library. Convenings that already use it keep their copy.' },
          { title: removing?.title ?? '' },
        )}
        confirmLabel={t({ id: 'common.remove', defaultMessage: 'Remove' })}
        danger
        onConfirm={() => {
          if (removing) void removeFromLibrary(db, removing.id).then(() => setChoice(BUILT_IN_DECKS[0]?.id ?? ''))
          setRemoving(null)
        }}
        onCancel={() => setRemoving(null)}
      />
      {editing && (
        <DeckEditor
          session={session}
          initial={editing.deck}
          inUse={editing.inUse}
          onClose={(saved) => {
            setEditing(null)
            if (saved) setChoice(saved.id)
          }}
        />
      )}
    </section>
  )
}

function deckOptions(decks: readonly Deck[], titleOf: (deck: Deck) => string) {
  return decks.map((deck) => (
    <option key={deck.id} value={deck.id}>
      {titleOf(deck)} ({deck.prompts.length})
    </option>
  ))
}

/** Less than a person's reaction time: a click this soon after someone else's change was aimed at what came before. */
const REACTION_MS = 1000

/**
 * What the facilitator was looking at when they clicked. If another facilitator changed
 * the prompt a moment ago, the click was meant for the previous prompt: the helpers then
 * see a newer step than the one clicked on and apply nothing, so two facilitators pressing
 * "next" together move the conversation on once.
 */
function useSeen(current: Current | null, me: string): () => Current | null {
  const state = useRef<{ value: Current | null; previous: Current | null; changedAt: number }>({ value: current, previous: null, changedAt: 0 })
  useEffect(() => {
    if (state.current.value === current) return
    state.current = { value: current, previous: state.current.value, changedAt: performance.now() }
  }, [current])
  return () => {
    const { value, previous, changedAt } = state.current
    if (previous && value && value.by !== me && performance.now() - changedAt < REACTION_MS) return previous
    return current
  }
}
