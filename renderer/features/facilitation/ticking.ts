import type { TimerState } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { useT } from '../../i18n'
import { useCountdown, useMuted, type Ticking } from '../../ui'

/**
 * A countdown of the run of show (a segment, a timer, a vote, breakouts closing): the
 * shared countdown of renderer/ui, ringing at its end unless this person muted bells.
 * A countdown shown in two places rings from one of them (the strip); the other passes
 * `bell: false`.
 */
export function useTicking(session: ConveningSession, timer: TimerState | null, label: string, options: { bell?: boolean } = {}): Ticking {
  const { db } = useApp()
  const muted = useMuted(db)
  const t = useT()
  const end = t({ id: 'facilitation.countdown.said', defaultMessage: '{label}: time is up.' }, { label })
  return useCountdown(session.clock, timer, { muted, bells: options.bell === false ? 'none' : 'end', words: { end } })
}
