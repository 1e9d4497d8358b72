import { useEffect, useState } from 'react'
import type { ConveningSession } from '../../sync'
import { acquireController, releaseController, type FacilitationController } from './controller'

/** The convening's facilitation controller, shared by everyone who asks (null on the first render). */
export function useController(session: ConveningSession): FacilitationController | null {
  const [controller, setController] = useState<FacilitationController | null>(null)
  useEffect(() => {
    setController(acquireController(session))
    return () => {
      releaseController(session)
      setController(null)
    }
  }, [session])
  return controller
}
