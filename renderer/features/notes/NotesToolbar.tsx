import { useRef, type KeyboardEvent } from 'react'
import type { NoteFormat } from '../../../shared/notes'
import type { Message } from '../../../shared/i18n'
import { useT } from '../../i18n'

// The one-letter marks (B, I, H) stay as they are: they are the marks, not words.
const TOOLS: { format: NoteFormat; text: Message | string; label: Message; keys?: string }[] = [
  { format: 'bold', text: 'B', label: { id: 'notes.tool.bold', defaultMessage: 'Bold' }, keys: 'Control+B' },
  { format: 'italic', text: 'I', label: { id: 'notes.tool.italic', defaultMessage: 'Italic' }, keys: 'Control+I' },
  { format: 'heading', text: 'H', label: { id: 'notes.tool.heading', defaultMessage: 'Heading' } },
  { format: 'bullet', text: { id: 'notes.tool.bulletText', defaultMessage: '• List' }, label: { id: 'notes.tool.bullet', defaultMessage: 'Bullet list' } },
  { format: 'checkbox', text: { id: 'notes.tool.checkboxText', defaultMessage: '☐ Checklist' }, label: { id: 'notes.tool.checkbox', defaultMessage: 'Checklist' } },
  // The name starts with what the button shows, as speech users say it (WCAG 2.5.3).
  {
    format: 'numbered',
    text: { id: 'notes.tool.numberedText', defaultMessage: '1. List' },
    label: { id: 'notes.tool.numbered', defaultMessage: '1. List, numbered', description: 'Starts with the button’s own text (notes.tool.numberedText), so people who speak to their computer can say what they see.' },
  },
]

/**
 * The formatting toolbar (ARIA toolbar pattern: one tab stop, arrow keys move between
 * tools). Pressing a tool keeps the caret in the notes, so typing goes on at once.
 */
export function NotesToolbar(props: { onFormat: (format: NoteFormat) => void; disabled: boolean; controls: string }) {
  const ref = useRef<HTMLDivElement>(null)
  const t = useT()

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
    <div ref={ref} className="notes-toolbar" role="toolbar" aria-label={t({ id: 'notes.toolbar', defaultMessage: 'Formatting' })} aria-controls={props.controls} onKeyDown={onKeyDown}>
      {TOOLS.map((tool, i) => {
        const label = t(tool.label)
        return (
          <button
            key={tool.format}
            type="button"
            className={`notes-tool notes-tool-${tool.format}`}
            tabIndex={i === 0 ? 0 : -1}
            aria-label={label}
            aria-keyshortcuts={tool.keys}
            title={tool.keys ? `${label} (${tool.keys.replace('Control', 'Ctrl')})` : label}
            disabled={props.disabled}
            // Keep the caret and selection in the notes while the tool is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => props.onFormat(tool.format)}
          >
            {typeof tool.text === 'string' ? tool.text : t(tool.text)}
          </button>
        )
      })}
    </div>
  )
}
