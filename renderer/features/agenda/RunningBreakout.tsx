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
import { plural, Countdown, Notice, submitted, useNotice, CommitField } from '../../ui'

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
  const ticking = useTicking(session, breakout.closing, 'Breakouts close', { bell: false })
  const [message, setMessage] = useState('')
  const { notice, run } = useNotice()

  return (
    <div className="stack">
      <div className="row wrap ag-breakout-head">
        <h3 className="grow">
          Breakouts are open: {plural(groups.length, 'group')} ({breakout.mode === 'choice' ? 'people choose' : breakout.mode === 'random' ? 'formed at random' : 'formed by hand'})
        </h3>
        {breakout.closing ? (
          <span className="row">
            Everyone comes back in <Countdown ticking={ticking} label="Breakouts close" />
          </span>
        ) : (
          <span className="row wrap" role="group" aria-label="Close with a countdown">
            {[30, 60, 120].map((s) => (
              <button key={s} type="button" className="button" onClick={() => run(startClosing(doc, me, s * 1000, session.clock))}>
                Close in {s < 60 ? `${s} s` : `${s / 60} min`}
              </button>
            ))}
          </span>
        )}
        <button type="button" className="button danger" onClick={() => run(closeBreakout(doc, me, session.clock))}>
          Close breakouts now
        </button>
      </div>
      <form className="row wrap ag-broadcast" aria-label="Broadcast to the groups" onSubmit={submitted(() => run(broadcast(doc, me, message, session.clock)) && setMessage(''))}>
        <label className="field grow" htmlFor="ag-broadcast">
          <span>Message to every group</span>
          <input id="ag-broadcast" value={message} maxLength={300} placeholder="Five minutes left: choose one loop to bring back" onChange={(e) => setMessage(e.target.value)} />
        </label>
        <button type="submit" className="button">
          Send to all groups
        </button>
      </form>
      {breakout.message && <p className="muted small">Last message: “{breakout.message.text}”</p>}
      <Notice text={notice} />
      {waiting.length > 0 && (
        <div className="banner-inline row wrap" role="status">
          <span className="grow">Not in a group: {waiting.map((p) => p.name).join(', ')}.</span>
          <button type="button" className="button" onClick={() => run(placeLateJoiners(doc, me, waiting.map((p) => p.id), session.clock))}>
            Place them in the smallest groups
          </button>
        </div>
      )}
      <ul className="ag-groups" aria-label="Groups">
        {groups.map(({ group, members }) => (
          <li key={group.id} className="ag-group card">
            <div className="row">
              <h4 className="grow">
                {group.name}{' '}
                <span className="muted small">({breakout.mode === 'choice' ? `${members.length} of ${breakout.size} places` : plural(members.length, 'person', 'people')})</span>
              </h4>
              {group.diagramId && controller && (
                <button type="button" className="button small-button" onClick={() => controller.openDiagram(group.diagramId!)}>
                  Visit diagram<span className="sr-only"> of {group.name}</span>
                </button>
              )}
            </div>
            <ul className="ag-members" aria-label={`Members of ${group.name}`}>
              {members.map((p) => (
                <li key={p} className="row">
                  <span className="grow">{names[p] ?? 'Someone'}</span>
                  <label className="sr-only" htmlFor={`ag-move-${p}`}>
                    Move {names[p] ?? 'this person'} to
                  </label>
                  <select id={`ag-move-${p}`} value={group.id} onChange={(e) => run(moveToGroup(doc, me, p, e.target.value || null, session.clock))}>
                    {groups.map((g) => (
                      <option key={g.group.id} value={g.group.id}>
                        {g.group.name}
                      </option>
                    ))}
                    {!breakout.autoPlace && <option value="">No group</option>}
                  </select>
                </li>
              ))}
              {members.length === 0 && <li className="muted">Nobody yet.</li>}
            </ul>
            <span className="ag-field ag-group-prompt">
              <CommitField aria-label={`Prompt for ${group.name}`} multiline value={group.prompt} placeholder="Prompt for this group" onCommit={(text) => run(setGroupPrompt(doc, me, group.id, text, session.clock))} />
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
