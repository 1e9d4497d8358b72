import { memo, useMemo, useRef, useState } from 'react'
import { DIAGRAM_LIMITS, type Loop, type LoopAnalysis, type LoopPlay } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { ConfirmDialog, CommitField } from '../../../ui'
import { useT } from '../../../i18n'
import type { Message } from '../../../../shared/i18n'
import { cx, useCld } from './context'
import { KeyedStore, useKeyed } from '../state'
import { MAX_MARKERS } from './LoopMarkers'
import type { LoopState } from './loopService'
import { useLoopNumbers } from './useLoopNumbers'

const NOT_PLAYING = new KeyedStore<LoopPlay | null>(null)
const PLAY_WORDS: Record<LoopPlay, Message> = {
  swelling: { id: 'diagram.loops.playSwelling', defaultMessage: 'The pulse is in this loop: swelling' },
  settling: { id: 'diagram.loops.playSettling', defaultMessage: 'The pulse is in this loop: settling' },
  swelled: { id: 'diagram.loops.playSwelled', defaultMessage: 'The pulse went round: it swelled' },
  settled: { id: 'diagram.loops.playSettled', defaultMessage: 'The pulse went round: it settled' },
}

const KIND: Record<Loop['polarity'], Message> = {
  R: { id: 'diagram.loops.reinforcing', defaultMessage: 'Reinforcing' },
  B: { id: 'diagram.loops.balancing', defaultMessage: 'Balancing' },
  '?': { id: 'diagram.loops.unknown', defaultMessage: 'Unknown polarity' },
}

/** A loop's polarity as an ICU select key ('?' cannot be one). */
const kindKey = (polarity: Loop['polarity']): string => (polarity === '?' ? 'unknown' : polarity)

function summary(state: LoopState, t: ReturnType<typeof useT>): string {
  const loops = state.analysis?.loops
  if (!loops) {
    if (state.status !== 'failed') return t({ id: 'diagram.loops.finding', defaultMessage: 'Finding loops…' })
    return state.message
      ? t({ id: 'diagram.loops.failedWhy', defaultMessage: 'Loops could not be found: {error}' }, { error: state.message })
      : t({ id: 'diagram.loops.failed', defaultMessage: 'Loops could not be found.' })
  }
  if (loops.length === 0) return t({ id: 'diagram.loops.none', defaultMessage: 'No loops yet. A loop appears when a chain of links leads back to where it started.' })
  const count = (p: Loop['polarity']) => loops.filter((l) => l.polarity === p).length
  return t(
    {
      id: 'diagram.loops.summary',
      defaultMessage: '{count, plural, one {# loop} other {# loops}}: {reinforcing} reinforcing, {balancing} balancing{unknown, plural, =0 {} other {, # unknown}}.',
    },
    { count: loops.length, reinforcing: count('R'), balancing: count('B'), unknown: count('?') },
  )
}

/**
 * The loops that appeared since this panel opened, for screen readers: "New loop R1,
 * reinforcing: Trust → Sharing → Trust." is heard once, when someone closes a loop
 * (the loops already there when the diagram opens are not read out). Kept until the
 * next change, so the status line does not flicker.
 */
function useNewLoops(loops: readonly Loop[] | null): readonly Loop[] {
  const seen = useRef<Set<string> | null>(null)
  const last = useRef<{ loops: readonly Loop[] | null; fresh: readonly Loop[] }>({ loops: null, fresh: [] })
  if (loops === null || last.current.loops === loops) return loops === null ? [] : last.current.fresh
  let fresh: Loop[] = []
  if (seen.current === null) seen.current = new Set(loops.map((l) => l.id))
  else {
    fresh = loops.filter((l) => !seen.current!.has(l.id))
    for (const l of loops) seen.current.add(l.id)
  }
  last.current = { loops, fresh }
  return fresh
}

