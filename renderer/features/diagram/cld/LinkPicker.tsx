import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Polarity } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { Dialog } from '../../../ui'
import { cx, useCld } from './context'

/** Linking without a mouse: pick the other end from a list (type to filter, arrows to move, Enter to link). */
export function LinkPicker() {
  const cld = useCld()
  const from = useStore(cld.linkFrom)
  const label = from ? (cld.store.variables.get(from)?.label ?? '…') : ''
  return (
    <Dialog title={`Link “${label}” to…`} open={from !== null} onClose={() => cld.linkFrom.set(null)}>
      {from && <PickerBody from={from} />}
    </Dialog>
  )
}

function PickerBody({ from }: { from: string }) {
  const cld = useCld()
  const listId = useId()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [polarity, setPolarity] = useState<Polarity>('+')
  const [delay, setDelay] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  // showModal() focuses the dialog's first button after React's autoFocus ran: take the focus back for typing.
  useEffect(() => {
    const frame = requestAnimationFrame(() => input.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [])
  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase()
    const linked = new Set(cld.store.linksOf(from).filter((l) => l.from === from).map((l) => l.to))
    return [...cld.store.variables.values()]
      .filter((v) => v.id !== from && (!q || v.label.toLowerCase().includes(q)))
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((v) => ({ ...v, linked: linked.has(v.id) }))
  }, [cld, from, query])
  const current = Math.min(active, Math.max(0, candidates.length - 1))

  const link = (to: string): void => {
    const id = cld.actions.link(from, to, { polarity, delay })
    if (!id) return
    cld.linkFrom.set(null)
    cld.store.setSelection([id])
    const word = polarity === '+' ? 'same direction' : polarity === '-' ? 'opposite direction' : 'unknown'
    cld.notices.tell(`Linked “${cld.store.variables.get(from)?.label}” to “${cld.store.variables.get(to)?.label}” (${word}). With the link selected, + − ? set its polarity and D a delay.`)
  }

  return (
    <div className="stack link-picker">
      <label className="field">
        <span>Variable to link to</span>
        <input
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={candidates[current] ? `${listId}-${candidates[current].id}` : undefined}
          aria-autocomplete="list"
          ref={input}
          value={query}
          placeholder="Type to filter"
          onChange={(event) => {
            setQuery(event.target.value)
            setActive(0)
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault()
              const step = event.key === 'ArrowDown' ? 1 : -1
              setActive(Math.max(0, Math.min(candidates.length - 1, current + step)))
            } else if (event.key === 'Enter' && candidates[current]) {
              event.preventDefault()
              link(candidates[current].id)
            }
          }}
        />
      </label>
      <ul className="dg-picker-list" id={listId} role="listbox" aria-label="Variables">
        {candidates.length === 0 && <li className="muted">No other variable matches.</li>}
        {candidates.map((v, i) => (
          <li
            key={v.id}
            id={`${listId}-${v.id}`}
            role="option"
            aria-selected={i === current}
            className={cx('dg-picker-option', i === current && 'is-active')}
            onPointerEnter={() => setActive(i)}
            onClick={() => link(v.id)}
          >
            {v.label}
            {v.linked && <span className="muted small"> · already linked</span>}
          </li>
        ))}
      </ul>
      <fieldset className="field">
        <legend>Polarity</legend>
        <div className="row wrap">
          {(
            [
              ['+', '+ Same direction'],
              ['-', '− Opposite direction'],
              ['?', '? Unknown'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="toggle">
              <input type="radio" name="link-polarity" checked={polarity === value} onChange={() => setPolarity(value)} />
              {text}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="toggle">
        <input type="checkbox" checked={delay} onChange={(event) => setDelay(event.target.checked)} />
        With a delay
      </label>
    </div>
  )
}
