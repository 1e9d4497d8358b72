import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { conversationMap, curateResponse, editResponse, pickDeck, setWrittenSettings, withdrawResponse, writeResponse, type Deck } from '../../../../../shared/conversation'
import { seedConvening, upsertPerson, type Person } from '../../../../../shared/session'
import { placementTypes } from '../../../../../renderer/features/conversation/hooks'
import type { ChangeEvent } from '../../../../../renderer/sync'

const person = (id: string, role: Person['role']): Person => ({ id, name: id, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt: 1 })
const deck: Deck = { id: 'd', title: 'Deck', description: '', prompts: [{ id: 'w', text: 'What did you notice?', mode: 'written' }] }

/** Whether the responses board re-reads its layout after each change (its filter on the conversation map). */
function boardHears(doc: Y.Doc): boolean[] {
  const watch = placementTypes(doc)[0] as { deep: Y.Map<unknown>; when: (events: readonly ChangeEvent[]) => boolean }
  expect(watch.deep).toBe(conversationMap(doc))
  const out: boolean[] = []
  watch.deep.observeDeep((events) => out.push(watch.when(events)))
  return out
}

describe('the responses board', () => {
  it('re-reads its layout when responses come, go or move, never when one is edited', () => {
    const doc = new Y.Doc()
    seedConvening(doc, { id: 'room', title: 'Circle', createdBy: person('fran', 'facilitator'), now: 1 })
    upsertPerson(doc, person('pia', 'practitioner'))
    const heard = boardHears(doc)
    pickDeck(doc, 'fran', deck, 2)
    const sent = writeResponse(doc, 'pia', 'w', 'first thought', 'named', 3)
    if (!sent.ok) throw new Error(sent.message)
    heard.length = 0

    editResponse(doc, 'pia', sent.id, 'first thought, edited', new Set(), 4)
    expect(heard).toEqual([false])
    curateResponse(doc, 'fran', sent.id, { group: 'Time' })
    curateResponse(doc, 'fran', sent.id, { star: true })
    setWrittenSettings(doc, 'fran', 'w', { visibility: 'anonymous' })
    expect(heard).toEqual([false, true, true, true])
    const anonymous = writeResponse(doc, 'pia', 'w', 'second thought', 'anonymous', 5)
    withdrawResponse(doc, 'pia', sent.id, new Set())
    expect(heard).toEqual([false, true, true, true, true, true])
    // An anonymous edit arrives as an update made under a throwaway client id.
    if (!anonymous.ok) throw new Error(anonymous.message)
    heard.length = 0
    expect(editResponse(doc, 'pia', anonymous.id, 'second thought, edited', new Set([anonymous.id]), 6).ok).toBe(true)
    expect(heard).toEqual([false])
  })
})
