// The platform adapter: what differs between the desktop app and a browser tab.
// Free of React, so hooks and plain modules use it alike.
import type { BrowserEnv } from './browser'
import { findBridge } from './bridge'
import { createPlatform, type Platform } from './platform'

export type { Host, Platform, PrintOptions, SaveFileOptions } from './platform'
export { createPlatform } from './platform'
export { acceptAttribute, type BrowserEnv } from './browser'

// The page's globals are read when used, not when this module loads, so code that
// imports the platform also loads in Node (unit tests) without a DOM.
const pageEnv: BrowserEnv = {
  get document() {
    return document
  },
  get navigator() {
    return navigator
  },
  open: (url, target, features) => window.open(url, target, features),
  createObjectURL: (blob) => URL.createObjectURL(blob),
  revokeObjectURL: (url) => URL.revokeObjectURL(url),
  later: (run, ms) => void setTimeout(run, ms),
}

export const platform: Platform = createPlatform(findBridge(), pageEnv)

/** What to tell a person after a save: a browser downloads, the desktop names the file. */
export function savedMessage(result: { saved: boolean; path?: string }, name: string): string {
  if (!result.saved) return 'Nothing was saved.'
  if (platform.kind === 'browser') return `Your browser is downloading “${name}”.`
  return `Saved “${result.path ?? name}”.`
}
