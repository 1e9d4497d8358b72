import type { Point } from '../geometry'
import { copyFragment, readClipboard } from './clipboard'
import type { CldSession } from './session'

/** The selection as clipboard text, or null (with a hint) when nothing is selected. */
export function selectionText(cld: CldSession): string | null {
  const { variables, links } = cld.store.selection.get()
  const fragment = copyFragment(cld.store, variables, links)
  if (!fragment) {
    cld.notices.tell('Select variables or links first, then copy.')
    return null
  }
  return JSON.stringify(fragment, null, 1)
}

export function afterCopy(cld: CldSession, cut: boolean): void {
  const { variables, links } = cld.store.selection.get()
  if (cut) cld.actions.remove(variables, links)
  else cld.notices.tell(`Copied ${variables.length || 'the ends of'} ${variables.length === 1 ? 'variable' : 'variables'}${links.length ? ` and ${links.length} ${links.length === 1 ? 'link' : 'links'}` : ''}.`)
}

/** Paste clipboard text centred on `at`, then select what arrived. */
export function pasteText(cld: CldSession, text: string, at: Point): void {
  const content = readClipboard(text)
  if (content.kind === 'empty') return void cld.notices.tell('The clipboard is empty.')
  if (content.kind === 'too-large') return void cld.notices.say(content.message)
  const outcome = cld.actions.paste(content.value, at)
  if (outcome) cld.store.setSelection([...Object.values(outcome.variableIds), ...outcome.linkIds])
}
