import { chooseGroup, groupsOf, isBreakoutOpen, readBreakout } from '../../../shared/facilitation'
import { sameJson, useNamesById, useY, type ConveningSession } from '../../sync'
import type { FacilitationController } from './controller'
import { useTicking } from './ticking'
import { runTypes } from './hooks'
import { panelControl } from './panelControl'
import { plural, Countdown, Said, Notice, useNotice } from '../../ui'

/**
 * While breakouts are open, everyone sees their group: who is in it, its prompt, the
 * way to its diagram, the facilitators' broadcast, and the closing countdown.
 * Facilitators see that breakouts are open and the way to manage them.
 */
export function BreakoutBanner(props: { session: ConveningSession; controller: FacilitationController; facilitates: boolean }) {
  const { session, controller, facilitates } = props
  const doc = session.doc
  const me = session.me.id
  const breakout = useY(runTypes(doc), () => readBreakout(doc), sameJson)
  const groups = useY(runTypes(doc), () => {
    const b = readBreakout(doc)
    return b ? groupsOf(doc, b) : []
  }, sameJson)
  const names = useNamesById(session)
  const ticking = useTicking(session, breakout?.closing ?? null, 'Breakouts')
  const { notice, run } = useNotice()
  if (!breakout || !isBreakoutOpen(breakout, session.clock)) return null
  const mine = groups.find((g) => g.members.includes(me))
  const others = mine ? mine.members.filter((p) => p !== me).map((p) => names[p] ?? 'Someone') : []
  // A facilitator outside the groups gets one compact chip (the strip renders it in
  // its row, so the header stays one line); everyone in a group gets the banner.
  if (!mine && facilitates) {
    const counts = `${plural(groups.length, 'group')}, ${plural(groups.reduce((n, g) => n + g.members.length, 0), 'person', 'people')}`
    return (
      <span className="fx-breakout-chip" role="group" aria-label="Breakout" data-testid="fx-breakout">
        <span className="fx-breakout-text" title={`Breakouts: ${counts}`}>
          Breakouts: {counts}
        </span>
        {breakout.closing && (
          <span className="fx-closing">
            · back in <Countdown ticking={ticking} label="Breakouts close" />
          </span>
        )}
        <button type="button" className="link-button" aria-label="Manage breakouts" onClick={() => panelControl(session).chooseSection('agenda', 'breakouts')}>
          Manage
        </button>
        <Said text={ticking.said} />
      </span>
    )
  }

  return (
    <section className="fx-banner fx-breakout" aria-label="Breakout" data-testid="fx-breakout">
      <div className="fx-breakout-main">
        {mine ? (
          <>
            <span>
              Your group: <strong data-testid="fx-my-group">{mine.group.name}</strong>
              {' · '}
              {others.length > 0 ? `with ${others.join(', ')}` : 'just you for now'}
            </span>
            {mine.group.prompt && (
              <span className="fx-prompt" data-testid="fx-group-prompt">
                {mine.group.prompt}
              </span>
            )}
            {mine.group.diagramId && (
              <button type="button" className="button" onClick={() => controller.openDiagram(mine.group.diagramId!)}>
                Open our diagram
              </button>
            )}
          </>
        ) : breakout.mode === 'choice' ? (
          <span className="row wrap" role="group" aria-label="Choose a group">
            <span>Choose a group:</span>
            {groups.map((g) => (
              <button key={g.group.id} type="button" className="button" disabled={g.members.length >= breakout.size} onClick={() => run(chooseGroup(doc, me, g.group.id, session.clock))}>
                {g.group.name} ({g.members.length}/{breakout.size})
              </button>
            ))}
          </span>
        ) : (
          <span>You are not in a group yet: a facilitator will place you.</span>
        )}
        {breakout.closing && (
          <span className="fx-closing">
            Back together in <Countdown ticking={ticking} label="Breakouts close" />
          </span>
        )}
        <Said text={ticking.said} />
      </div>
      {breakout.message && (
        <p className="fx-broadcast" role="status" aria-live="assertive" data-testid="fx-broadcast">
          <span className="fx-kicker">From the facilitators</span> {breakout.message.text}
        </p>
      )}
      <Notice text={notice} />
    </section>
  )
}
