import type { ReactNode } from 'react'
import { chooseGroup, groupsOf, isBreakoutOpen, readBreakout } from '../../../shared/facilitation'
import { sameJson, useNamesById, useY, type ConveningSession } from '../../sync'
import type { FacilitationController } from './controller'
import { useTicking } from './ticking'
import { runTypes } from './hooks'
import { panelControl } from './panelControl'
import { SOMEONE } from './words'
import { Countdown, Said, Notice, useNotice } from '../../ui'
import { useIntl, useT } from '../../i18n'

/** My group's name, which tests and the people list find by its test id. */
const myGroup = (chunks: ReactNode[]): ReactNode => <strong data-testid="fx-my-group">{chunks}</strong>

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
  const t = useT()
  const intl = useIntl()
  const ticking = useTicking(session, breakout?.closing ?? null, t({ id: 'facilitation.breakout.countdown', defaultMessage: 'Breakouts' }))
  const closeLabel = t({ id: 'facilitation.breakout.closes', defaultMessage: 'Breakouts close' })
  const { notice, run } = useNotice()
  if (!breakout || !isBreakoutOpen(breakout, session.clock)) return null
  const mine = groups.find((g) => g.members.includes(me))
  const others = mine ? mine.members.filter((p) => p !== me).map((p) => names[p] ?? t(SOMEONE)) : []
  // A facilitator outside the groups gets one compact chip (the strip renders it in
  // its row, so the header stays one line); everyone in a group gets the banner.
  if (!mine && facilitates) {
    const counts = t(
      { id: 'facilitation.breakout.counts', defaultMessage: 'Breakouts: {groups, plural, one {# group} other {# groups}}, {people, plural, one {# person} other {# people}}' },
      { groups: groups.length, people: groups.reduce((n, g) => n + g.members.length, 0) },
    )
    return (
      <span className="fx-breakout-chip" role="group" aria-label={t({ id: 'facilitation.breakout.label', defaultMessage: 'Breakout' })} data-testid="fx-breakout">
        <span className="fx-breakout-text" title={counts}>
          {counts}
        </span>
        {breakout.closing && (
          <span className="fx-closing">
            {t({ id: 'facilitation.breakout.backIn', defaultMessage: '· back in {countdown}' }, { countdown: <Countdown ticking={ticking} label={closeLabel} /> })}
          </span>
        )}
        <button
          type="button"
          className="link-button"
          aria-label={t({ id: 'facilitation.breakout.manageLabel', defaultMessage: 'Manage breakouts' })}
          onClick={() => panelControl(session).chooseSection('agenda', 'breakouts')}
        >
          {t({ id: 'facilitation.breakout.manage', defaultMessage: 'Manage' })}
        </button>
        <Said text={ticking.said} />
      </span>
    )
  }

  return (
    <section className="fx-banner fx-breakout" aria-label={t({ id: 'facilitation.breakout.label', defaultMessage: 'Breakout' })} data-testid="fx-breakout">
      <div className="fx-breakout-main">
        {mine ? (
          <>
            <span>
              {others.length > 0
                ? t(
                    { id: 'facilitation.breakout.yourGroupWith', defaultMessage: 'Your group: <strong>{group}</strong> · with {others}' },
                    { group: mine.group.name, others: intl.formatList(others, { type: 'unit', style: 'short' }), strong: myGroup },
                  )
                : t({ id: 'facilitation.breakout.yourGroupAlone', defaultMessage: 'Your group: <strong>{group}</strong> · just you for now' }, { group: mine.group.name, strong: myGroup })}
            </span>
            {mine.group.prompt && (
              <span className="fx-prompt" data-testid="fx-group-prompt">
                {mine.group.prompt}
              </span>
            )}
            {mine.group.diagramId && (
              <button type="button" className="button" onClick={() => controller.openDiagram(mine.group.diagramId!)}>
                {t({ id: 'facilitation.breakout.openDiagram', defaultMessage: 'Open our diagram' })}
              </button>
            )}
          </>
        ) : breakout.mode === 'choice' ? (
          <span className="row wrap" role="group" aria-label={t({ id: 'facilitation.breakout.chooseLabel', defaultMessage: 'Choose a group' })}>
            <span>{t({ id: 'facilitation.breakout.choose', defaultMessage: 'Choose a group:' })}</span>
            {groups.map((g) => (
              <button key={g.group.id} type="button" className="button" disabled={g.members.length >= breakout.size} onClick={() => run(chooseGroup(doc, me, g.group.id, session.clock))}>
                {t({ id: 'facilitation.breakout.groupPlaces', defaultMessage: '{group} ({members}/{size})' }, { group: g.group.name, members: g.members.length, size: breakout.size })}
              </button>
            ))}
          </span>
        ) : (
          <span>{t({ id: 'facilitation.breakout.notPlaced', defaultMessage: 'You are not in a group yet: a facilitator will place you.' })}</span>
        )}
        {breakout.closing && (
          <span className="fx-closing">
            {t({ id: 'facilitation.breakout.backTogether', defaultMessage: 'Back together in {countdown}' }, { countdown: <Countdown ticking={ticking} label={closeLabel} /> })}
          </span>
        )}
        <Said text={ticking.said} />
      </div>
      {breakout.message && (
        <p className="fx-broadcast" role="status" aria-live="assertive" data-testid="fx-broadcast">
          <span className="fx-kicker">{t({ id: 'facilitation.breakout.fromFacilitators', defaultMessage: 'From the facilitators' })}</span> {breakout.message.text}
        </p>
      )}
      <Notice text={notice} />
    </section>
  )
}
