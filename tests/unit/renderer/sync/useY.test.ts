import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { underKeys, underPath, type ChangeEvent } from '../../../../renderer/sync/useY'

/** What a `when` filter says about each transaction on `map`, watched deeply. */
function heard(map: Y.Map<unknown>, when: (events: readonly ChangeEvent[]) => boolean): boolean[] {
  const out: boolean[] = []
  map.observeDeep((events) => out.push(when(events)))
  return out
}

describe('useY filters', () => {
  it('underKeys hears a nested container from its creation on, and nothing else of its parent', () => {
    const doc = new Y.Doc()
    const root = doc.getMap('conversation')
    const results = heard(root, underKeys('polls'))
    root.set('current', { step: 1 })
    const polls = new Y.Map<unknown>()
    root.set('polls', polls)
    polls.set('p1', new Y.Map())
    ;(polls.get('p1') as Y.Map<unknown>).set('state', 'open')
    root.set('turns', new Y.Array())
    expect(results).toEqual([false, true, true, true, false])
  })

  it('underPath hears one nested value: its arrival, changes inside it, its removal; not its siblings', () => {
    const doc = new Y.Doc()
    const root = doc.getMap('conversation')
    const polls = new Y.Map<unknown>()
    root.set('polls', polls)
    const results = heard(root, underPath('polls', 'p1'))
    polls.set('p2', new Y.Map())
    polls.set('p1', new Y.Map())
    ;(polls.get('p2') as Y.Map<unknown>).set('state', 'open')
    ;(polls.get('p1') as Y.Map<unknown>).set('state', 'open')
    polls.delete('p1')
    root.set('polls', new Y.Map())
    root.set('round', {})
    expect(results).toEqual([false, true, false, true, true, true, false])
  })
})
