import { useId, useMemo, useRef, useState } from 'react'
import type { Polarity } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { Dialog } from '../../../ui'
import { cx, useCld } from './context'
import { useIntl, useT } from '../../../i18n'
import type { Message } from '../../../../shared/i18n'
import { polarityKey } from '../words'

const POLARITY_OPTIONS: [Polarity, Message][] = [
  ['+', { id: 'diagram.linkPicker.same', defaultMessage: '+ Same direction' }],
  ['-', { id: 'diagram.linkPicker.opposite', defaultMessage: '− Opposite direction' }],
  ['?', { id: 'diagram.linkPicker.unknown', defaultMessage: '? Unknown' }],
]

/** Linking without a mouse: pick the other end from a list (type to filter, arrows to move, Enter to link). */
export function LinkPicker() {
  const cld = useCld()
  const from = useStore(cld.linkFrom)
  const t = useT()
  const label = from ? (cld.store.variables.get(from)?.label ?? '…') : ''
  return (
    <Dialog title={t({ id: 'diagram.linkPicker.title', defaultMessage: 'Link “{label}” to…' }, { label })} open={from !== null} onClose={() => cld.linkFrom.set(null)}>
      {from && <PickerBody from={from} />}
    </Dialog>
  )
}

function PickerBody({ from }: { from: string }) {
  const cld = useCld()
  const listId = useId()
  const t = useT()
  const { locale } = useIntl()
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const [polarity, setPolarity] = useState<Polarity>('+')
  const [delay, setDelay] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase()
    const linked = new Set(cld.store.linksOf(from).filter((l) => l.from === from).map((l) => l.to))
    return [...cld.store.variables.values()]
      .filter((v) => v.id !== from && (!q || v.label.toLowerCase().includes(q)))
      .sort((a, b) => a.label.localeCompare(b.label, locale))
      .map((v) => ({ ...v, linked: linked.has(v.id) }))
  }, [cld, from, query, locale])
  const current = Math.min(active, Math.max(0, candidates.length - 1))

  const link = (to: string): void => {
    const id = cld.actions.link(from, to, { polarity, delay })
    if (!id) return
    cld.linkFrom.set(null)
    cld.store.setSelection([id])
    cld.notices.tell(
      t(
        {
          id: 'diagram.linkPicker.linked',
          defaultMessage:
            'Linked “{from}” to “{to}” ({polarity, select, plus {same direction} minus {opposite direction} other {unknown}}). With the link selected, + − ? set its polarity and D a delay.',
        },
        { from: cld.store.variables.get(from)?.label ?? '', to: cld.store.variables.get(to)?.label ?? '', polarity: polarityKey(polarity) },
      ),
    )
  }

  return (
    <div className="stack link-picker">
      <label className="field">
        <span>{t({ id: 'diagram.linkPicker.field', defaultMessage: 'Variable to link to' })}</span>
        <input
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={candidates[current] ? `${listId}-${candidates[current].id}` : undefined}
          aria-autocomplete="list"
          ref={input}
          data-autofocus
          value={query}
          placeholder={t({ id: 'diagram.linkPicker.filter', defaultMessage: 'Type to filter' })}
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
      <ul className="dg-picker-list" id={listId} role="listbox" aria-label={t({ id: 'diagram.linkPicker.list', defaultMessage: 'Variables' })}>
        {candidates.length === 0 && <li className="muted">{t({ id: 'diagram.linkPicker.none', defaultMessage: 'No other variable matches.' })}</li>}
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
            {v.linked && <span className="muted small"> · {t({ id: 'diagram.linkPicker.linkedAlready', defaultMessage: 'already linked' })}</span>}
          </li>
        ))}
      </ul>
      <fieldset className="field">
        <legend>{t({ id: 'diagram.polarity', defaultMessage: 'Polarity' })}</legend>
        <div className="row wrap">
          {POLARITY_OPTIONS.map(([value, text]) => (
            <label key={value} className="toggle">
              <input type="radio" name="link-polarity" checked={polarity === value} onChange={() => setPolarity(value)} />
              {t(text)}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="toggle">
        <input type="checkbox" checked={delay} onChange={(event) => setDelay(event.target.checked)} />
        {t({ id: 'diagram.linkPicker.delay', defaultMessage: 'With a delay' })}
      </label>
    </div>
  )
}
