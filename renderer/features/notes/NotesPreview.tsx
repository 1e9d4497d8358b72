import type { ReactNode } from 'react'
import { parseProse, type ProseBlock, type ProseInline, type ProseList } from '../../../shared/notes'
import { useT } from '../../i18n'

/** The shared notes rendered from their light Markdown (React escapes every piece of text). */
export function NotesPreview(props: { text: string }) {
  const t = useT()
  const blocks = parseProse(props.text)
  if (blocks.length === 0) return <p className="muted">{t({ id: 'notes.preview.empty', defaultMessage: 'Nothing written yet.' })}</p>
  const words: TaskWords = { done: t({ id: 'notes.preview.done', defaultMessage: 'done' }), notDone: t({ id: 'notes.preview.notDone', defaultMessage: 'not done' }) }
  return <>{blocks.map((block, i) => renderBlock(block, i, words))}</>
}

/** What a screen reader hears for a checklist box. */
interface TaskWords {
  done: string
  notDone: string
}

function renderInline(parts: readonly ProseInline[]): ReactNode[] {
  return parts.map((part, i) => {
    switch (part.kind) {
      case 'text':
        return part.text
      case 'code':
        return <code key={i}>{part.text}</code>
      case 'strong':
        return <strong key={i}>{renderInline(part.children)}</strong>
      case 'em':
        return <em key={i}>{renderInline(part.children)}</em>
      case 'link':
        return (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {renderInline(part.children)}
          </a>
        )
    }
  })
}

function renderLines(lines: readonly ProseInline[][]): ReactNode[] {
  return lines.flatMap((line, i) => (i === 0 ? renderInline(line) : [<br key={`br${i}`} />, ...renderInline(line)]))
}

function renderList(list: ProseList, key: number | string, words: TaskWords): ReactNode {
  const items = list.items.map((item, i) => (
    <li key={i} className={item.task === null ? undefined : 'notes-task'}>
      {item.task !== null && (
        <span className="notes-box" role="img" aria-label={item.task ? words.done : words.notDone}>
          {item.task ? '☑' : '☐'}
        </span>
      )}
      {renderLines(item.lines)}
      {item.children.map((child, j) => renderList(child, j, words))}
    </li>
  ))
  return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>
}

function renderBlock(block: ProseBlock, key: number, words: TaskWords): ReactNode {
  switch (block.kind) {
    case 'heading': {
      // The pad sits under the panel's own h2: its headings start one level down.
      const level = Math.min(6, block.level + 2)
      const Tag = `h${level}` as 'h3'
      return <Tag key={key}>{renderInline(block.content)}</Tag>
    }
    case 'paragraph':
      return <p key={key}>{renderLines(block.lines)}</p>
    case 'list':
      return renderList(block, key, words)
    case 'quote':
      return (
        <blockquote key={key}>
          <p>{renderLines(block.lines)}</p>
        </blockquote>
      )
    case 'code':
      return (
        <pre key={key}>
          <code>{block.text}</code>
        </pre>
      )
    case 'rule':
      return <hr key={key} />
  }
}
