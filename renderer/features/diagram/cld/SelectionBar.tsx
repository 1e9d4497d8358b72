import type { Polarity } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { cx, useCld } from './context'
import { startRename } from './keys'
import { LockIcon, lockSelection, type SetLock } from './LockBar'
import { StartVoteButton, diagramVariables } from '../../votes'
import { CommitField } from '../../../ui'

const POLARITY_BUTTONS: { value: Polarity; glyph: string; words: string }[] = [
  { value: '+', glyph: '+', words: 'Same direction' },
  { value: '-', glyph: '−', words: 'Opposite' },
  { value: '?', glyph: '?', words: 'Unknown' },
]

/** What can be done with the current selection (the same as the keys). */
export function SelectionBar(props: { onLock: SetLock; lockedRegions: readonly { variables: string[]; links: string[] }[] }) {
  const cld = useCld()
  const { variables, links } = useStore(cld.store.selection)
  const locked = useStore(cld.locked)
  const facilitating = useStore(cld.facilitating)
  useStore(cld.store.content)
  if (variables.length + links.length === 0) {
    return (
      <div className="dg-selection-bar muted">
        Double-click the canvas or press N to add a variable. Drag from a variable’s dot onto another to link them.
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
    if (!result.ok) cld.notices.say(result.message)
    else cld.notices.tell('Locked: nobody can change these until a facilitator unlocks them.')
  }
  return (
    <div className="dg-selection-bar" role="group" aria-label="Selection">
      <span className="dg-selection-what">
        {variables.length === 1 && links.length === 0 && `“${label(variables[0])}”`}
        {variables.length > 1 && `${variables.length} variables`}
        {variables.length > 0 && links.length > 0 && ' and '}
        {links.length === 1 && selected[0] && `${label(selected[0].from)} → ${label(selected[0].to)}`}
        {links.length > 1 && `${links.length} links`}
      </span>
      {variables.length === 1 && links.length === 0 && (
        <>
          <button type="button" className="button quiet small" disabled={disabled} onClick={() => startRename(cld, variables[0])}>
            Rename <kbd>F2</kbd>
          </button>
          <button type="button" className="button quiet small" disabled={disabled} onClick={() => cld.linkFrom.set(variables[0])}>
            Link to… <kbd>L</kbd>
          </button>
        </>
      )}
      {links.length > 0 && variables.length === 0 && (
        <>
          <span className="dg-segmented" role="group" aria-label="Polarity">
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
                {p.words}
              </button>
            ))}
          </span>
          <button type="button" className={cx('button quiet small', all((l) => l.delay, true) && 'is-on')} aria-pressed={all((l) => l.delay, true)} disabled={disabled} onClick={() => cld.actions.toggleDelay(links)}>
            Delay <kbd>D</kbd>
          </button>
          <span className="dg-segmented" role="group" aria-label="Curve">
            <button type="button" className="dg-segment" disabled={disabled} onClick={() => cld.actions.bend(links, 0.1)} aria-label="Bend one way">
              ↶
            </button>
            <button type="button" className="dg-segment" disabled={disabled} onClick={() => cld.actions.bend(links, 0, true)}>
              Straight
            </button>
            <button type="button" className="dg-segment" disabled={disabled} onClick={() => cld.actions.bend(links, -0.1)} aria-label="Bend the other way">
              ↷
            </button>
          </span>
          {links.length === 1 && selected[0] && <LinkLabel key={links[0]} id={links[0]} value={selected[0].label ?? ''} />}
        </>
      )}
      {/* Facilitators only (the button hides itself for everyone else). */}
      {variables.length >= 2 && <StartVoteButton label="Vote on these" className="button quiet small" candidates={() => diagramVariables(cld.doc, cld.diagramId)} preselected={variables} />}
      {facilitating && !cld.readOnly && !locked && !touchesLock && (
        <button type="button" className="button quiet small" onClick={() => void lock()} title="Nobody can change these until a facilitator unlocks them">
          <LockIcon /> Lock these
        </button>
      )}
      {touchesLock && <span className="muted small">Locked</span>}
      <button type="button" className="button quiet small danger-text" disabled={disabled} onClick={() => cld.actions.remove(variables, links)}>
        Delete <kbd>Del</kbd>
      </button>
    </div>
  )
}

function LinkLabel(props: { id: string; value: string }) {
  const cld = useCld()
  return (
    <CommitField
      className="dg-link-label-input"
      aria-label="Link label"
      placeholder="Label (optional)"
      maxLength={80}
      readOnly={cld.readOnly}
      value={props.value}
      onCommit={(label) => cld.actions.setLinkLabel(props.id, label)}
    />
  )
}
