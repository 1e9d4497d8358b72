import { readFollowMe, setFollowMe, summon, type FacilitationPresence } from '../../../shared/facilitation'
import { sameFields, useStore, useY, type ConveningSession } from '../../sync'
import type { FacilitationController } from './controller'
import { runTypes } from './hooks'
import { panelControl } from './panelControl'
import { SOMEONE, strong } from './words'
import { Notice, useNotice } from '../../ui'
import { useT } from '../../i18n'

/** For facilitators: bring everyone to my panel, and ask everyone to follow me. */
export function FacilitatorTools(props: { session: ConveningSession; people: readonly FacilitationPresence[] }) {
  const { session, people } = props
  const doc = session.doc
  const me = session.me.id
  const followMe = useY(runTypes(doc), () => readFollowMe(doc), sameFields)
  const asking = followMe?.active === true && followMe.target === me
  const following = people.filter((p) => p.follow === me).length
  const { notice, run } = useNotice()
  const t = useT()
  const bring = (): void => {
    const panel = panelControl(session).current()
    run(summon(doc, me, panel, session.clock))
  }
  return (
    <span className="fx-tools" role="group" aria-label={t({ id: 'facilitation.attention.tools', defaultMessage: 'Facilitator attention controls' })}>
      <button
        type="button"
        className="button"
        onClick={bring}
        title={t({ id: 'facilitation.attention.bringHint', defaultMessage: "Everyone's view moves to the panel you are on, once." })}
      >
        {t({ id: 'facilitation.attention.bring', defaultMessage: 'Bring everyone here' })}
      </button>
      <button type="button" className={asking ? 'button fx-toggle is-on' : 'button fx-toggle'} aria-pressed={asking} onClick={() => run(setFollowMe(doc, me, !asking))}>
        {asking
          ? t({ id: 'facilitation.attention.followingYou', defaultMessage: 'Following you: {count}' }, { count: following })
          : t({ id: 'facilitation.attention.followMe', defaultMessage: 'Follow me' })}
      </button>
      <Notice text={notice} />
    </span>
  )
}

/** Whom I follow, and the one click that stops it. */
export function FollowBanner(props: { controller: FacilitationController }) {
  const { controller } = props
  const state = useStore(controller.follow)
  const t = useT()
  if (!state.target) return null
  const name = state.targetName ?? t(SOMEONE)
  return (
    <div className="fx-banner" role="status" data-testid="fx-follow-banner">
      {state.targetHere ? (
        <span>
          {state.via === 'asked'
            ? t({ id: 'facilitation.follow.followingAsked', defaultMessage: 'Following <strong>{name}</strong>’s view, as the facilitator asked.' }, { name, strong })
            : t({ id: 'facilitation.follow.following', defaultMessage: 'Following <strong>{name}</strong>’s view.' }, { name, strong })}
        </span>
      ) : (
        <span>{t({ id: 'facilitation.follow.away', defaultMessage: '{name} is not here right now; you can move freely until they come back.' }, { name })}</span>
      )}
      <button type="button" className="button" onClick={() => controller.stopFollowing()}>
        {t({ id: 'facilitation.follow.stop', defaultMessage: 'Stop following' })}
      </button>
    </div>
  )
}
