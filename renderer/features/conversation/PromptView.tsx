import { useState } from 'react'
import type { Showing } from '../../../shared/conversation'
import { useT } from '../../i18n'
import { MODE_LABEL } from './labels'
import { localDeck, localPrompt, useLocalDecks } from './localDecks'

/**
 * The current prompt, large and calm. Announced politely when it changes. A built-in
 * prompt nobody edited shows in the person's language, and the deck's own words can be
 * shown beside it (on this screen only: each person chooses for themselves).
 */
export function PromptView(props: { showing: Showing | null; facilitating: boolean; journalOpen: boolean; onJournal: () => void }) {
  const { showing, facilitating } = props
  const t = useT()
  const translated = useLocalDecks()
  const [original, setOriginal] = useState(false)
  const local = showing ? localPrompt(showing.deck.id, showing.prompt, translated) : null
  const shown = local ?? showing?.prompt
  return (
    <section className="cv-prompt-card" aria-labelledby="prompt-heading">
      <div className="cv-prompt-meta row wrap">
        <h2 id="prompt-heading" className="cv-prompt-kicker">
          {showing
            ? t(
                { id: 'conversation.prompt.kicker', defaultMessage: '{deck} · prompt {number} of {count}' },
                { deck: localDeck(showing.deck, translated).title, number: showing.index + 1, count: showing.deck.prompts.length },
              )
            : t({ id: 'conversation.prompt.heading', defaultMessage: 'Reflective conversation' })}
        </h2>
        {showing && <span className="cv-mode-badge">{t(MODE_LABEL[showing.current.mode])}</span>}
        <span className="grow" />
        <button type="button" className="button quiet" aria-expanded={props.journalOpen} aria-controls="journal-panel" onClick={props.onJournal}>
          {props.journalOpen
            ? t({ id: 'conversation.prompt.closeJournal', defaultMessage: 'Close my journal' })
            : t({ id: 'conversation.prompt.openJournal', defaultMessage: 'My private journal' })}
        </button>
      </div>
      <div aria-live="polite" aria-atomic="true" data-testid="current-prompt">
        {showing && shown ? (
          <>
            {shown.label && (
              <p className="cv-prompt-label">
                {shown.label}
              </p>
            )}
            <p className="cv-prompt-text">
              {shown.text}
            </p>
          </>
        ) : (
          <p className="cv-prompt-text cv-prompt-waiting">
            {facilitating
              ? t({ id: 'conversation.prompt.chooseDeck', defaultMessage: 'Choose a deck below to begin.' })
              : t({ id: 'conversation.prompt.waiting', defaultMessage: 'Waiting for the facilitator to choose a prompt.' })}
          </p>
        )}
      </div>
      {local && original && showing && (
        // The deck's own words (English: resources/conversation/decks.json) beside the
        // translation, for a group that reads one prompt in several languages.
        <div className="cv-prompt-original-text" lang="en" data-testid="original-prompt">
          {showing.prompt.label && <p className="cv-prompt-label">{showing.prompt.label}</p>}
          <p>{showing.prompt.text}</p>
        </div>
      )}
      {local && (
        <button type="button" className="button quiet small cv-prompt-original" aria-expanded={original} onClick={() => setOriginal((o) => !o)}>
          {original
            ? t({ id: 'conversation.prompt.hideOriginal', defaultMessage: 'Hide original' })
            : t({ id: 'conversation.prompt.showOriginal', defaultMessage: 'Show original' })}
        </button>
      )}
    </section>
  )
}
