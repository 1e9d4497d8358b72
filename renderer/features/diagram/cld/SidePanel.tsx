import { useState } from 'react'
import { LoopsPanel } from './LoopsPanel'
import { TextView } from './TextView'

type Tab = 'loops' | 'text'

/** Beside the canvas: the loops, or the whole diagram in words. Folds away for more room. */
export function SidePanel(props: { title: string }) {
  const [tab, setTab] = useState<Tab>('loops')
  const [open, setOpen] = useState(true)
  if (!open) {
    return (
      <button type="button" className="dg-side-open button quiet small" onClick={() => setOpen(true)} aria-expanded="false">
        Loops and text ›
      </button>
    )
  }
  const tabs: [Tab, string][] = [
    ['loops', 'Loops'],
    ['text', 'Text'],
  ]
  return (
    <aside className="dg-side-panel" aria-label="Loops and text">
      <div className="dg-side-tabs" role="tablist" aria-label="Side panel">
        {tabs.map(([id, label]) => (
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
            {label}
          </button>
        ))}
        <span className="grow" />
        <button type="button" className="icon-button" aria-label="Fold the side panel away" aria-expanded="true" onClick={() => setOpen(false)}>
          ‹
        </button>
      </div>
      <div className="dg-side-body" role="tabpanel" id="side-tabpanel" aria-labelledby={`side-tab-${tab}`}>
        {tab === 'loops' ? <LoopsPanel /> : <TextView title={props.title} />}
      </div>
    </aside>
  )
}
