import { MODE_LABELS, type Showing } from '../../../shared/conversation'

/** The current prompt, large and calm. Announced politely when it changes. */
export function PromptView(props: { showing: Showing | null; facilitating: boolean; journalOpen: boolean; onJournal: () => void }) {
  const { showing, facilitating } = props
  return (
    <section className="cv-prompt-card" aria-labelledby="prompt-heading">
      <div className="cv-prompt-meta row wrap">
        <h2 id="prompt-heading" className="cv-prompt-kicker">
          {showing ? `${showing.deck.title} · prompt ${showing.index + 1} of ${showing.deck.prompts.length}` : 'Reflective conversation'}
        </h2>
        {showing && <span className="cv-mode-badge">{MODE_LABELS[showing.current.mode]}</span>}
        <span className="grow" />
        <button type="button" className="button quiet" aria-expanded={props.journalOpen} aria-controls="journal-panel" onClick={props.onJournal}>
          {props.journalOpen ? 'Close my journal' : 'My private journal'}
        </button>
      </div>
      <div aria-live="polite" aria-atomic="true" data-testid="current-prompt">
        {showing ? (
          <>
            {showing.prompt.label && <p className="cv-prompt-label">{showing.prompt.label}</p>}
            <p className="cv-prompt-text">{showing.prompt.text}</p>
          </>
        ) : (
          <p className="cv-prompt-text cv-prompt-waiting">
            {facilitating ? 'Choose a deck below to begin.' : 'Waiting for the facilitator to choose a prompt.'}
          </p>
        )}
      </div>
    </section>
  )
}
