import { useState } from 'react'
import { appendSegments, type SegmentKind } from '../../../shared/facilitation'
import type { ConveningSession } from '../../sync'
import { KindSelect } from './KindSelect'
import { Notice, submitted, useNotice } from '../../ui'

/** A new segment at the end of the agenda. */
export function AddSegment(props: { session: ConveningSession }) {
  const { session } = props
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<SegmentKind>('conversation')
  const [minutes, setMinutes] = useState('10')
  const { notice, run } = useNotice()
  const add = (): void => {
    if (run(appendSegments(session.doc, session.me.id, [{ title, kind, minutes: Number(minutes) }]))) {
      setTitle('')
      document.getElementById('ag-new-title')?.focus()
    }
  }
  return (
    <form className="ag-add" aria-label="Add a segment" onSubmit={submitted(add)}>
      <label className="field grow" htmlFor="ag-new-title">
        <span>New segment</span>
        <input id="ag-new-title" value={title} placeholder="What happens in it" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field" htmlFor="ag-new-kind">
        <span>Kind</span>
        <KindSelect id="ag-new-kind" value={kind} onChange={setKind} />
      </label>
      <label className="field ag-add-minutes" htmlFor="ag-new-minutes">
        <span>Minutes</span>
        <input id="ag-new-minutes" type="number" min={1} max={480} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <button type="submit" className="button">
        Add segment
      </button>
      <Notice text={notice} />
    </form>
  )
}
