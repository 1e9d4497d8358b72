// The platform adapter: what differs between the desktop app and a browser tab.
// Free of React, so hooks and plain modules use it alike.
import type { Message } from '../../shared/i18n'
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
export function savedMessage(t: (message: Message, values?: Record<string, string>) => string, result: { saved: boolean; path?: string }, name: string): string {
  if (!result.saved) return t({ id: 'platform.saved.nothing', defaultMessage: 'Nothing was saved.' })
  if (platform.kind === 'browser') return t({ id: 'platform.saved.downloading', defaultMessage: 'Your browser is downloading “{name}”.' }, { name })
  return t({ id: 'platform.saved.file', defaultMessage: 'Saved “{name}”.' }, { name: result.path ?? name })
}
