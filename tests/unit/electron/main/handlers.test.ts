import { describe, expect, it } from 'vitest'
import { createFileHandlers, type SaveRequest } from '../../../../electron/main/files'
import { createHandlers, type HandlerDeps } from '../../../../electron/main/handlers'
import { createHostController } from '../../../../electron/main/hosting'

function setup() {
  const saved: SaveRequest[] = []
  const opened: string[] = []
  const files = createFileHandlers({
    showSaveDialog: () => Promise.resolve({ canceled: true }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    writeFile: () => Promise.resolve(),
    readFile: () => Promise.resolve(new Uint8Array()),
    fileSize: () => Promise.resolve(0),
  })
  const deps: HandlerDeps = {
    appInfo: () => ({ version: '0.1.0', platform: 'linux', electron: '45.5.0' }),
    files: {
      ...files,
      save: (request) => {
        saved.push(request)
        return Promise.resolve({ saved: true, path: `/home/me/${request.suggestedName}` })
      },
    },
    host: createHostController({ startConveneHost: () => Promise.reject(new Error('unused')), lanAddresses: () => [] }),
    renderPdf: (html) => Promise.resolve(new TextEncoder().encode(`%PDF ${html.length}`)),
    openExternal: (url) => {
      opened.push(url)
      return Promise.resolve()
    },
  }
  return { handlers: createHandlers(deps), saved, opened }
}

describe('print.toPdf', () => {
  it('renders the HTML and offers to save it as a .pdf', async () => {
    const { handlers, saved } = setup()
    const result = await handlers['print.toPdf']({ html: '<p>Harvest</p>', suggestedName: 'Spring/cohort harvest' })
    expect(result).toEqual({ saved: true, path: '/home/me/Spring-cohort harvest.pdf' })
    expect(saved[0].filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }])
    expect(new TextDecoder().decode(saved[0].data as Uint8Array)).toBe('%PDF 14')
  })
})

describe('shell.openExternal', () => {
  it('opens https: links and refuses anything else even if validation were skipped', async () => {
    const { handlers, opened } = setup()
    await handlers['shell.openExternal']({ url: 'https://example.org/reading' })
    await expect(handlers['shell.openExternal']({ url: 'file:///etc/passwd' })).rejects.toThrow('Only https: links')
    await expect(handlers['shell.openExternal']({ url: 'ms-msdt:/id PCWDiagnostic' })).rejects.toThrow('Only https: links')
    expect(opened).toEqual(['https://example.org/reading'])
  })
})

describe('host.status', () => {
  it('reports not running before hosting starts', async () => {
    const { handlers } = setup()
    expect(await handlers['host.status'](undefined)).toEqual({ running: false })
  })
})
