import { useEffect } from 'react'
import { isBreakoutOpen, placeLateJoiners, readBreakout, takeOverClocks } from '../../../shared/facilitation'
import { canFacilitate } from '../../../shared/session'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { Attention } from './AttentionRow'
import { BreakoutBanner } from './BreakoutBanner'
import { FollowBanner } from './Attention'
import { MovedNotice } from './MovedNotice'
import { SegmentNow } from './SegmentNow'
import { StripTimers } from './TimerChip'
import { setMuted, unlockAudio, useMuted } from './borrowed'
import { useFacilitationPresence, useFacilitates } from './hooks'
import { useController } from './useController'
import './facilitation.css'

/**
 * Always on screen in a convening, under the title: the segment now and next with its
 * countdown, the shared timers, raise hand, reactions and the pause signal, the
 * facilitators' attention controls, and the banners that say whom I follow and which
 * breakout group I am in.
 */
export function FacilitationStrip(props: { session: ConveningSession }) {
  const { session } = props
  const { db } = useApp()
  const controller = useController(session)
  const facilitates = useFacilitates(session)
  const people = useFacilitationPresence(session)
  const muted = useMuted(db)
  useFacilitatorDuties(session, facilitates, people.map((p) => p.personId).join(' '))

  return (
    <section className="fx-strip" aria-label="Run of show" onPointerDown={unlockAudio} onKeyDown={unlockAudio}>
      <div className="fx-strip-row">
        <SegmentNow session={session} facilitates={facilitates} />
        <StripTimers session={session} facilitates={facilitates} />
        {/* A facilitator's breakout status is a chip in this row (a banner, on a line of its own, if they are in a group). */}
        {controller && facilitates && <BreakoutBanner session={session} controller={controller} facilitates />}
        <Attention session={session} facilitates={facilitates} people={people}>
          <label className="toggle fx-bells" title="A soft bell when a timer ends, on this computer only">
            <input type="checkbox" checked={!muted} onChange={(e) => void setMuted(db, !e.target.checked)} />
            Bells
          </label>
        </Attention>
      </div>
      {controller && <MovedNotice controller={controller} />}
      {controller && <FollowBanner controller={controller} />}
      {controller && !facilitates && <BreakoutBanner session={session} controller={controller} facilitates={false} />}
    </section>
  )
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
    const run = session.doc.getMap('run')
    run.observe(duties)
    return () => run.unobserve(duties)
  }, [session, facilitates, presentKey])
}
