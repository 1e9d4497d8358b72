import { useStore } from '../../sync'
import type { PresenceHub } from './presence'

/** The other people on this diagram; following one keeps my view on theirs until I pan or zoom. */
export function FollowButtons(props: { hub: PresenceHub; diagramId: string; following: number | null; onFollow: (clientId: number | null) => void }) {
  const roster = useStore(props.hub.roster)
  const here = roster.filter((p) => p.diagramId === props.diagramId)
  if (here.length === 0) return null
  return (
    <span className="dg-follow-buttons" role="group" aria-label="People on this diagram">
      {here.map((p) => {
        const on = props.following === p.clientId
        return (
          <button
            key={p.clientId}
            type="button"
            className={on ? 'dg-follow-button is-on' : 'dg-follow-button'}
            aria-pressed={on}
            title={on ? `Stop following ${p.name}` : `Follow ${p.name}’s view`}
            onClick={() => props.onFollow(on ? null : p.clientId)}
          >
            <span className="swatch" style={{ background: p.colour }} aria-hidden="true" />
            {on ? `Following ${p.name}` : `Follow ${p.name}`}
          </button>
        )
      })}
    </span>
  )
}
