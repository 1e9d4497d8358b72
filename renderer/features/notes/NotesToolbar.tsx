import { useRef, type KeyboardEvent } from 'react'
import type { NoteFormat } from '../../../shared/notes'

const TOOLS: { format: NoteFormat; text: string; label: string; keys?: string }[] = [
  { format: 'bold', text: 'B', label: 'Bold', keys: 'Control+B' },
  { format: 'italic', text: 'I', label: 'Italic', keys: 'Control+I' },
  { format: 'heading', text: 'H', label: 'Heading' },
  { format: 'bullet', text: '• List', label: 'Bullet list' },
  { format: 'checkbox', text: '☐ Checklist', label: 'Checklist' },
  // The name starts with what the button shows, as speech users say it (WCAG 2.5.3).
  { format: 'numbered', text: '1. List', label: '1. List, numbered' },
]

/**
 * The formatting toolbar (ARIA toolbar pattern: one tab stop, arrow keys move between
 * tools). Pressing a tool keeps the caret in the notes, so typing goes on at once.
 */
export function NotesToolbar(props: { onFormat: (format: NoteFormat) => void; disabled: boolean; controls: string }) {
  const ref = useRef<HTMLDivElement>(null)

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])]
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (index < 0) return
    const next =
      event.key === 'ArrowRight' ? (index + 1) % buttons.length : event.key === 'ArrowLeft' ? (index - 1 + buttons.length) % buttons.length : event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : -1
    if (next < 0) return
    event.preventDefault()
    buttons.forEach((button, i) => (button.tabIndex = i === next ? 0 : -1))
    buttons[next].focus()
  }

  return (
    <div ref={ref} className="notes-toolbar" role="toolbar" aria-label="Formatting" aria-controls={props.controls} onKeyDown={onKeyDown}>
      {TOOLS.map((tool, i) => (
        <button
          key={tool.format}
          type="button"
          className={`notes-tool notes-tool-${tool.format}`}
          tabIndex={i === 0 ? 0 : -1}
          aria-label={tool.label}
          aria-keyshortcuts={tool.keys}
          title={tool.keys ? `${tool.label} (${tool.keys.replace('Control', 'Ctrl')})` : tool.label}
          disabled={props.disabled}
          // Keep the caret and selection in the notes while the tool is pressed.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => props.onFormat(tool.format)}
        >
          {tool.text}
        </button>
      ))}
    </div>
  )
}
