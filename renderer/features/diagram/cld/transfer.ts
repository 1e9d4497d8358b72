import type { Point } from '../geometry'
import { copyFragment, readClipboard } from './clipboard'
import type { CldSession } from './session'

/** The selection as clipboard text, or null (with a hint) when nothing is selected. */
export function selectionText(cld: CldSession): string | null {
  const { variables, links } = cld.store.selection.get()
  const fragment = copyFragment(cld.store, variables, links)
  if (!fragment) {
    cld.notices.tell(cld.t({ id: 'diagram.copy.nothing', defaultMessage: 'Select variables or links first, then copy.' }))
    return null
  }
  return JSON.stringify(fragment, null, 1)
}

export function afterCopy(cld: CldSession, cut: boolean): void {
  const { variables, links } = cld.store.selection.get()
  if (cut) cld.actions.remove(variables, links)
  else {
    cld.notices.tell(
      cld.t(
        {
          id: 'diagram.copy.done',
          defaultMessage:
            '{variables, plural, =0 {Copied the ends of variables} one {Copied # variable} other {Copied # variables}}{links, plural, =0 {} one { and # link} other { and # links}}.',
          description: 'With no variable selected, copying links copies the variables at their ends.',
        },
        { variables: variables.length, links: links.length },
      ),
    )
  }
}

/** Paste clipboard text centred on `at`, then select what arrived. */
export function pasteText(cld: CldSession, text: string, at: Point): void {
  const content = readClipboard(text)
  if (content.kind === 'empty') return void cld.notices.tell(cld.t({ id: 'diagram.paste.empty', defaultMessage: 'The clipboard is empty.' }))
  if (content.kind === 'too-large') {
    return void cld.notices.say(
      cld.t({ id: 'diagram.paste.tooLarge', defaultMessage: 'This paste is {millions, number, ::.0} million characters: too large to be part of a diagram.' }, { millions: content.millions }),
    )
  }
  const outcome = cld.actions.paste(content.value, at)
  if (outcome) cld.store.setSelection([...Object.values(outcome.variableIds), ...outcome.linkIds])
}
