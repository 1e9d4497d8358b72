import { memo, useMemo, useRef, useState } from 'react'
import { type Loop, type LoopAnalysis, type LoopPlay } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { ConfirmDialog, plural, CommitField } from '../../../ui'
import { cx, useCld } from './context'
import { KeyedStore, useKeyed } from '../state'
import { MAX_MARKERS } from './LoopMarkers'
import type { LoopState } from './loopService'
import { useLoopNumbers } from './useLoopNumbers'

const NOT_PLAYING = new KeyedStore<LoopPlay | null>(null)
const PLAY_WORDS: Record<LoopPlay, string> = {
  swelling: 'The pulse is in this loop: swelling',
  settling: 'The pulse is in this loop: settling',
  swelled: 'The pulse went round: it swelled',
  settled: 'The pulse went round: it settled',
}

const KIND = { R: 'Reinforcing', B: 'Balancing', '?': 'Unknown polarity' } as const

function summary(state: LoopState): string {
  const loops = state.analysis?.loops
  if (!loops) return state.status === 'failed' ? (state.message ?? 'Loops could not be found.') : 'Finding loops…'
  if (loops.length === 0) return 'No loops yet. A loop appears when a chain of links leads back to where it started.'
  const count = (p: Loop['polarity']) => loops.filter((l) => l.polarity === p).length
  const parts = [`${count('R')} reinforcing`, `${count('B')} balancing`, count('?') ? `${count('?')} unknown` : ''].filter(Boolean)
  return `${loops.length} ${loops.length === 1 ? 'loop' : 'loops'}: ${parts.join(', ')}.`
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

function caps(analysis: LoopAnalysis | null): string[] {
  if (!analysis) return []
  const out: string[] = []
  if (analysis.capped.count) out.push(`Only the ${analysis.loops.length} shortest loops are listed: this diagram has more than can be counted quickly.`)
  if (analysis.capped.length) out.push('Loops longer than 12 links are not listed.')
  if (analysis.loops.length > MAX_MARKERS) out.push(`The canvas marks the first ${MAX_MARKERS} loops and every named loop.`)
  return out
}

/**
 * Every loop, shortest first, with its polarity, its kept number (loopNumbers.ts: a
 * new loop takes the next free number, an existing one never moves), its variables
 * in order and a name everyone shares.
 */
export function LoopsPanel() {
  const cld = useCld()
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
  const heard = fresh.map((loop) => `New loop ${numbers.get(loop.id) ?? loop.polarity}, ${KIND[loop.polarity].toLowerCase()}: ${[...loop.variableIds, loop.variableIds[0]].map((id) => labels.get(id) ?? '…').join(' → ')}.`)
  return (
    <div className="loops-panel stack">
      <p className="dg-loops-summary" role="status" aria-live="polite">
        {summary(state)}
        {heard.length > 0 && heard.length <= 3 && <span className="sr-only"> {heard.join(' ')}</span>}
        {state.status === 'working' && state.analysis ? ' Updating…' : ''}
      </p>
      {caps(state.analysis).map((text) => (
        <p key={text} className="muted small dg-loops-cap">
          {text}
        </p>
      ))}
      {loops.length > 0 && (
        <ol className="dg-loop-list" aria-label="Loops, shortest first">
          {loops.slice(0, limit).map((loop) => (
            <LoopItem key={loop.id} loop={loop} number={numbers.get(loop.id) ?? loop.polarity} name={names[loop.id] ?? ''} labels={labels} />
          ))}
        </ol>
      )}
      {loops.length > limit && (
        <button type="button" className="button quiet" onClick={() => setLimit((n) => n + 100)}>
          Show more loops ({loops.length - limit} more)
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
  if (!facilitating || cld.readOnly) return null
  return (
    <>
      <button type="button" className="button quiet small dg-renumber" disabled={!props.ready} onClick={() => setAsking(true)}>
        Renumber loops
      </button>
      <ConfirmDialog
        title="Renumber the loops for everyone?"
        open={asking}
        confirmLabel="Renumber for everyone"
        message="Each loop keeps its number until you do this. Renumbering counts again from R1 and B1, shortest loops first, so the numbers change on everyone’s screen: a loop someone calls “B2” may now be B1. Names given to loops stay with their loops."
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false)
          if (!cld.renumber()) cld.notices.say('The loops are still being found: try again in a moment.')
        }}
      />
    </>
  )
}

const LoopItem = memo(function LoopItem(props: { loop: Loop; number: string; name: string; labels: ReadonlyMap<string, string> }) {
  const cld = useCld()
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
          {KIND[loop.polarity]} · {plural(loop.length, 'variable')}
        </p>
        {playing && (
          <p className={`dg-loop-play small is-${playing}`} data-testid="loop-play">
            <span aria-hidden="true">{playing === 'swelling' || playing === 'settling' ? '● ' : '○ '}</span>
            {PLAY_WORDS[playing]}
          </p>
        )}
        <p className="dg-loop-chain small" aria-label={`${props.number}: ${chain.join(', then ')}`}>
          {chain.join(' → ')}
        </p>
        <button type="button" className="link-button small" onClick={() => cld.showVariables(loop.variableIds)}>
          Show {props.number} on the canvas
        </button>
      </div>
    </li>
  )
})

/** The loop's shared name: typed freely, written when the field is left or Enter is pressed. */
function LoopName(props: { loopId: string; number: string; name: string }) {
  const cld = useCld()
  return (
    <CommitField
      className="dg-loop-name"
      aria-label={`Name of loop ${props.number}`}
      placeholder="Name this loop"
      maxLength={80}
      readOnly={cld.readOnly}
      value={props.name}
      onCommit={(name) => cld.actions.nameLoop(props.loopId, name)}
    />
  )
}
