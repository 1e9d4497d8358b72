import { useState } from 'react'
import { appendSegments, type SegmentKind } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { KindSelect } from './KindSelect'
import { Notice, submitted, useNotice } from '../../ui'
import { useT } from '../../i18n'

/** A new segment at the end of the agenda. */
export function AddSegment(props: { session: ConveningSession }) {
  const { session } = props
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<SegmentKind>('conversation')
  const [minutes, setMinutes] = useState('10')
  const { notice, run } = useNotice()
  const t = useT()
  const add = (): void => {
    if (run(appendSegments(session.doc, session.me.id, [{ title, kind, minutes: Number(minutes) }]))) {
      setTitle('')
      document.getElementById('ag-new-title')?.focus()
    }
  }
  return (
    <form className="ag-add" aria-label={t({ id: 'agenda.add.label', defaultMessage: 'Add a segment' })} onSubmit={submitted(add)}>
      <label className="field grow" htmlFor="ag-new-title">
        <span>{t({ id: 'agenda.add.title', defaultMessage: 'New segment' })}</span>
        <input id="ag-new-title" value={title} placeholder={t({ id: 'agenda.add.titlePlaceholder', defaultMessage: 'What happens in it' })} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-new-kind">
        <span>{t({ id: 'agenda.add.kind', defaultMessage: 'Kind' })}</span>
        <KindSelect id="ag-new-kind" value={kind} onChange={setKind} />
      </label>
      <label className="field ag-add-minutes" htmlFor="ag-new-minutes">
        <span>{t({ id: 'agenda.minutes', defaultMessage: 'Minutes' })}</span>
        <input id="ag-new-minutes" type="number" min={1} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <button type="submit" className="button">
        {t({ id: 'agenda.add.submit', defaultMessage: 'Add segment' })}
      </button>
      <Notice text={notice} />
    </form>
  )
}
