import { useRef, useState } from 'react'
import { useStore } from '../../../sync'
import { focusVariable, useCld } from './context'
import { useT } from '../../../i18n'

/**
 * The field for a variable that does not exist yet: typing a name and pressing Enter
 * creates it (and its link, when a link was dropped on empty canvas) in one write;
 * Escape, or leaving it empty, creates nothing.
 */
export function DraftVariable() {
  const cld = useCld()
  const draft = useStore(cld.draft)
  if (!draft) return null
  return <DraftField key={`${draft.at.x},${draft.at.y},${draft.from ?? ''}`} />
}

function DraftField() {
  const cld = useCld()
  const draft = cld.draft.get()!
  const [value, setValue] = useState('')
  const t = useT()
  const done = useRef(false)
  const finish = (commit: boolean): void => {
    if (done.current) return
    done.current = true
    cld.draft.set(null)
    const label = value.trim()
    if (!commit || !label) return
    if (draft.from) {
      const made = cld.actions.addLinkedVariable(draft.from, label, draft.at)
      if (made) {
        cld.store.setSelection([made.variable])
        focusVariable(made.variable)
      }
    } else {
      const id = cld.actions.addVariable(label, draft.at)
      if (id) {
        cld.store.setSelection([id])
        focusVariable(id)
      }
    }
  }
  return (
    <div className="dg-draft-variable" style={{ transform: `translate(${draft.at.x}px, ${draft.at.y}px) translate(-50%, -50%)` }}>
      <input
        className="nodrag nopan nowheel"
        aria-label={
          draft.from
            ? t({ id: 'diagram.draft.linkedLabel', defaultMessage: 'Name of the new variable to link to' })
            : t({ id: 'diagram.draft.label', defaultMessage: 'Name of the new variable' })
        }
        placeholder={t({ id: 'diagram.draft.placeholder', defaultMessage: 'Name the variable' })}
        value={value}
        maxLength={200}
        autoFocus
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation()
          if (event.key === 'Enter') {
            event.preventDefault()
            finish(true)
          } else if (event.key === 'Escape') {
            event.preventDefault()
            finish(false)
            document.querySelector<HTMLElement>('.cld-canvas')?.focus()
          }
        }}
        onBlur={() => finish(true)}
      />
    </div>
  )
}
