import { useStore } from '../../sync'
import type { PresenceHub } from './presence'
import { useT } from '../../i18n'

/** The other people on this diagram; following one keeps my view on theirs until I pan or zoom. */
export function FollowButtons(props: { hub: PresenceHub; diagramId: string; following: number | null; onFollow: (clientId: number | null) => void }) {
  const roster = useStore(props.hub.roster)
  const t = useT()
  const here = roster.filter((p) => p.diagramId === props.diagramId)
  if (here.length === 0) return null
  return (
    <span className="dg-follow-buttons" role="group" aria-label={t({ id: 'diagram.follow.people', defaultMessage: 'People on this diagram' })}>
      {here.map((p) => {
        const on = props.following === p.clientId
        return (
          <button
            key={p.clientId}
            type="button"
            className={on ? 'dg-follow-button is-on' : 'dg-follow-button'}
            aria-pressed={on}
            title={
              on
                ? t({ id: 'diagram.follow.stopTitle', defaultMessage: 'Stop following {name}' }, { name: p.name })
                : t({ id: 'diagram.follow.startTitle', defaultMessage: 'Follow {name}’s view' }, { name: p.name })
            }
            onClick={() => props.onFollow(on ? null : p.clientId)}
          >
            <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
            {on
              ? t({ id: 'diagram.follow.following', defaultMessage: 'Following {name}' }, { name: p.name })
              : t({ id: 'diagram.follow.follow', defaultMessage: 'Follow {name}' }, { name: p.name })}
          </button>
        )
      })}
    </span>
  )
}
