// Print to PDF: the harvest's HTML is shown in a hidden window that runs no script,
// reaches no network and has no preload, then Chromium prints it. The HTML goes
// through a temporary file because Chromium refuses data: URLs above 2 MB.
import type { BrowserWindowConstructorOptions } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** An in-memory session of its own, so printing shares no storage with the app. */
export const PRINT_PARTITION = 'convene-print'

export type PageSize = 'A4' | 'Letter'

export interface PrintWindow {
  loadFile(path: string): Promise<void>
  webContents: { printToPDF(options: { printBackground: boolean; pageSize: PageSize }): Promise<Uint8Array> }
  destroy(): void
}

export interface PdfDeps {
  createWindow(options: BrowserWindowConstructorOptions): PrintWindow
  makeTempDir(): Promise<string>
  writeFile(path: string, text: string): Promise<void>
  removeDir(path: string): Promise<void>
}

export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      partition: PRINT_PARTITION,
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      images: true,
      spellcheck: false,
    },
  }
}

// A second lock besides the request filter: the page may style itself and show
// inline images, and load nothing else (a peer's note cannot pull file:/// images
// or remote trackers into the printed harvest).
export const PRINT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline' data:; img-src data:; font-src data:; form-action 'none'; base-uri 'none'"

/** The HTML with the print policy as the first thing in <head> (or in front, when there is no <head>). */
export function withPrintPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`
  const head = /<head(\s[^>]*)?>/i.exec(html)
  if (!head) return meta + html
  const end = head.index + head[0].length
  return html.slice(0, end) + meta + html.slice(end)
}

export function createPdfRenderer(deps: PdfDeps) {
  // The pages being printed right now: the only file: URLs the print session may load.
  const pages = new Set<string>()

  /** For the print session's onBeforeRequest: the page itself and inline data: images only. */
  function isAllowedRequest(url: string): boolean {
    return url.startsWith('data:') || pages.has(url)
  }

  async function render(html: string, pageSize: PageSize = 'A4'): Promise<Uint8Array> {
    const dir = await deps.makeTempDir()
    const file = join(dir, 'harvest.html')
    const url = pathToFileURL(file).href
    let win: PrintWindow | undefined
    try {
      await deps.writeFile(file, withPrintPolicy(html))
      pages.add(url)
      win = deps.createWindow(printWindowOptions())
      await win.loadFile(file)
      return await win.webContents.printToPDF({ printBackground: true, pageSize })
    } finally {
      pages.delete(url)
      win?.destroy()
      await deps.removeDir(dir).catch(() => undefined)
    }
  }

  return { render, isAllowedRequest }
}
