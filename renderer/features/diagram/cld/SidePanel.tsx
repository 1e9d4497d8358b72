import { useEffect, useState } from 'react'
import { SIDE_WIDTH, atLeast, setLayout, useBreakpoint, useLayout, Icon, Splitter } from '../../../ui'
import { LoopsPanel } from './LoopsPanel'
import { TextView } from './TextView'
import { useT } from '../../../i18n'
import type { Message } from '../../../../shared/i18n'

type Tab = 'loops' | 'text'

const TABS: [Tab, Message][] = [
  ['loops', { id: 'diagram.side.loops', defaultMessage: 'Loops' }],
  ['text', { id: 'diagram.side.text', defaultMessage: 'Text' }],
]
const PANEL_NAME: Message = { id: 'diagram.side.name', defaultMessage: 'Loops and text' }
const FOLD: Message = { id: 'diagram.side.fold', defaultMessage: 'Fold the side panel away' }

/**
 * Beside the canvas: the loops, or the whole diagram in words. It folds away and
 * resizes; whether it is open and how wide is this person's own (ui/layout.ts). In
 * focus mode and on a small screen it starts folded, and opening it there lasts until
 * the mode or the screen changes (the choice kept is the one made with room to spare).
 */
export function SidePanel(props: { title: string }) {
  const [tab, setTab] = useState<Tab>('loops')
  const t = useT()
  const layout = useLayout()
  const small = !atLeast(useBreakpoint(), 'laptop')
  const [peek, setPeek] = useState<boolean | null>(null)
  useEffect(() => setPeek(null), [layout.focus, small])
  const kept = !layout.focus && !small
  const open = peek ?? (kept ? layout.sideOpen : false)
  const setOpen = (next: boolean): void => {
    if (kept) setLayout({ sideOpen: next })
    setPeek(kept ? null : next)
  }
  if (!open) {
    return (
      <button type="button" className="dg-side-open button quiet small" onClick={() => setOpen(true)} aria-expanded="false" aria-controls="dg-side-panel">
        <Icon name="foldLeft" size={18} />
        <span>{t(PANEL_NAME)}</span>
      </button>
    )
  }
  return (
    <aside className="dg-side-panel" id="dg-side-panel" aria-label={t(PANEL_NAME)} style={{ width: layout.sideWidth }}>
      <Splitter label={t({ id: 'diagram.side.width', defaultMessage: 'Width of the loops and text panel' })} width={layout.sideWidth} min={SIDE_WIDTH.min} max={SIDE_WIDTH.max} controls="dg-side-panel" onWidth={(sideWidth) => setLayout({ sideWidth })} />
      {/* The tabs and the fold button share a row; only the tabs are in the tablist (ARIA: a tablist holds tabs). */}
      <div className="dg-side-tabs">
        <div className="dg-side-tablist" role="tablist" aria-label={t({ id: 'diagram.side.tabs', defaultMessage: 'Side panel' })}>
        {TABS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`side-tab-${id}`}
            aria-selected={tab === id}
            aria-controls="side-tabpanel"
            tabIndex={tab === id ? 0 : -1}
            className="dg-side-tab"
            onClick={() => setTab(id)}
            onKeyDown={(event) => {
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') setTab(tab === 'loops' ? 'text' : 'loops')
            }}
          >
            {t(label)}
          </button>
        ))}
        </div>
        <span className="grow" />
        <button type="button" className="icon-button dg-side-fold" aria-label={t(FOLD)} title={t(FOLD)} aria-expanded="true" aria-controls="dg-side-panel" onClick={() => setOpen(false)}>
          <Icon name="foldRight" />
        </button>
      </div>
      <div className="dg-side-body" role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'loops' ? <LoopsPanel /> : <TextView title={props.title} />}
      </div>
    </aside>
  )
}
