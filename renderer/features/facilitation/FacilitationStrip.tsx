import { useEffect, useRef, type ReactNode } from 'react'
import { groupsOf, isBreakoutOpen, placeLateJoiners, readBreakout, readCurrent, readHands, readTimers, runMap, takeOverClocks } from '../../../shared/facilitation'
import { canFacilitate } from '../../../shared/session'
import { useY, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { Attention } from './AttentionRow'
import { BreakoutBanner } from './BreakoutBanner'
import { FacilitatorTools, FollowBanner } from './Attention'
import { MovedNotice } from './MovedNotice'
import { SegmentMoves, SegmentNow } from './SegmentNow'
import { RaiseHand } from './Hands'
import { PauseAsk, ReactionButtons } from './Signals'
import { MoreMenu, setMuted, unlockAudio, useMuted, useBreakpoint, useOverflow } from '../../ui'
import { StripTimers } from './TimerChip'
import { runTypes, useFacilitationPresence, useFacilitates } from './hooks'
import { useController } from './useController'
import { useT } from '../../i18n'
import './facilitation.css'

/**
 * Always on screen in a convening, under the title: the segment now and next with its
 * countdown, the shared timers, raise hand, reactions and the pause signal, the
 * facilitators' attention controls, and the banners that say whom I follow and which
 * breakout group I am in.
 */
export function FacilitationStrip(props: { session: ConveningSession; end?: ReactNode }) {
  const { session } = props
  const { db } = useApp()
  const controller = useController(session)
  const facilitates = useFacilitates(session)
  const people = useFacilitationPresence(session)
  const muted = useMuted(db)
  const t = useT()
  const row = useRef<HTMLDivElement>(null)
  const content = useY(runTypes(session.doc), () => stripContent(session), Object.is)
  const point = useBreakpoint()
  const moved = useOverflow(row, OPTIONAL[facilitates ? 'facilitator' : 'participant'].length, `${content}|${point}|${facilitates}|${props.end ? 1 : 0}`)
  const place = stripPlaces(facilitates, moved)
  useFacilitatorDuties(session, facilitates, people.map((p) => p.personId).join(' '))

  return (
    <section className="fx-strip" aria-label={t({ id: 'facilitation.strip.label', defaultMessage: 'Run of show' })} onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className="fx-strip-row" ref={row} data-testid="fx-strip-row">
        <SegmentNow session={session} facilitates={facilitates} moves={place.segmentMoves} />
        <StripTimers session={session} facilitates={facilitates} />
        {/* A facilitator's breakout status is a chip in this row (a banner, on a line of its own, if they are in a group). */}
        {controller && facilitates && <BreakoutBanner session={session} controller={controller} facilitates />}
        <Attention session={session} facilitates={facilitates} people={people} place={place}>
          <MoreMenu label={t({ id: 'facilitation.strip.more', defaultMessage: 'More run-of-show controls' })} testId="fx-more">
            {place.segmentMoves === 'next' && <SegmentMoves session={session} facilitates={facilitates} which="rest" />}
            {place.raiseHand === 'more' && <RaiseHand session={session} />}
            {place.tools === 'more' && facilitates && <FacilitatorTools session={session} people={people} />}
            {place.pauseAsk === 'more' && !facilitates && <PauseAsk session={session} mine={people.find((p) => p.personId === session.me.id)?.pauseAsk != null} />}
            {place.react === 'more' && <ReactionButtons session={session} />}
            <label className="toggle fx-bells" title={t({ id: 'facilitation.strip.bellsHint', defaultMessage: 'A soft bell when a timer ends, on this computer only' })}>
              <input type="checkbox" checked={!muted} onChange={(e) => void setMuted(db, !e.target.checked)} />
              {t({ id: 'facilitation.strip.bells', defaultMessage: 'Bells' })}
            </label>
          </MoreMenu>
        </Attention>
        {props.end}
      </div>
      {controller && <MovedNotice controller={controller} />}
      {controller && <FollowBanner controller={controller} />}
      {controller && !facilitates && <BreakoutBanner session={session} controller={controller} facilitates={false} />}
    </section>
  )
}

export type Spot = 'inline' | 'more'
export interface StripPlaces {
  /** All of a segment's moves in the row, or only "Next" (pause, +1 and +5 in More). */
  segmentMoves: 'all' | 'next'
  raiseHand: Spot
  react: Spot
  /** A facilitator's "Bring everyone here" and "Follow me". */
  tools: Spot
  pauseAsk: Spot
}

type Optional = 'tools' | 'segment' | 'react' | 'pauseAsk' | 'raiseHand'

/**
 * What leaves the one-line strip for More when it has no room, first to last. A
 * facilitator's own hand and the reactions are always in More (their People list has
 * the queue of hands); then the attention tools, then a segment's pause and extra
 * minutes ("Next" stays). A participant keeps their hand longest. Bells are always in
 * More: set once, rarely touched.
 */
const OPTIONAL: Record<'facilitator' | 'participant', Optional[]> = {
  facilitator: ['tools', 'segment'],
  participant: ['react', 'pauseAsk', 'raiseHand'],
}

export function stripPlaces(facilitates: boolean, moved: number): StripPlaces {
  const out = new Set<Optional>(OPTIONAL[facilitates ? 'facilitator' : 'participant'].slice(0, moved))
  if (facilitates) {
    out.add('react')
    out.add('raiseHand')
  }
  const spot = (what: Optional): Spot => (out.has(what) ? 'more' : 'inline')
  return { segmentMoves: out.has('segment') ? 'next' : 'all', raiseHand: spot('raiseHand'), react: spot('react'), tools: spot('tools'), pauseAsk: spot('pauseAsk') }
}

/** What in the run changes the strip's length: the segment on, the timers, breakouts. */
function stripContent(session: ConveningSession): string {
  const doc = session.doc
  const current = readCurrent(doc)
  const breakout = readBreakout(doc)
  return [current?.segmentId ?? '-', readTimers(doc, true).map((t) => t.id).join(','), breakout ? groupsOf(doc, breakout).length : 0, readHands(doc).length > 0].join('|')
}

/**
 * What a facilitator's app does on its own: take over countdowns kept in the clock of
 * someone who has left (so later arrivals read them right), and place people who
 * arrive during breakouts. Both are idempotent, so two facilitators doing it at once
 * agree.
 */
function useFacilitatorDuties(session: ConveningSession, facilitates: boolean, presentKey: string): void {
  useEffect(() => {
    if (!facilitates) return
    const present = new Set(presentKey.split(' ').filter(Boolean))
    const duties = (): void => {
      const doc = session.doc
      const me = session.me.id
      takeOverClocks(doc, me, session.clock, (id) => present.has(id), (id) => session.clock.knows(id))
      const breakout = readBreakout(doc)
      if (breakout && breakout.autoPlace && breakout.mode !== 'choice' && isBreakoutOpen(breakout, session.clock)) {
        placeLateJoiners(doc, me, [...present].filter((id) => !canFacilitate(doc, id)), session.clock)
      }
    }
    duties()
    const run = runMap(session.doc)
    run.observe(duties)
    return () => run.unobserve(duties)
  }, [session, facilitates, presentKey])
}
