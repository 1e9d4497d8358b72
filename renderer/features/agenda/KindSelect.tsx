import { SEGMENT_KINDS, type SegmentKind } from '../../../shared/facilitation'
import { useT } from '../../i18n'
import { KIND } from './format'

/** The kinds of segment, as a select. */
export function KindSelect(props: { id?: string; value: SegmentKind; onChange: (kind: SegmentKind) => void }) {
  const t = useT()
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as SegmentKind)}>
      {SEGMENT_KINDS.map((k) => (
        <option key={k} value={k}>
          {t(KIND[k])}
        </option>
      ))}
    </select>
  )
}
