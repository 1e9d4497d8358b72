import { useState } from 'react'
import {
  broadcast,
  closeBreakout,
  groupsOf,
  moveToGroup,
  placeLateJoiners,
  readBreakout,
  setGroupPrompt,
  startClosing,
  type Breakout,
} from '../../../shared/facilitation'
import { canFacilitate } from '../../../shared/session'
import { sameJson, useNamesById, usePresentPeople, useY, type ConveningSession } from '../../sync'
import { runTypes, useController, useTicking } from '../facilitation'
import { Countdown, Notice, submitted, useNotice, CommitField } from '../../ui'
import { useIntl, useT } from '../../i18n'

/** Running breakouts, for facilitators: every group, moves, people who arrived late, a broadcast, the closing. */
export function RunningBreakout(props: { session: ConveningSession; breakout: Breakout; readOnly: boolean }) {
  const { session, breakout } = props
  const doc = session.doc
  const me = session.me.id
  const controller = useController(session)
  const groups = useY(runTypes(doc), () => {
    const b = readBreakout(doc)
    return b ? groupsOf(doc, b) : []
  }, sameJson)
  const names = useNamesById(session)
  const present = usePresentPeople(session)
  const placed = new Set(groups.flatMap((g) => g.members))
  const waiting = present.filter((p) => !placed.has(p.id) && !canFacilitate(doc, p.id))
  const t = useT()
  const intl = useIntl()
  const closeLabel = t({ id: 'agenda.running.closes', defaultMessage: 'Breakouts close' })
  const ticking = useTicking(session, breakout.closing, closeLabel, { bell: false })
  const someone = t({ id: 'agenda.someone', defaultMessage: 'Someone' })
  const [message, setMessage] = useState('')
  const { notice, run } = useNotice()

  return (
    <div className="stack">
      <div className="row wrap ag-breakout-head">
        <h3 className="grow">
          {t(
            {
              id: 'agenda.running.heading',
              defaultMessage: 'Breakouts are open: {count, plural, one {# group} other {# groups}} ({mode, select, choice {people choose} random {formed at random} other {formed by hand}})',
            },
            { count: groups.length, mode: breakout.mode },
          )}
        </h3>
        {breakout.closing ? (
          <span className="row">
            {t(
              { id: 'agenda.running.comesBack', defaultMessage: 'Everyone comes back in {countdown}' },
              { countdown: <Countdown ticking={ticking} label={closeLabel} /> },
            )}
          </span>
        ) : (
          <span className="row wrap" role="group" aria-label={t({ id: 'agenda.running.closeWith', defaultMessage: 'Close with a countdown' })}>
            {[30, 60, 120].map((s) => (
              <button key={s} type="button" className="button" onClick={() => run(startClosing(doc, me, s * 1000, session.clock))}>
                {s < 60
                  ? t({ id: 'agenda.running.closeInSeconds', defaultMessage: 'Close in {seconds} s' }, { seconds: s })
                  : t({ id: 'agenda.running.closeInMinutes', defaultMessage: 'Close in {minutes} min' }, { minutes: s / 60 })}
              </button>
            ))}
          </span>
        )}
        <button type="button" className="button danger" onClick={() => run(closeBreakout(doc, me, session.clock))}>
          {t({ id: 'agenda.running.closeNow', defaultMessage: 'Close breakouts now' })}
        </button>
      </div>
      <form className="row wrap ag-broadcast" aria-label={t({ id: 'agenda.running.broadcast', defaultMessage: 'Broadcast to the groups' })} onSubmit={submitted(() => run(broadcast(doc, me, message, session.clock)) && setMessage(''))}>
        <label className="field grow" htmlFor="ag-broadcast">
          <span>{t({ id: 'agenda.running.message', defaultMessage: 'Message to every group' })}</span>
          <input id="ag-broadcast" value={message} maxLength={300} placeholder={t({ id: 'agenda.running.messagePlaceholder', defaultMessage: 'Five minutes left: choose one loop to bring back' })} onChange={(e) => setMessage(e.target.value)} />
        </label>
        <button type="submit" className="button">
          {t({ id: 'agenda.running.send', defaultMessage: 'Send to all groups' })}
        </button>
      </form>
      {breakout.message && <p className="muted small">{t({ id: 'agenda.running.lastMessage', defaultMessage: 'Last message: “{text}”' }, { text: breakout.message.text })}</p>}
      <Notice text={notice} />
      {waiting.length > 0 && (
        <div className="banner-inline row wrap" role="status">
          <span className="grow">
            {t({ id: 'agenda.running.waiting', defaultMessage: 'Not in a group: {names}.' }, { names: intl.formatList(waiting.map((p) => p.name), { type: 'unit', style: 'short' }) })}
          </span>
          <button type="button" className="button" onClick={() => run(placeLateJoiners(doc, me, waiting.map((p) => p.id), session.clock))}>
            {t({ id: 'agenda.running.place', defaultMessage: 'Place them in the smallest groups' })}
          </button>
        </div>
      )}
      <ul className="ag-groups" aria-label={t({ id: 'agenda.groups', defaultMessage: 'Groups' })}>
        {groups.map(({ group, members }) => (
          <li key={group.id} className="ag-group card">
            <div className="row">
              <h4 className="grow">
                {group.name}{' '}
                <span className="muted small">
                  {breakout.mode === 'choice'
                    ? t({ id: 'agenda.running.places', defaultMessage: '({count} of {size} places)' }, { count: members.length, size: breakout.size })
                    : t({ id: 'agenda.running.people', defaultMessage: '({count, plural, one {# person} other {# people}})' }, { count: members.length })}
                </span>
              </h4>
              {group.diagramId && controller && (
                <button type="button" className="button small-button" onClick={() => controller.openDiagram(group.diagramId!)}>
                  {t(
                    { id: 'agenda.running.visit', defaultMessage: 'Visit diagram<hidden> of {name}</hidden>' },
                    { name: group.name, hidden: (chunks) => <span className="sr-only">{chunks}</span> },
                  )}
                </button>
              )}
            </div>
            <ul className="ag-members" aria-label={t({ id: 'agenda.running.members', defaultMessage: 'Members of {name}' }, { name: group.name })}>
              {members.map((p) => (
                <li key={p} className="row">
                  <span className="grow">{names[p] ?? someone}</span>
                  <label className="sr-only" htmlFor={`ag-move-${p}`}>
                    {t({ id: 'agenda.running.moveTo', defaultMessage: 'Move {name} to' }, { name: names[p] ?? t({ id: 'agenda.running.thisPerson', defaultMessage: 'this person' }) })}
                  </label>
                  <select id={`ag-move-${p}`} value={group.id} onChange={(e) => run(moveToGroup(doc, me, p, e.target.value || null, session.clock))}>
                    {groups.map((g) => (
                      <option key={g.group.id} value={g.group.id}>
                        {g.group.name}
                      </option>
                    ))}
                    {!breakout.autoPlace && <option value="">{t({ id: 'agenda.running.noGroup', defaultMessage: 'No group' })}</option>}
                  </select>
                </li>
              ))}
              {members.length === 0 && <li className="muted">{t({ id: 'agenda.running.nobody', defaultMessage: 'Nobody yet.' })}</li>}
            </ul>
            <span className="ag-field ag-group-prompt">
              <CommitField aria-label={t({ id: 'agenda.running.promptFor', defaultMessage: 'Prompt for {name}' }, { name: group.name })} multiline value={group.prompt} placeholder={t({ id: 'agenda.running.promptPlaceholder', defaultMessage: 'Prompt for this group' })} onCommit={(text) => run(setGroupPrompt(doc, me, group.id, text, session.clock))} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
