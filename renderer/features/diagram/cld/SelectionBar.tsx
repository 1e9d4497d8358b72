import type { ReactNode } from 'react'
import type { Polarity } from '../../../../shared/diagram'
import type { Message } from '../../../../shared/i18n'
import { useStore } from '../../../sync'
import { useT } from '../../../i18n'
import { cx, useCld } from './context'
import { startRename } from './keys'
import { LockIcon, lockSelection, type SetLock } from './LockBar'
import { StartVoteButton, diagramVariables } from '../../votes'
import { CommitField } from '../../../ui'

const POLARITY_BUTTONS: { value: Polarity; glyph: string; words: Message }[] = [
  { value: '+', glyph: '+', words: { id: 'diagram.selection.same', defaultMessage: 'Same direction' } },
  { value: '-', glyph: '−', words: { id: 'diagram.selection.opposite', defaultMessage: 'Opposite' } },
  { value: '?', glyph: '?', words: { id: 'diagram.selection.unknown', defaultMessage: 'Unknown' } },
]

const kbd = (chunks: ReactNode[]) => <kbd>{chunks}</kbd>

/** What can be done with the current selection (the same as the keys). */
export function SelectionBar(props: { onLock: SetLock; lockedRegions: readonly { variables: string[]; links: string[] }[] }) {
  const cld = useCld()
  const { variables, links } = useStore(cld.store.selection)
  const locked = useStore(cld.locked)
  const facilitating = useStore(cld.facilitating)
  const t = useT()
  useStore(cld.store.content)
  if (variables.length + links.length === 0) {
    return (
      <div className="dg-selection-bar muted">
        {t({ id: 'diagram.selection.hint', defaultMessage: 'Double-click the canvas or press N to add a variable. Drag from a variable’s dot onto another to link them.' })}
      </div>
    )
  }
  const label = (id: string) => cld.store.variables.get(id)?.label ?? '…'
  const selected = links.map((id) => cld.store.links.get(id)).filter((l) => l !== undefined)
  const all = <T,>(pick: (l: (typeof selected)[number]) => T, value: T) => selected.length > 0 && selected.every((l) => pick(l) === value)
  const lockedIds = new Set(props.lockedRegions.flatMap((r) => [...r.variables, ...r.links]))
  const touchesLock = [...variables, ...links].some((id) => lockedIds.has(id))
  const disabled = cld.readOnly || locked || touchesLock
  const lock = async (): Promise<void> => {
    const result = await lockSelection(props.onLock, cld.diagramId, variables, links)
    if (!result.ok) cld.notices.say(result)
    else cld.notices.tell(t({ id: 'diagram.selection.locked', defaultMessage: 'Locked: nobody can change these until a facilitator unlocks them.' }))
  }
  const variablePart =
    variables.length === 1 && links.length === 0
      ? `“${label(variables[0])}”`
      : variables.length > 1
        ? t({ id: 'diagram.selection.variables', defaultMessage: '{count, plural, one {# variable} other {# variables}}' }, { count: variables.length })
        : ''
  const linkPart =
    links.length === 1 && selected[0]
      ? `${label(selected[0].from)} → ${label(selected[0].to)}`
      : links.length > 1
        ? t({ id: 'diagram.selection.links', defaultMessage: '{count, plural, one {# link} other {# links}}' }, { count: links.length })
        : ''
  return (
    <div className="dg-selection-bar" role="group" aria-label={t({ id: 'diagram.selection.label', defaultMessage: 'Selection' })}>
      <span className="dg-selection-what">
        {variables.length > 0 && links.length > 0
          ? t({ id: 'diagram.selection.both', defaultMessage: '{variables} and {links}' }, { variables: variablePart, links: linkPart })
          : variablePart || linkPart}
      </span>
      {variables.length === 1 && links.length === 0 && (
        <>
          <button type="button" className="button quiet small" disabled={disabled} onClick={() => startRename(cld, variables[0])}>
            {t({ id: 'diagram.selection.rename', defaultMessage: 'Rename <kbd>F2</kbd>' }, { kbd })}
          </button>
          <button type="button" className="button quiet small" disabled={disabled} onClick={() => cld.linkFrom.set(variables[0])}>
            {t({ id: 'diagram.selection.linkTo', defaultMessage: 'Link to… <kbd>L</kbd>' }, { kbd })}
          </button>
        </>
      )}
      {links.length > 0 && variables.length === 0 && (
        <>
          <span className="dg-segmented" role="group" aria-label={t({ id: 'diagram.polarity', defaultMessage: 'Polarity' })}>
            {POLARITY_BUTTONS.map((p) => (
              <button
                key={p.value}
                type="button"
                className={cx('dg-segment', all((l) => l.polarity, p.value) && 'is-on')}
                aria-pressed={all((l) => l.polarity, p.value)}
                disabled={disabled}
                onClick={() => cld.actions.setPolarity(links, p.value)}
              >
                <span className="dg-segment-glyph" aria-hidden="true">
                  {p.glyph}
                </span>
                {t(p.words)}
              </button>
            ))}
          </span>
          <button type="button" className={cx('button quiet small', all((l) => l.delay, true) && 'is-on')} aria-pressed={all((l) => l.delay, true)} disabled={disabled} onClick={() => cld.actions.toggleDelay(links)}>
            {t({ id: 'diagram.selection.delay', defaultMessage: 'Delay <kbd>D</kbd>' }, { kbd })}
          </button>
          <span className="dg-segmented" role="group" aria-label={t({ id: 'diagram.selection.curve', defaultMessage: 'Curve' })}>
            <button
              type="button"
              className="dg-segment"
              disabled={disabled}
              onClick={() => cld.actions.bend(links, 0.1)}
              aria-label={t({ id: 'diagram.selection.bendOne', defaultMessage: 'Bend one way' })}
            >
              ↶
            </button>
            <button type="button" className="dg-segment" disabled={disabled} onClick={() => cld.actions.bend(links, 0, true)}>
              {t({ id: 'diagram.selection.straight', defaultMessage: 'Straight' })}
            </button>
            <button
              type="button"
              className="dg-segment"
              disabled={disabled}
              onClick={() => cld.actions.bend(links, -0.1)}
              aria-label={t({ id: 'diagram.selection.bendOther', defaultMessage: 'Bend the other way' })}
            >
              ↷
            </button>
          </span>
          {links.length === 1 && selected[0] && <LinkLabel key={links[0]} id={links[0]} value={selected[0].label ?? ''} />}
        </>
      )}
      {/* Facilitators only (the button hides itself for everyone else). */}
      {variables.length >= 2 && <StartVoteButton label={t({ id: 'diagram.selection.vote', defaultMessage: 'Vote on these' })} className="button quiet small" candidates={() => diagramVariables(cld.doc, cld.diagramId)} preselected={variables} />}
      {facilitating && !cld.readOnly && !locked && !touchesLock && (
        <button
          type="button"
          className="button quiet small"
          onClick={() => void lock()}
          title={t({ id: 'diagram.selection.lockTitle', defaultMessage: 'Nobody can change these until a facilitator unlocks them' })}
        >
          <LockIcon /> {t({ id: 'diagram.selection.lock', defaultMessage: 'Lock these' })}
        </button>
      )}
      {touchesLock && <span className="muted small">{t({ id: 'diagram.selection.isLocked', defaultMessage: 'Locked' })}</span>}
      <button type="button" className="button quiet small danger-text" disabled={disabled} onClick={() => cld.actions.remove(variables, links)}>
        {t({ id: 'diagram.selection.delete', defaultMessage: 'Delete <kbd>Del</kbd>' }, { kbd })}
      </button>
    </div>
  )
}

function LinkLabel(props: { id: string; value: string }) {
  const cld = useCld()
  const t = useT()
  return (
    <CommitField
      className="dg-link-label-input"
      aria-label={t({ id: 'diagram.selection.linkLabel', defaultMessage: 'Link label' })}
      placeholder={t({ id: 'diagram.selection.linkLabelHint', defaultMessage: 'Label (optional)' })}
      maxLength={80}
      readOnly={cld.readOnly}
      value={props.value}
      onCommit={(label) => cld.actions.setLinkLabel(props.id, label)}
    />
  )
}
