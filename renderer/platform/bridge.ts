// `window.convene` exists only in the desktop app, where the preload exposes it
// (electron/preload). Its type comes from the IPC contract, as a type only.
import type { ConveneBridge } from '../../shared/ipc'

declare global {
  interface Window {
    convene?: ConveneBridge
  }
}

export function findBridge(): ConveneBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.convene
}
