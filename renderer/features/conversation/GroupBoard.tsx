import { useState } from 'react'
import { moveMember } from '../../../shared/conversation'
import type { Names } from './people'
import { useIntl } from '../../i18n'

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
  const intl = useIntl()
  const t = intl.formatMessage
  const groupName = (index: number): string => t({ id: 'conversation.groups.group', defaultMessage: 'Group {number}' }, { number: index + 1 })
  const move = (personId: string, to: number | 'new'): void => onChange(moveMember(groups, personId, to))

  return (
    <section className="stack" aria-labelledby="groups-heading">
      <div className="row wrap">
        <h3 id="groups-heading" className="grow">
          {t({ id: 'conversation.groups.heading', defaultMessage: 'Groups ({count})' }, { count: groups.length })}
        </h3>
        {editable && (
          <button type="button" className="button quiet" onClick={props.onShuffle}>
            {t({ id: 'conversation.groups.shuffle', defaultMessage: 'Make new groups' })}
          </button>
        )}
      </div>
      {unplaced.length > 0 && (
        <div className="row wrap cv-unplaced">
          <span className="grow">
            {t(
              { id: 'conversation.groups.unplaced', defaultMessage: 'Not in a group yet: {names}' },
              // A plain list of names ("Ann, Bob"): the unit style joins them without "and".
              { names: intl.formatList(unplaced.map((id) => names.name(id)), { type: 'unit', style: 'short' }) },
            )}
          </span>
          {editable && (
            <button type="button" className="button" onClick={props.onPlaceLatecomers}>
              {t({ id: 'conversation.groups.placeLatecomers', defaultMessage: 'Place them in groups' })}
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
              {groupName(index)}
              {group.includes(me) && <span className="muted"> {t({ id: 'conversation.groups.yours', defaultMessage: '(yours)' })}</span>}
            </h4>
            <ul className="cv-group-members" aria-label={groupName(index)}>
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
                    <select aria-label={t({ id: 'conversation.groups.moveTo', defaultMessage: 'Move {name} to' }, { name: names.name(id) })} value="" onChange={(e) => move(id, e.target.value === 'new' ? 'new' : Number(e.target.value))}>
                      <option value="">{t({ id: 'conversation.groups.movePick', defaultMessage: 'Move to…' })}</option>
                      {groups.map((_, to) =>
                        to === index ? null : (
                          <option key={to} value={to}>
                            {groupName(to)}
                          </option>
                        ),
                      )}
                      <option value="new">{t({ id: 'conversation.groups.new', defaultMessage: 'A new group' })}</option>
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