function caps(analysis: LoopAnalysis | null, t: ReturnType<typeof useT>): string[] {
  if (!analysis) return []
  const out: string[] = []
  if (analysis.capped.count) {
    out.push(t({ id: 'diagram.loops.cappedCount', defaultMessage: 'Only the {count} shortest loops are listed: this diagram has more than can be counted quickly.' }, { count: analysis.loops.length }))
  }
  if (analysis.capped.length) out.push(t({ id: 'diagram.loops.cappedLength', defaultMessage: 'Loops longer than 12 links are not listed.' }))
  if (analysis.loops.length > MAX_MARKERS) out.push(t({ id: 'diagram.loops.cappedMarkers', defaultMessage: 'The canvas marks the first {count} loops and every named loop.' }, { count: MAX_MARKERS }))
  return out
}

/**
 * Every loop, shortest first, with its polarity, its kept number (loopNumbers.ts: a
 * new loop takes the next free number, an existing one never moves), its variables
 * in order and a name everyone shares.
 */
export function LoopsPanel() {
  const cld = useCld()
  const t = useT()
  const state = useStore(cld.loops.state)
  const names = useStore(cld.store.loopNames)
  const content = useStore(cld.store.content)
  const [limit, setLimit] = useState(60)
  const loops = useMemo(() => state.analysis?.loops ?? [], [state.analysis])
  const numbers = useLoopNumbers(loops)
  const labels = useMemo(() => {
    void content
    return new Map([...cld.store.variables].map(([id, v]) => [id, v.label]))
  }, [cld, content])
  const fresh = useNewLoops(state.analysis ? loops : null)
  const heard = fresh.map((loop) =>
    t(
      { id: 'diagram.loops.heard', defaultMessage: 'New loop {number}, {kind, select, R {reinforcing} B {balancing} other {unknown polarity}}: {chain}.' },
      { number: numbers.get(loop.id) ?? loop.polarity, kind: kindKey(loop.polarity), chain: [...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? '…').join(' → ') },
    ),
  )
  return (
    <div className="loops-panel stack">
      <p className="dg-loops-summary" role="status" aria-live="polite">
        {summary(state, t)}
        {heard.length > 0 && heard.length <= 3 && <span className="sr-only"> {heard.join(' ')}</span>}
        {state.status === 'working' && state.analysis ? ` ${t({ id: 'diagram.loops.updating', defaultMessage: 'Updating…' })}` : ''}
      </p>
      {caps(state.analysis, t).map((text) => (
        <p key={text} className="muted small dg-loops-cap">
          {text}
        </p>
      ))}
      {loops.length > 0 && (
        <ol className="dg-loop-list" aria-label={t({ id: 'diagram.loops.list', defaultMessage: 'Loops, shortest first' })}>
          {loops.slice(0, limit).map((loop) => (
            <LoopItem key={loop.id} loop={loop} number={numbers.get(loop.id) ?? loop.polarity} name={names[loop.id] ?? ''} labels={labels} />
          ))}
        </ol>
      )}
      {loops.length > limit && (
        <button type="button" className="button quiet" onClick={() => setLimit((n) => n + 100)}>
          {t({ id: 'diagram.loops.more', defaultMessage: 'Show more loops ({count} more)' }, { count: loops.length - limit })}
        </button>
      )}
      <Renumber ready={state.status === 'ready' && loops.length > 0} />
    </div>
  )
}

/**
 * Numbers never move by themselves, so gaps appear as loops go (B1, B3). A facilitator
 * may close them: it changes what "B2" means for everyone, so it asks first.
 */
