import { describe, expect, it } from 'vitest'
import {
  guardContents,
  guardSession,
  isAllowedExternal,
  isAllowedNavigation,
  isAllowedPermission,
  secureWebPreferences,
  type GuardedContents,
  type GuardedSession,
  type SecurityOptions,
} from '../../../../electron/main/security'
import { CONTENT_SECURITY_POLICY } from '../../../../shared/security'

const fileApp = 'file:///opt/Convene/resources/app/out/renderer/index.html'
const devApp = 'http://localhost:5173/'

describe('secureWebPreferences', () => {
  it('isolates the page from Node and Electron', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      preload: '/app/out/preload/index.cjs',
    })
  })
})

describe('isAllowedExternal', () => {
  it('opens https: links to allowlisted hosts and their subdomains', () => {
    expect(isAllowedExternal('https://www.climateinteractive.org/tools/world-climate-simulation/')).toBe(true)
    expect(isAllowedExternal('https://climateinteractive.org/')).toBe(true)
    expect(isAllowedExternal('https://allowed.example/a', ['allowed.example'])).toBe(true)
  })

  it('is not fooled by look-alike hosts, query strings or other schemes', () => {
    const hosts = ['allowed.example', 'localhost']
    expect(isAllowedExternal('https://evil.example/?x=localhost:', hosts)).toBe(false)
    expect(isAllowedExternal('https://allowed.example.evil.com/', hosts)).toBe(false)
    expect(isAllowedExternal('https://evilallowed.example/', hosts)).toBe(false)
    expect(isAllowedExternal('https://allowed.example@evil.example/', hosts)).toBe(false)
    expect(isAllowedExternal('https://user:pw@allowed.example/', hosts)).toBe(false)
    expect(isAllowedExternal('http://allowed.example/', hosts)).toBe(false)
    expect(isAllowedExternal('javascript:alert(1)//allowed.example', hosts)).toBe(false)
    expect(isAllowedExternal('file:///allowed.example/etc/passwd', hosts)).toBe(false)
    expect(isAllowedExternal('not a url', hosts)).toBe(false)
  })
})

describe('isAllowedNavigation', () => {
  it('keeps a window loaded from disk on the app index.html', () => {
    expect(isAllowedNavigation(`${fileApp}#/convening/abc`, fileApp)).toBe(true)
    expect(isAllowedNavigation(`${fileApp}?join=1`, fileApp)).toBe(true)
    expect(isAllowedNavigation('file:///etc/passwd', fileApp)).toBe(false)
    expect(isAllowedNavigation('file:///opt/Convene/resources/app/out/renderer/other.html', fileApp)).toBe(false)
    expect(isAllowedNavigation('https://evil.example/', fileApp)).toBe(false)
  })

  it('keeps a dev window on the dev server origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/join', devApp)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false)
    expect(isAllowedNavigation('http://localhost:5173.evil.example/', devApp)).toBe(false)
    expect(isAllowedNavigation('https://evil.example/?x=localhost:5173', devApp)).toBe(false)
    expect(isAllowedNavigation('javascript:alert(1)', devApp)).toBe(false)
  })
})

describe('isAllowedPermission', () => {
  it('grants the app only what copying, full screen, storage and LAN signaling need', () => {
    for (const permission of ['clipboard-sanitized-write', 'fullscreen', 'persistent-storage', 'local-network-access']) {
      expect(isAllowedPermission(permission, fileApp, fileApp)).toBe(true)
    }
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'unknown']) {
      expect(isAllowedPermission(permission, fileApp, fileApp)).toBe(false)
    }
  })

  it('grants nothing to another page', () => {
    expect(isAllowedPermission('clipboard-sanitized-write', 'https://evil.example/', fileApp)).toBe(false)
    expect(isAllowedPermission('fullscreen', 'http://localhost:9999/', devApp)).toBe(false)
  })
})

type Listener = (...args: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler
    },
  }
  const fire = (event: string, url?: string) => {
    let prevented = false
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url)
    return prevented
  }
  return { contents: contents as GuardedContents, fire, open: (url: string) => openHandler?.({ url }) }
}

function options(appUrl = fileApp) {
  const opened: string[] = []
  const warnings: string[] = []
  const value: SecurityOptions = {
    appUrl,
    openExternal: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    warn: (message) => warnings.push(message),
  }
  return { value, opened, warnings }
}

describe('guardContents', () => {
  it('blocks navigation away from the app and sends allowlisted links to the browser', () => {
    const { contents, fire } = fakeContents()
    const { value, opened } = options()
    guardContents(contents, value)
    expect(fire('will-navigate', `${fileApp}#/home`)).toBe(false)
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-navigate', 'https://www.climateinteractive.org/')).toBe(true)
    expect(opened).toEqual(['https://www.climateinteractive.org/'])
  })

  it('denies every new window, opening only allowlisted https: links outside', () => {
    const { contents, open } = fakeContents()
    const { value, opened, warnings } = options()
    guardContents(contents, value)
    expect(open('https://www.climateinteractive.org/en-roads')).toEqual({ action: 'deny' })
    expect(open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open(fileApp)).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://www.climateinteractive.org/en-roads'])
    expect(warnings).toHaveLength(3)
  })

  it('refuses webviews', () => {
    const { contents, fire } = fakeContents()
    guardContents(contents, options().value)
    expect(fire('will-attach-webview')).toBe(true)
  })
})

function fakeSession() {
  const recorded: {
    request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0]
    check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0]
    headers?: Parameters<GuardedSession['webRequest']['onHeadersReceived']>[0]
  } = {}
  const session: GuardedSession = {
    setPermissionRequestHandler: (handler) => (recorded.request = handler),
    setPermissionCheckHandler: (handler) => (recorded.check = handler),
    webRequest: { onHeadersReceived: (listener) => (recorded.headers = listener) },
  }
  return { session, recorded }
}

describe('guardSession', () => {
  it('answers permission requests and checks by permission and page', () => {
    const { session, recorded } = fakeSession()
    guardSession(session, options().value)
    const answers: boolean[] = []
    recorded.request?.(null, 'media', (granted) => answers.push(granted), { requestingUrl: fileApp })
    recorded.request?.(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: fileApp })
    recorded.request?.(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'https://evil.example/' })
    expect(answers).toEqual([false, true, false])
    expect(recorded.check?.(null, 'fullscreen', 'file://', { requestingUrl: fileApp })).toBe(true)
    expect(recorded.check?.(null, 'fullscreen', 'https://evil.example', {})).toBe(false)
    expect(recorded.check?.(null, 'geolocation', 'file://', { requestingUrl: fileApp })).toBe(false)
  })

  it('replaces any Content-Security-Policy header with the app policy', () => {
    const { session, recorded } = fakeSession()
    guardSession(session, options().value)
    let sent: Record<string, string | string[]> | undefined
    recorded.headers?.(
      { responseHeaders: { 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] } },
      (response) => (sent = response.responseHeaders),
    )
    expect(sent).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })

  it('leaves headers alone when no policy is given (dev server)', () => {
    const { session, recorded } = fakeSession()
    guardSession(session, { ...options(devApp).value, contentSecurityPolicy: undefined })
    expect(recorded.headers).toBeUndefined()
  })
})
