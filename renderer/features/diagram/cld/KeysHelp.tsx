import { Dialog } from '../../../ui'

const KEYS: [string, string][] = [
  ['N or Enter (on the canvas)', 'Add a variable in the middle of the view'],
  ['Tab / Shift+Tab', 'Move between variables and links'],
  ['Space', 'Select the focused variable or link'],
  ['Shift+click, Shift+drag', 'Select several; drag a box around them'],
  ['Enter or F2 (on a variable)', 'Rename it'],
  ['L (on a variable)', 'Link it to another variable, chosen from a list'],
  ['+  −  ?', 'Set the polarity of the selected links'],
  ['D', 'Mark or unmark a delay on the selected links'],
  ['[  ]  0', 'Bend the selected links one way, the other way, or straighten them'],
  ['Arrow keys', 'Move the selected variables (Shift: further); with nothing selected, pan'],
  ['Delete or Backspace', 'Delete the selection'],
  ['Ctrl+C, Ctrl+X, Ctrl+V', 'Copy, cut and paste (also between diagrams and convenings)'],
  ['Ctrl+A', 'Select everything'],
  ['Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y', 'Undo and redo your own edits'],
  ['Escape', 'Cancel, or clear the selection'],
  ['?', 'This list (when no link is selected)'],
]

export function KeysHelp(props: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Keys for the diagram" open={props.open} onClose={props.onClose} wide>
      <p className="muted small">On a Mac, use Cmd where this says Ctrl.</p>
      <table className="dg-keys-table">
        <tbody>
          {KEYS.map(([keys, what]) => (
            <tr key={keys}>
              <th scope="row">{keys}</th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  )
}
