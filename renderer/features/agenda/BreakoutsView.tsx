import { groupsOf, isBreakoutOpen, readBreakout } from '../../../shared/facilitation'
import { sameJson, useNamesById, useY, type ConveningSession } from '../../sync'
import { runTypes, useController } from '../facilitation'
import { BreakoutSetup } from './BreakoutSetup'
import { RunningBreakout } from './RunningBreakout'
import { useNow } from '../../ui'
import { useT } from '../../i18n'

/**
 * Breakouts in the agenda panel: facilitators set them up, run them and see every
 * group; everyone else sees their own group, its members and its prompt.
 */
export function BreakoutsView(props: { session: ConveningSession; readOnly: boolean; facilitates: boolean }) {
  const { session, readOnly, facilitates } = props
  const doc = session.doc
  const breakout = useY(runTypes(doc), () => readBreakout(doc), sameJson)
  const closingRuns = breakout?.closing?.startedAt != null
  useNow(session.clock, closingRuns, 1000)
  const open = isBreakoutOpen(breakout, session.clock)
  const t = useT()

  if (open && breakout && facilitates) return <RunningBreakout session={session} breakout={breakout} readOnly={readOnly} />
  if (open && breakout) return <MyGroup session={session} />
  return (
    <div className="stack">
      {breakout && (
        <p className="muted" data-testid="ag-last-breakout">
          {breakout.groups.some((g) => g.diagramId)
            ? t(
                { id: 'agenda.breakouts.lastWithDiagrams', defaultMessage: 'The last breakout had {count, plural, one {# group} other {# groups}}. Their diagrams are in the Diagrams panel.' },
                { count: breakout.groups.length },
              )
            : t({ id: 'agenda.breakouts.last', defaultMessage: 'The last breakout had {count, plural, one {# group} other {# groups}}.' }, { count: breakout.groups.length })}
        </p>
      )}
      {facilitates && !readOnly ? <BreakoutSetup session={session} /> : <p>{t({ id: 'agenda.breakouts.none', defaultMessage: 'No breakouts are open. When the facilitators open them, your group and its prompt show here and above.' })}</p>}
    </div>
  )
}

function MyGroup(props: { session: ConveningSession }) {
  const { session } = props
  const doc = session.doc
  const me = session.me.id
  const controller = useController(session)
  const mine = useY(runTypes(doc), () => {
    const b = readBreakout(doc)
    return b ? (groupsOf(doc, b).find((g) => g.members.includes(me)) ?? null) : null
  }, sameJson)
  const names = useNamesById(session)
  const t = useT()
  if (!mine) return <p>{t({ id: 'agenda.myGroup.none', defaultMessage: 'You are not in a group yet. A facilitator will place you, or choose a group above if the facilitators let people choose.' })}</p>
  return (
    <section className="ag-group card stack" aria-labelledby="ag-my-group">
      <h3 id="ag-my-group">{t({ id: 'agenda.myGroup.heading', defaultMessage: 'Your group: {name}' }, { name: mine.group.name })}</h3>
      <ul className="ag-members" aria-label={t({ id: 'agenda.myGroup.members', defaultMessage: 'Members of your group' })}>
        {mine.members.map((p) => (
          <li key={p}>
            {names[p] ?? t({ id: 'agenda.someone', defaultMessage: 'Someone' })}
            {p === me && <span className="muted"> {t({ id: 'agenda.you', defaultMessage: '(you)' })}</span>}
          </li>
        ))}
      </ul>
      {mine.group.prompt && <blockquote className="ag-prompt">{mine.group.prompt}</blockquote>}
      {mine.group.diagramId && controller && (
        <div>
          <button type="button" className="button primary" onClick={() => controller.openDiagram(mine.group.diagramId!)}>
            {t({ id: 'agenda.myGroup.openDiagram', defaultMessage: 'Open our diagram' })}
          </button>
        </div>
      )}
    </section>
  )
}
