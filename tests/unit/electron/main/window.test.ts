import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { appLocation, mainWindowOptions } from '../../../../electron/main/window'
import { menuTemplate } from '../../../../electron/main/menu'
import type { MenuItemConstructorOptions } from 'electron'

describe('mainWindowOptions', () => {
  it('opens a secure window that stays hidden until painted', () => {
    const options = mainWindowOptions('/app/out/preload/index.cjs')
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/out/preload/index.cjs' })
  })

  it('paints the page background before the page loads, so opening never flashes white', () => {
    // The window's own colour must be the colour the stylesheet gives the page (--bg).
    const css = readFileSync(join(import.meta.dirname, '../../../../renderer/ui/styles.css'), 'utf8')
    const pageBackground = /--bg:\s*(#[0-9a-f]{6})/i.exec(css)?.[1]
    expect(pageBackground).toBeDefined()
    expect(mainWindowOptions('/p').backgroundColor?.toLowerCase()).toBe(pageBackground?.toLowerCase())
  })

  it('cannot be made smaller than a usable window, and opens larger than that', () => {
    const options = mainWindowOptions('/p')
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0)
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0)
    expect(options.minWidth).toBeGreaterThan(0)
    expect(options.minHeight).toBeGreaterThan(0)
  })
})

describe('appLocation', () => {
  it('loads the built index.html beside out/main', () => {
    const location = appLocation({ packaged: true, env: {}, mainDir: '/app/out/main' })
    expect(location).toEqual({ kind: 'file', path: '/app/out/renderer/index.html', url: 'file:///app/out/renderer/index.html' })
  })

  it('uses the dev server only when running from source', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }
    expect(appLocation({ packaged: false, env, mainDir: '/app/out/main' })).toEqual({ kind: 'url', url: 'http://localhost:5173' })
    expect(appLocation({ packaged: true, env, mainDir: '/app/out/main' }).kind).toBe('file')
  })
})

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? item.role ?? item.type ?? '?')
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : []
}

describe('menuTemplate', () => {
  it('offers Help -> About, which calls back', () => {
    let shown = 0
    const template = menuTemplate({ platform: 'linux', appName: 'Convene', developer: false, onAbout: () => (shown += 1) })
    expect(labels(template)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help'])
    const about = submenu(template.at(-1))[0]
    expect(about.label).toBe('About Convene')
    about.click?.({} as never, undefined, {})
    expect(shown).toBe(1)
  })

  it('keeps developer tools out of the packaged app', () => {
    const roles = (developer: boolean) =>
      submenu(menuTemplate({ platform: 'win32', appName: 'Convene', developer, onAbout: () => undefined })[2]).map((item) => item.role)
    expect(roles(false)).not.toContain('toggleDevTools')
    expect(roles(true)).toContain('toggleDevTools')
  })

  it('has the app menu on macOS', () => {
    const template = menuTemplate({ platform: 'darwin', appName: 'Convene', developer: false, onAbout: () => undefined })
    expect(template[0].label).toBe('Convene')
    expect(submenu(template[0]).map((item) => item.role)).toContain('quit')
  })
})
