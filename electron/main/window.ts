// The main window: its options, and where it loads the app from.
import type { BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { secureWebPreferences } from './security'

/** The app's calm light background, so the window never flashes white while it loads. */
export const APP_BACKGROUND = '#f6f5f1'

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    title: 'Convene',
    backgroundColor: APP_BACKGROUND,
    // Shown on 'ready-to-show', once the first frame is painted.
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  }
}

export type AppLocation = { kind: 'url'; url: string } | { kind: 'file'; path: string; url: string }

/**
 * From source, electron-vite's dev server URL (ELECTRON_RENDERER_URL); otherwise the
 * built index.html beside out/main. A packaged app ignores the variable, so nothing
 * in the environment can point the window at another page.
 */
export function appLocation(options: { packaged: boolean; env: Record<string, string | undefined>; mainDir: string }): AppLocation {
  const devUrl = options.env.ELECTRON_RENDERER_URL
  if (!options.packaged && devUrl) return { kind: 'url', url: devUrl }
  const path = join(options.mainDir, '../renderer/index.html')
  return { kind: 'file', path, url: pathToFileURL(path).href }
}