function Renumber(props: { ready: boolean }) {
  const cld = useCld()
  const facilitating = useStore(cld.facilitating)
  const [asking, setAsking] = useState(false)
  const t = useT()
  if (!facilitating || cld.readOnly) return null
  return (
    <>
      <button type="button" className="button quiet small dg-renumber" disabled={!props.ready} onClick={() => setAsking(true)}>
        {t({ id: 'diagram.loops.renumber', defaultMessage: 'Renumber loops' })}
      </button>
      <ConfirmDialog
        title={t({ id: 'diagram.loops.renumberTitle', defaultMessage: 'Renumber the loops for everyone?' })}
        open={asking}
        confirmLabel={t({ id: 'diagram.loops.renumberConfirm', defaultMessage: 'Renumber for everyone' })}
        message={t({
          id: 'diagram.loops.renumberMessage',
          defaultMessage:
            'Each loop keeps its number until you do this. Renumbering counts again from R1 and B1, shortest loops first, so the numbers change on everyone’s screen: a loop someone calls “B2” may now be B1. Names given to loops stay with their loops.',
        })}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false)
          if (!cld.renumber()) cld.notices.say(t({ id: 'diagram.loops.notReady', defaultMessage: 'The loops are still being found: try again in a moment.' }))
        }}
      />
    </>
  )
}

const LoopItem = memo(function LoopItem(props: { loop: Loop; number: string; name: string; labels: ReadonlyMap<string, string> }) {
  const cld = useCld()
  const t = useT()
  const { loop } = props
  const chain = [...loop.variableIds, loop.variableIds[0]].map((id) => props.labels.get(id) ?? '…')
  const polarity = loop.polarity === '?' ? 'unknown' : loop.polarity
  const playing = useKeyed(cld.play?.loops ?? NOT_PLAYING, loop.id)
  const light = (): void => cld.hoveredLoop.set(loop)
  const unlight = (): void => {
    if (cld.hoveredLoop.get()?.id === loop.id) cld.hoveredLoop.set(null)
  }
  return (
    <li className={cx('dg-loop-item', playing && `is-${playing}`)} onPointerEnter={light} onPointerLeave={unlight} onFocus={light} onBlur={unlight} data-loop={loop.id}>
      <span className={`dg-loop-badge dg-loop-${polarity}`} aria-hidden="true">
        {props.number}
      </span>
      <div className="dg-loop-body">
        <LoopName loopId={loop.id} number={props.number} name={props.name} />
        <p className="dg-loop-kind small">
          {t(KIND[loop.polarity])} · {t({ id: 'diagram.loops.length', defaultMessage: '{count, plural, one {# variable} other {# variables}}' }, { count: loop.length })}
        </p>
        {playing && (
          <p className={`dg-loop-play small is-${playing}`} data-testid="loop-play">
            <span aria-hidden="true">{playing === 'swelling' || playing === 'settling' ? '● ' : '○ '}</span>
            {t(PLAY_WORDS[playing])}
          </p>
        )}
        <p
          className="dg-loop-chain small"
          aria-label={t(
            { id: 'diagram.loops.chainLabel', defaultMessage: '{number}: {chain}' },
            { number: props.number, chain: chain.reduce((before, next) => t({ id: 'diagram.loops.then', defaultMessage: '{before}, then {next}' }, { before, next })) },
          )}
        >
          {chain.join(' → ')}
        </p>
        <button type="button" className="link-button small" onClick={() => cld.showVariables(loop.variableIds)}>
          {t({ id: 'diagram.loops.show', defaultMessage: 'Show {number} on the canvas' }, { number: props.number })}
        </button>
      </div>
    </li>
  )
})

/** The loop's shared name: typed freely, written when the field is left or Enter is pressed. */
function LoopName(props: { loopId: string; number: string; name: string }) {
  const cld = useCld()
  const t = useT()
  return (
    <CommitField
      className="dg-loop-name"
      aria-label={t({ id: 'diagram.loops.nameLabel', defaultMessage: 'Name of loop {number}' }, { number: props.number })}
      placeholder={t({ id: 'diagram.loops.namePlaceholder', defaultMessage: 'Name this loop' })}
      maxLength={DIAGRAM_LIMITS.loopNameMax}
      readOnly={cld.readOnly}
      value={props.name}
      onCommit={(name) => cld.actions.nameLoop(props.loopId, name)}
    />
  )
}
