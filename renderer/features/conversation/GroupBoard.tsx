import { useState } from 'react'
import { moveMember } from '../../../shared/conversation'
import type { Names } from './people'

/**
 * The groups of a stage. Facilitators move people by dragging a name onto another
 * group, or (from the keyboard) with each name's "Move to" list.
 */
export function GroupBoard(props: {
  groups: readonly (readonly string[])[]
  names: Names
  me: string
  editable: boolean
  unplaced: readonly string[]
  onChange: (groups: string[][]) => void
  onPlaceLatecomers: () => void
  onShuffle: () => void
}) {
  const { groups, names, me, editable, unplaced, onChange } = props
  const [dragging, setDragging] = useState<string | null>(null)
  const [over, setOver] = useState<number | null>(null)
  const move = (personId: string, to: number | 'new'): void => onChange(moveMember(groups, personId, to))

  return (
    <section className="stack" aria-labelledby="groups-heading">
      <div className="row wrap">
        <h3 id="groups-heading" className="grow">
          Groups ({groups.length})
        </h3>
        {editable && (
          <button type="button" className="button quiet" onClick={props.onShuffle}>
            Make new groups
          </button>
        )}
      </div>
      {unplaced.length > 0 && (
        <div className="row wrap cv-unplaced">
          <span className="grow">Not in a group yet: {unplaced.map((id) => names.name(id)).join(', ')}</span>
          {editable && (
            <button type="button" className="button" onClick={props.onPlaceLatecomers}>
              Place them in groups
            </button>
          )}
        </div>
      )}
      <ul className="cv-group-grid">
        {groups.map((group, index) => (
          <li
            key={index}
            className={`cv-group-card${group.includes(me) ? ' cv-group-mine' : ''}${over === index ? ' cv-group-over' : ''}`}
            onDragOver={editable ? (e) => (e.preventDefault(), setOver(index)) : undefined}
            onDragLeave={editable ? () => setOver(null) : undefined}
            onDrop={
              editable
                ? (e) => {
                    e.preventDefault()
                    setOver(null)
                    if (dragging) move(dragging, index)
                    setDragging(null)
                  }
                : undefined
            }
          >
            <h4 className="cv-group-title">
              Group {index + 1}
              {group.includes(me) && <span className="muted"> (yours)</span>}
            </h4>
            <ul className="cv-group-members" aria-label={`Group ${index + 1}`}>
              {group.map((id) => (
                <li
                  key={id}
                  className="cv-group-member row"
                  draggable={editable}
                  onDragStart={editable ? (e) => (e.dataTransfer.setData('text/plain', id), setDragging(id)) : undefined}
                  onDragEnd={() => setDragging(null)}
                >
                  <span className="swatch" style={{ background: names.colour(id) }} aria-hidden="true" />
                  <span className="grow">{names.name(id)}</span>
                  {editable && (
                    <select aria-label={`Move ${names.name(id)} to`} value="" onChange={(e) => move(id, e.target.value === 'new' ? 'new' : Number(e.target.value))}>
                      <option value="">Move to…</option>
                      {groups.map((_, to) =>
                        to === index ? null : (
                          <option key={to} value={to}>
                            Group {to + 1}
                          </option>
                        ),
                      )}
                      <option value="new">A new group</option>
                    </select>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
