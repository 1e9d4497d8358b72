import { pathToFileURL } from 'node:url'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  PRINT_CONTENT_SECURITY_POLICY,
  PRINT_PARTITION,
  createPdfRenderer,
  printWindowOptions,
  withPrintPolicy,
  type PdfDeps,
  type PrintWindow,
} from '../../../../electron/main/pdf'

const PDF = new TextEncoder().encode('%PDF-1.7')

function fakeDeps(options: { failLoad?: boolean } = {}) {
  const files = new Map<string, string>()
  const removed: string[] = []
  const windows: { options: unknown; loaded?: string; destroyed: boolean; allowedWhileLoading?: boolean }[] = []
  let isAllowed: (url: string) => boolean = () => false
  const deps: PdfDeps = {
    makeTempDir: () => Promise.resolve('/tmp/convene-print-x1'),
    writeFile: (path, text) => {
      files.set(path, text)
      return Promise.resolve()
    },
    removeDir: (path) => {
      removed.push(path)
      return Promise.resolve()
    },
    createWindow: (windowOptions) => {
      const record: (typeof windows)[number] = { options: windowOptions, destroyed: false }
      windows.push(record)
      const win: PrintWindow = {
        loadFile: (path) => {
          record.loaded = path
          record.allowedWhileLoading = isAllowed(pathToFileURL(path).href)
          return options.failLoad ? Promise.reject(new Error('ERR_FAILED')) : Promise.resolve()
        },
        webContents: { printToPDF: () => Promise.resolve(PDF) },
        destroy: () => (record.destroyed = true),
      }
      return win
    },
  }
  return { deps, files, removed, windows, allow: (check: (url: string) => boolean) => (isAllowed = check) }
}

describe('printWindowOptions', () => {
  it('is hidden, runs no script and shares no session with the app', () => {
    const options = printWindowOptions()
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      partition: PRINT_PARTITION,
    })
    expect(options.webPreferences?.preload).toBeUndefined()
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false)
  })
})

describe('withPrintPolicy', () => {
  it('puts the policy first in <head>', () => {
    const html = withPrintPolicy('<!doctype html><html><head lang="en"><title>Harvest</title></head><body>Hi</body></html>')
    expect(html).toBe(
      `<!doctype html><html><head lang="en"><meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}"><title>Harvest</title></head><body>Hi</body></html>`,
    )
  })

  it('puts it in front of a fragment and is not fooled by <header>', () => {
    expect(withPrintPolicy('<header>Notes</header>').startsWith('<meta http-equiv="Content-Security-Policy"')).toBe(true)
  })
})

describe('createPdfRenderer', () => {
  it('prints the page from a temporary file, allowing only that file while printing, then cleans up', async () => {
    const fake = fakeDeps()
    const pdf = createPdfRenderer(fake.deps)
    fake.allow(pdf.isAllowedRequest)
    const bytes = await pdf.render('<html><head></head><body>Harvest</body></html>', 'Letter')
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.7')
    const page = join('/tmp/convene-print-x1', 'harvest.html')
    expect(fake.files.get(page)).toContain(PRINT_CONTENT_SECURITY_POLICY)
    expect(fake.windows[0]).toMatchObject({ loaded: page, destroyed: true, allowedWhileLoading: true })
    expect(fake.removed).toEqual(['/tmp/convene-print-x1'])
    expect(pdf.isAllowedRequest(pathToFileURL(page).href)).toBe(false)
    expect(pdf.isAllowedRequest('file:///etc/passwd')).toBe(false)
    expect(pdf.isAllowedRequest('https://tracker.example/pixel.gif')).toBe(false)
    expect(pdf.isAllowedRequest('data:image/png;base64,AAAA')).toBe(true)
  })

  it('closes the window and removes the file when loading fails', async () => {
    const fake = fakeDeps({ failLoad: true })
    await expect(createPdfRenderer(fake.deps).render('<p>x</p>')).rejects.toThrow('ERR_FAILED')
    expect(fake.windows[0].destroyed).toBe(true)
    expect(fake.removed).toEqual(['/tmp/convene-print-x1'])
  })
})
