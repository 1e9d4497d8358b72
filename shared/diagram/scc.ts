/**
 * Tarjan's strongly connected components, without recursion (a long chain of
 * variables must not overflow the stack). Loop search calls it once per removed
 * vertex, so the work arrays are allocated once per graph and reused: a call only
 * visits the vertices `inside` accepts. `succ` holds each vertex's successors by index.
 */
export type ComponentFinder = (vertices: readonly number[], inside: (v: number) => boolean) => number[][]

export function componentFinder(succ: readonly (readonly number[])[]): ComponentFinder {
  const n = succ.length
  const order = new Int32Array(n)
  const low = new Int32Array(n)
  const seenIn = new Int32Array(n) // which call last visited a vertex
  const onStack = new Uint8Array(n)
  const cursor = new Int32Array(n)
  let call = 0

  return (vertices, inside) => {
    call++
    const stack: number[] = []
    const work: number[] = []
    const components: number[][] = []
    let counter = 0
    const visit = (v: number): void => {
      seenIn[v] = call
      order[v] = low[v] = counter++
      cursor[v] = 0
      stack.push(v)
      onStack[v] = 1
      work.push(v)
    }
    for (const root of vertices) {
      if (seenIn[root] === call || !inside(root)) continue
      visit(root)
      while (work.length) {
        const v = work[work.length - 1]
        const next = succ[v]
        if (cursor[v] < next.length) {
          const w = next[cursor[v]++]
          if (!inside(w)) continue
          if (seenIn[w] !== call) visit(w)
          else if (onStack[w] && order[w] < low[v]) low[v] = order[w]
          continue
        }
        work.pop()
        if (work.length) {
          const parent = work[work.length - 1]
          if (low[v] < low[parent]) low[parent] = low[v]
        }
        if (low[v] === order[v]) {
          const component: number[] = []
          let w: number
          do {
            w = stack.pop()!
            onStack[w] = 0
            component.push(w)
          } while (w !== v)
          components.push(component)
        }
      }
    }
    return components
  }
}
