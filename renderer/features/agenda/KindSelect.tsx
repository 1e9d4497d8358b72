import { SEGMENT_KINDS, SEGMENT_KIND_LABELS, type SegmentKind } from '../../../shared/facilitation'

/** The kinds of segment, as a select. */
export function KindSelect(props: { id?: string; value: SegmentKind; onChange: (kind: SegmentKind) => void }) {
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as SegmentKind)}>
      {SEGMENT_KINDS.map((k) => (
        <option key={k} value={k}>
          {SEGMENT_KIND_LABELS[k]}
        </option>
      ))}
    </select>
  )
}
