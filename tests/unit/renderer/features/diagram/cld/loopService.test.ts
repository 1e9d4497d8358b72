import { describe, expect, it } from 'vitest'
import { LoopService } from '../../../../../../renderer/features/diagram/cld/loopService'
import type { LoopGraph } from '../../../../../../shared/diagram'

describe('loop analysis off the interaction path', () => {
  it('finds loops where no worker can start, and again only when the structure changes', async () => {
    let graph: LoopGraph = {
      variables: [{ id: 'a' }, { id: 'b' }],
      links: [
        { id: 'l1', from: 'a', to: 'b', polarity: '+' },
        { id: 'l2', from: 'b', to: 'a', polarity: '-' },
      ],
    }
    let reads = 0
    const service = new LoopService(() => {
      reads++
      return graph
    })
    await expect.poll(() => service.state.get().status).toBe('ready')
    expect(service.state.get().analysis!.loops.map((l) => l.polarity)).toEqual(['B'])
    const first = service.state.get()
    service.schedule()
    await expect.poll(() => reads).toBe(2)
    expect(service.state.get()).toBe(first)
    graph = { ...graph, links: [graph.links[0], { ...graph.links[1], polarity: '+' }] }
    service.schedule()
    await expect.poll(() => service.state.get().analysis?.loops[0]?.polarity).toBe('R')
    service.destroy()
  })
})
