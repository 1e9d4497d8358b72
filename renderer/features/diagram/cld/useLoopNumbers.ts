import { useMemo } from 'react'
import { loopNumbers, type Loop } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { useCld } from './context'

/** "R1", "B2" by loop id: the numbers kept in the diagram, the same on every screen and in every export. */
export function useLoopNumbers(loops: readonly Loop[]): Map<string, string> {
  const cld = useCld()
  const assigned = useStore(cld.store.loopNumbers)
  return useMemo(() => loopNumbers(loops, assigned), [loops, assigned])
}
