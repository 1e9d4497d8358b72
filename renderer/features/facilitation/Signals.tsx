import { useEffect, useRef, useState } from 'react'
import { PAUSE_FIELD, REACTIONS, REACTION_FIELD, reactionOf, type FacilitationPresence, type ReactionKind } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import type { Message } from '../../../shared/i18n'
import { useIntl, useT } from '../../i18n'

/**
 * Quick reactions and "we need a pause": presence only (live, never stored). A
 * reaction shows on everyone's screen for a few seconds; a pause request shows only
 * on facilitators' screens (other apps receive it too: it is not a secret channel).
 */
const SHOW_MS = 6000

/** Each reaction's name, as its button and the screen say it. */
const REACTION_NAMES: Record<ReactionKind, Message> = {
  agree: { id: 'facilitation.reaction.agree', defaultMessage: 'Agree' },
  warm: { id: 'facilitation.reaction.warm', defaultMessage: 'Warmth' },
  applause: { id: 'facilitation.reaction.applause', defaultMessage: 'Applause' },
  insight: { id: 'facilitation.reaction.insight', defaultMessage: 'Insight' },
  wonder: { id: 'facilitation.reaction.wonder', defaultMessage: 'Wondering' },
  thanks: { id: 'facilitation.reaction.thanks', defaultMessage: 'Thank you' },
}

export function ReactionPicker(props: { session: ConveningSession }) {
  const { session } = props
  const ref = useRef<HTMLDetailsElement>(null)
  const t = useT()
  return (
    <details className="fx-pop" ref={ref}>
      <summary className="button fx-pop-button">{t({ id: 'facilitation.reactions.open', defaultMessage: 'React' })}</summary>
      <div className="fx-pop-body">
        <ReactionButtons session={session} onReacted={() => ref.current && (ref.current.open = false)} />
      </div>
    </details>
  )
}

/** The reactions as buttons (in the React pop-up, or in the strip's More). */
export function ReactionButtons(props: { session: ConveningSession; onReacted?: () => void }) {
  const { session } = props
  const t = useT()
  return (
    <div className="fx-reactions" role="group" aria-label={t({ id: 'facilitation.reactions.label', defaultMessage: 'Reactions' })}>
      {REACTIONS.map((r) => (
        <button
          key={r.kind}
          type="button"
          className="button fx-reaction"
          onClick={() => {
            session.awareness.setLocalStateField(REACTION_FIELD, { kind: r.kind, at: session.clock.now() })
            props.onReacted?.()
          }}
        >
          <span aria-hidden="true">{r.symbol}</span> {t(REACTION_NAMES[r.kind])}
        </button>
      ))}
    </div>
  )
}

export function PauseAsk(props: { session: ConveningSession; mine: boolean }) {
  const { session, mine } = props
  const t = useT()
  return (
    <button
      type="button"
      className={mine ? 'button fx-toggle is-on' : 'button fx-toggle'}
      aria-pressed={mine}
      title={t({ id: 'facilitation.pause.hint', defaultMessage: 'Only the facilitators see this on their screens.' })}
      onClick={() => session.awareness.setLocalStateField(PAUSE_FIELD, mine ? null : session.clock.now())}
    >
      {mine ? t({ id: 'facilitation.pause.asked', defaultMessage: 'You asked for a pause' }) : t({ id: 'facilitation.pause.ask', defaultMessage: 'We need a pause' })}
    </button>
  )
}

/** For facilitators: who would like a pause. */
export function PauseRequests(props: { people: readonly FacilitationPresence[] }) {
  const asking = props.people.filter((p) => p.pauseAsk !== null)
  const t = useT()
  const intl = useIntl()
  return (
    <span className="fx-pause-requests" role="status" aria-live="polite">
      {asking.length > 0 && (
        <span
          className="fx-pill fx-pill-wait"
          title={intl.formatList(asking.map((p) => p.name), { type: 'unit', style: 'short' })}
          data-testid="fx-pause-requests"
        >
          {t(
            { id: 'facilitation.pause.requests', defaultMessage: '{count, plural, =1 {{name} asks for a pause} other {# people ask for a pause}}' },
            { count: asking.length, name: asking[0].name },
          )}
        </span>
      )}
    </span>
  )
}

interface Shown {
  key: string
  name: string
  kind: ReactionKind
  until: number
}

/** Reactions that arrived in the last few seconds (timed by this screen, so clocks do not matter). */
export function ReactionsShown(props: { people: readonly FacilitationPresence[] }) {
  const [shown, setShown] = useState<Shown[]>([])
  const seen = useRef(new Map<string, number>())
  const first = useRef(true)
  useEffect(() => {
    const now = Date.now()
    const fresh: Shown[] = []
    for (const p of props.people) {
      if (!p.reaction) continue
      if (seen.current.get(p.personId) === p.reaction.at) continue
      seen.current.set(p.personId, p.reaction.at)
      // Reactions already there when this screen opened are old news.
      if (!first.current) fresh.push({ key: `${p.personId}:${p.reaction.at}`, name: p.name, kind: p.reaction.kind, until: now + SHOW_MS })
    }
    first.current = false
    if (fresh.length > 0) setShown((list) => [...list.filter((s) => s.until > now), ...fresh].slice(-8))
  }, [props.people])
  useEffect(() => {
    if (shown.length === 0) return
    const next = Math.min(...shown.map((s) => s.until)) - Date.now()
    const timer = setTimeout(() => setShown((list) => list.filter((s) => s.until > Date.now())), Math.max(50, next))
    return () => clearTimeout(timer)
  }, [shown])
  const t = useT()
  return (
    <span className="fx-reactions-shown" role="status" aria-live="polite" aria-label={t({ id: 'facilitation.reactions.label', defaultMessage: 'Reactions' })}>
      {shown.map((s) => {
        const r = reactionOf(s.kind)
        return (
          <span key={s.key} className="fx-pill">
            <span aria-hidden="true">{r.symbol}</span> {t({ id: 'facilitation.reactions.shown', defaultMessage: '{name}: {reaction}' }, { name: s.name, reaction: t(REACTION_NAMES[s.kind]) })}
          </span>
        )
      })}
    </span>
  )
}
