import { readFollowMe, setFollowMe, summon, type FacilitationPresence } from '../../../shared/facilitation'
import { sameFields, useStore, useY, type ConveningSession } from '../../sync'
import type { FacilitationController } from './controller'
import { runTypes } from './hooks'
import { panelControl } from './panelControl'
import { Notice, useNotice } from '../../ui'

/** For facilitators: bring everyone to my panel, and ask everyone to follow me. */
export function FacilitatorTools(props: { session: ConveningSession; people: readonly FacilitationPresence[] }) {
  const { session, people } = props
  const doc = session.doc
  const me = session.me.id
  const followMe = useY(runTypes(doc), () => readFollowMe(doc), sameFields)
  const asking = followMe?.active === true && followMe.target === me
  const following = people.filter((p) => p.follow === me).length
  const { notice, run } = useNotice()
  const bring = (): void => {
    const panel = panelControl(session).current()
    run(summon(doc, me, panel, session.clock))
  }
  return (
    <span className="fx-tools" role="group" aria-label="Facilitator attention controls">
      <button type="button" className="button" onClick={bring} title="Everyone's view moves to the panel you are on, once.">
        Bring everyone here
      </button>
      <button type="button" className={asking ? 'button fx-toggle is-on' : 'button fx-toggle'} aria-pressed={asking} onClick={() => run(setFollowMe(doc, me, !asking))}>
        {asking ? `Following you: ${following}` : 'Follow me'}
      </button>
      <Notice text={notice} />
    </span>
  )
}

/** Whom I follow, and the one click that stops it. */
export function FollowBanner(props: { controller: FacilitationController }) {
  const { controller } = props
  const state = useStore(controller.follow)
  if (!state.target) return null
  const name = state.targetName ?? 'Someone'
  return (
    <div className="fx-banner" role="status" data-testid="fx-follow-banner">
      {state.targetHere ? (
        <span>
          Following <strong>{name}</strong>’s view{state.via === 'asked' ? ', as the facilitator asked' : ''}.
        </span>
      ) : (
        <span>{name} is not here right now; you can move freely until they come back.</span>
      )}
      <button type="button" className="button" onClick={() => controller.stopFollowing()}>
        Stop following
      </button>
    </div>
  )
}
