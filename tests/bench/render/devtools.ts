// A stand-in for React DevTools' global hook, installed before react-dom loads (it is
// the page entry's first import): after every commit, React hands it the committed
// tree, and it counts the components that rendered in that commit, by name.
//
// A component rendered when its fiber is new (mounted) or carries React's PerformedWork
// flag (set when its function ran, cleared when the fiber is reused for the next
// render). A subtree whose child pointer is the same as before was not rendered at all
// (React reuses it as it is), so the walk skips it, as React DevTools' own does.

/** React's fiber fields this walk reads (react-reconciler, stable since React 16). */
interface Fiber {
  tag: number
  type: unknown
  flags: number
  child: Fiber | null
  sibling: Fiber | null
  alternate: Fiber | null
}

const PERFORMED_WORK = 1
/** FunctionComponent, ClassComponent, ForwardRef, SimpleMemoComponent (a memo wraps a component fiber of its own otherwise). */
const COMPONENT_TAGS = new Set([0, 1, 11, 15])

export const rendered = new Map<string, number>()
export const commits = { count: 0, last: 0 }

function nameOf(fiber: Fiber): string {
  const type = fiber.type as { displayName?: string; name?: string; render?: { displayName?: string; name?: string } } | null
  const name = type?.displayName || type?.name || type?.render?.displayName || type?.render?.name || 'Anonymous'
  // The bundler renames a function whose name another module also uses (BoardCard$1).
  return name.replace(/\$\d+$/, '')
}

function walk(fiber: Fiber): void {
  const before = fiber.alternate
  if (COMPONENT_TAGS.has(fiber.tag) && (before === null || (fiber.flags & PERFORMED_WORK) !== 0)) {
    const name = nameOf(fiber)
    rendered.set(name, (rendered.get(name) ?? 0) + 1)
  }
  if (before !== null && fiber.child === before.child) return
  for (let child = fiber.child; child; child = child.sibling) walk(child)
}

;(globalThis as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  isDisabled: false,
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => {
    commits.count += 1
    commits.last = performance.now()
    walk(root.current)
  },
  onCommitFiberUnmount: () => undefined,
  onPostCommitFiberRoot: () => undefined,
  checkDCE: () => undefined,
}
