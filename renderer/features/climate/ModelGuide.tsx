import type { ReactNode } from 'react'
import type { GuideBlock, GuideInline } from '../../../shared/climate'
import { useT } from '../../i18n'
import { useLocalGuide } from './localContent'

function inline(parts: GuideInline[]): ReactNode[] {
  return parts.map((part, i) => (part.kind === 'strong' ? <strong key={i}>{part.text}</strong> : part.kind === 'em' ? <em key={i}>{part.text}</em> : part.text))
}

function block(b: GuideBlock, key: number): ReactNode {
  switch (b.kind) {
    case 'heading': {
      // The panel's own h2 and the tab's h3 sit above: the guide's headings start one level down.
      const Tag = (['h3', 'h4', 'h5'] as const)[b.level - 1]
      return <Tag key={key}>{b.text}</Tag>
    }
    case 'paragraph':
      return <p key={key}>{inline(b.content)}</p>
    case 'list':
      return <ul key={key}>{b.items.map((item, i) => <li key={i}>{inline(item)}</li>)}</ul>
    case 'table':
      return (
        <div key={key} className="table-scroll">
          <table className="climate-table">
            <thead><tr>{b.header.map((cell, i) => <th key={i} scope="col">{inline(cell)}</th>)}</tr></thead>
            <tbody>{b.rows.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i}>{inline(cell)}</td>)}</tr>)}</tbody>
          </table>
        </div>
      )
  }
}

/** How the model works, in plain words (resources/climate/model-guide.md), in the person's language where it is translated. */
export function ModelGuide() {
  const t = useT()
  const blocks = useLocalGuide()
  return <article className="model-guide" aria-label={t({ id: 'climate.tab.guide', defaultMessage: 'Model guide' })}>{blocks.map(block)}</article>
}
