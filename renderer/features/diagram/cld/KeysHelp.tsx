import type { Message } from '../../../../shared/i18n'
import { Dialog } from '../../../ui'
import { useT } from '../../../i18n'

/** Each row: the keys (a message where it has words; key signs as they are), and what they do. */
const KEYS: [Message | string, Message][] = [
  [{ id: 'diagram.keys.addKeys', defaultMessage: 'N or Enter (on the canvas)' }, { id: 'diagram.keys.add', defaultMessage: 'Add a variable in the middle of the view' }],
  [{ id: 'diagram.keys.tabKeys', defaultMessage: 'Tab / Shift+Tab' }, { id: 'diagram.keys.tab', defaultMessage: 'Move between variables and links' }],
  [{ id: 'diagram.keys.spaceKeys', defaultMessage: 'Space' }, { id: 'diagram.keys.space', defaultMessage: 'Select the focused variable or link' }],
  [{ id: 'diagram.keys.severalKeys', defaultMessage: 'Shift+click, Shift+drag' }, { id: 'diagram.keys.several', defaultMessage: 'Select several; drag a box around them' }],
  [{ id: 'diagram.keys.renameKeys', defaultMessage: 'Enter or F2 (on a variable)' }, { id: 'diagram.keys.rename', defaultMessage: 'Rename it' }],
  [{ id: 'diagram.keys.linkKeys', defaultMessage: 'L (on a variable)' }, { id: 'diagram.keys.link', defaultMessage: 'Link it to another variable, chosen from a list' }],
  ['+  −  ?', { id: 'diagram.keys.polarity', defaultMessage: 'Set the polarity of the selected links' }],
  ['D', { id: 'diagram.keys.delay', defaultMessage: 'Mark or unmark a delay on the selected links' }],
  ['[  ]  0', { id: 'diagram.keys.bend', defaultMessage: 'Bend the selected links one way, the other way, or straighten them' }],
  [{ id: 'diagram.keys.arrowKeys', defaultMessage: 'Arrow keys' }, { id: 'diagram.keys.arrows', defaultMessage: 'Move the selected variables (Shift: further); with nothing selected, pan' }],
  [{ id: 'diagram.keys.deleteKeys', defaultMessage: 'Delete or Backspace' }, { id: 'diagram.keys.delete', defaultMessage: 'Delete the selection' }],
  [{ id: 'diagram.keys.clipboardKeys', defaultMessage: 'Ctrl+C, Ctrl+X, Ctrl+V' }, { id: 'diagram.keys.clipboard', defaultMessage: 'Copy, cut and paste (also between diagrams and convenings)' }],
  [{ id: 'diagram.keys.allKeys', defaultMessage: 'Ctrl+A' }, { id: 'diagram.keys.all', defaultMessage: 'Select everything' }],
  [{ id: 'diagram.keys.undoKeys', defaultMessage: 'Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y' }, { id: 'diagram.keys.undo', defaultMessage: 'Undo and redo your own edits' }],
  [{ id: 'diagram.keys.escapeKeys', defaultMessage: 'Escape' }, { id: 'diagram.keys.escape', defaultMessage: 'Cancel, or clear the selection' }],
  ['?', { id: 'diagram.keys.help', defaultMessage: 'This list (when no link is selected)' }],
]

export function KeysHelp(props: { open: boolean; onClose: () => void }) {
  const t = useT()
  return (
    <Dialog title={t({ id: 'diagram.keys.title', defaultMessage: 'Keys for the diagram' })} open={props.open} onClose={props.onClose} wide>
      <p className="muted small">{t({ id: 'diagram.keys.mac', defaultMessage: 'On a Mac, use Cmd where this says Ctrl.' })}</p>
      <table className="dg-keys-table">
        <tbody>
          {KEYS.map(([keys, what]) => (
            <tr key={what.id}>
              <th scope="row">{typeof keys === 'string' ? keys : t(keys)}</th>
              <td>{t(what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
