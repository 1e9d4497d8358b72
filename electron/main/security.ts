// Secure defaults for every window, as one module with its own tests
// (tests/unit/electron/main/security.test.ts). Electron's dependencies come in as
// arguments, typed by the little of them that is used, so the tests pass fakes.
import type { WebPreferences } from 'electron'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    contextIsolation: true,
    // The preload is built as CommonJS (out/preload/index.cjs) because sandboxed
    // preloads cannot be ES modules.
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    preload,
  }
}

/**
 * Hosts whose https: pages a link inside the window may open in the system browser
 * (the climate role-play material the facilitator guide points to). Links a person
 * chooses to follow from shared notes go through `shell.openExternal` instead,
 * which takes any https: link.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['climateinteractive.org']

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** An https: link to some host, without a user name or password (`https://bank.example@evil.example`). */
export function isHttpsLink(url: string): boolean {
  const parsed = parse(url)
  return parsed !== null && parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === ''
}

/** An https: link whose host is one of `hosts` or a subdomain of one (compared on the parsed host, never as substrings). */
export function isAllowedExternal(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  const parsed = parse(url)
  if (!parsed || !isHttpsLink(url)) return false
  // The URL parser lowercases the host and turns internationalised names into punycode.
  const host = parsed.hostname
  return hosts.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}

/**
 * The window may only show the app itself: the same origin as the dev server, or,
 * when loaded from disk, exactly the app's own index.html (another file: page could
 * be anything on the disk).
 */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false
  return target.origin === app.origin
}

/** Whether a page at `url` is the app (for permissions and IPC): any file: page, or the dev server's origin. */
export function isAppPage(url: string, appUrl: string): boolean {
  const target = parse(url)
  const app = parse(appUrl)
  if (!target || !app) return false
  if (app.protocol === 'file:') return target.protocol === 'file:'
  return (app.protocol === 'http:' || app.protocol === 'https:') && target.origin === app.origin
}

// Permissions the app's own page gets; everything else, and anything asked for by
// another page, is denied.
// - WebRTC data channels need no permission at all. We deliberately do NOT grant
//   'media': Chromium hides a peer's local addresses behind mDNS names unless the page
//   holds a camera or microphone grant, and those names still resolve across a LAN
//   (and STUN gives public candidates), so the grant would only hand out raw IPs.
// - Local Network Access: joining a facilitator's LAN signaling server is a
//   connection to a private address, which newer Chromium gates behind these.
// - Copy an invite link (navigator.clipboard.writeText), full screen for a shared
//   screen, and persistent storage so the convening in IndexedDB is never evicted.
const GRANTED_TO_APP = new Set<string>([
  'local-network-access',
  'local-network',
  'loopback-network',
  'clipboard-sanitized-write',
  'fullscreen',
  'persistent-storage',
])

export function isAllowedPermission(permission: string, requestingUrl: string, appUrl: string): boolean {
  return GRANTED_TO_APP.has(permission) && isAppPage(requestingUrl, appUrl)
}

export interface PreventableEvent {
  preventDefault(): void
}

/** The part of WebContents that installSecurity wires. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

type ResponseHeaders = Record<string, string | string[]>

/** The part of Session that installSecurity wires. */
export interface GuardedSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void,
  ): void
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: { requestingUrl?: string }) => boolean,
  ): void
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: ResponseHeaders }) => void,
      ) => void,
    ): void
  }
}

export interface SecurityOptions {
  /** The URL the window loads: its index.html file: URL or the dev server's URL. */
  appUrl: string
  /** Opens a link in the system browser (shell.openExternal). */
  openExternal: (url: string) => Promise<void>
  /** Sent as a response header; leave out when the page comes from Vite's dev server (see index.ts). */
  contentSecurityPolicy?: string
  /** Where refusals are reported (console.warn by default). */
  warn?: (message: string) => void
}

/** Navigation, new windows and webviews of one WebContents. */
export function guardContents(contents: GuardedContents, options: SecurityOptions): void {
  const warn = options.warn ?? ((message: string) => console.warn(message))
  const openOutside = (url: string): void => {
    options.openExternal(url).catch((error: unknown) => warn(`Could not open ${url}: ${String(error)}`))
  }
  const guardNavigation = (event: PreventableEvent, url: string): void => {
    if (isAllowedNavigation(url, options.appUrl)) return
    event.preventDefault()
    // A plain <a href> to allowlisted material opens where a person expects it.
    if (isAllowedExternal(url)) openOutside(url)
    else warn(`Blocked navigation to ${url}`)
  }
  contents.on('will-navigate', guardNavigation)
  contents.on('will-redirect', guardNavigation)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    warn('Blocked a <webview>')
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) openOutside(url)
    else warn(`Blocked window.open of ${url}`)
    return { action: 'deny' }
  })
}

/** Permissions and the Content-Security-Policy header of a session. */
export function guardSession(session: GuardedSession, options: SecurityOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, options.appUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isAllowedPermission(permission, details.requestingUrl ?? requestingOrigin, options.appUrl),
  )
  const policy = options.contentSecurityPolicy
  if (policy === undefined) return
  session.webRequest.onHeadersReceived((details, callback) => {
    // Replace any policy the server sent (header names are case-insensitive).
    const headers: ResponseHeaders = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
}

export function installSecurity(session: GuardedSession, contents: GuardedContents, options: SecurityOptions): void {
  guardSession(session, options)
  guardContents(contents, options)
}
