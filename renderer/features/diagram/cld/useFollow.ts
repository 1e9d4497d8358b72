import { useEffect, type RefObject } from 'react'
import { useReactFlow } from '@xyflow/react'
import type { SharedViewport } from '../presence'
import { useCld } from './context'

/**
 * My view set to what the person I follow sees: the same middle, and a zoom that
 * shows the same area on my screen, whatever its size. Their viewport arrives through
 * presence; a short animation hides the gaps between updates.
 */
export function viewportFor(theirs: SharedViewport, mine: { width: number; height: number }): { x: number; y: number; zoom: number } {
  const centreX = (theirs.width / 2 - theirs.x) / theirs.zoom
  const centreY = (theirs.height / 2 - theirs.y) / theirs.zoom
  const zoom = Math.max(0.1, Math.min(2.5, theirs.zoom * Math.min(mine.width / theirs.width, mine.height / theirs.height)))
  return { x: mine.width / 2 - centreX * zoom, y: mine.height / 2 - centreY * zoom, zoom }
}

export function useFollow(following: number | null, size: RefObject<{ width: number; height: number }>): void {
  const cld = useCld()
  const flow = useReactFlow()
  useEffect(() => {
    if (following === null) return
    const apply = (): void => {
      const state = cld.hub.peer(following)?.state
      if (!state?.viewport || state.diagramId !== cld.diagramId) return
      void flow.setViewport(viewportFor(state.viewport, size.current), { duration: 120 })
    }
    apply()
    return cld.hub.onPeers((changed) => {
      if (changed.has(following)) apply()
    })
  }, [cld, flow, following, size])
}
