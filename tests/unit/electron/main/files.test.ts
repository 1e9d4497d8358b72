import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileHandlers, type FileDeps } from '../../../../electron/main/files'
import { MAX_FILE_BYTES } from '../../../../shared/ipc'

function fakeDeps(overrides: Partial<FileDeps> = {}) {
  const written = new Map<string, string | Uint8Array>()
  const dialogs: unknown[] = []
  const deps: FileDeps = {
    showSaveDialog: (options) => {
      dialogs.push(options)
      return Promise.resolve({ canceled: false, filePath: join('/home/me/Documents', 'chosen.md') })
    },
    showOpenDialog: (options) => {
      dialogs.push(options)
      return Promise.resolve({ canceled: false, filePaths: ['/home/me/Documents/convening.json'] })
    },
    writeFile: (path, data) => {
      written.set(path, data)
      return Promise.resolve()
    },
    readFile: () => Promise.resolve(Buffer.from('{"title":"Spring cohort"}')),
    fileSize: () => Promise.resolve(25),
    defaultFolder: '/home/me/Documents',
    ...overrides,
  }
  return { deps, written, dialogs }
}

describe('files.save', () => {
  it('suggests a safe name in the Documents folder and writes where the person chose', async () => {
    const { deps, written, dialogs } = fakeDeps()
    const result = await createFileHandlers(deps).save({ suggestedName: '../../etc/cron.d/x', data: '# Notes' })
    expect(result).toEqual({ saved: true, path: join('/home/me/Documents', 'chosen.md') })
    expect(dialogs[0]).toMatchObject({ defaultPath: join('/home/me/Documents', '-..-etc-cron.d-x') })
    expect(written.get(join('/home/me/Documents', 'chosen.md'))).toBe('# Notes')
  })

  it('writes nothing when the person cancels', async () => {
    const { deps, written } = fakeDeps({ showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }) })
    await expect(createFileHandlers(deps).save({ suggestedName: 'a.md', data: 'x' })).resolves.toEqual({ saved: false })
    expect(written.size).toBe(0)
  })

  it('explains a failed write in words', async () => {
    const denied = Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' })
    const { deps } = fakeDeps({ writeFile: () => Promise.reject(denied) })
    await expect(createFileHandlers(deps).save({ suggestedName: 'a.md', data: 'x' })).rejects.toThrow(
      'Could not save chosen.md: permission denied',
    )
  })
})

describe('files.open', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const { deps, dialogs } = fakeDeps()
    const opened = await createFileHandlers(deps).open({ filters: [{ name: 'Convening', extensions: ['json'] }] })
    expect(opened?.name).toBe('convening.json')
    expect(new TextDecoder().decode(opened?.data)).toBe('{"title":"Spring cohort"}')
    expect(opened?.data).not.toBeInstanceOf(Buffer)
    // A small Buffer shares its pool with other data: only this file's bytes may travel.
    expect(opened?.data.buffer.byteLength).toBe(25)
    expect(dialogs[0]).toMatchObject({ filters: [{ name: 'Convening', extensions: ['json'] }], properties: ['openFile'] })
  })

  it('returns null when the person cancels', async () => {
    const { deps } = fakeDeps({ showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) })
    await expect(createFileHandlers(deps).open(undefined)).resolves.toBeNull()
  })

  it('refuses a file over the limit before reading it', async () => {
    let read = false
    const { deps } = fakeDeps({
      fileSize: () => Promise.resolve(MAX_FILE_BYTES + 1),
      readFile: () => {
        read = true
        return Promise.resolve(new Uint8Array())
      },
    })
    await expect(createFileHandlers(deps).open(undefined)).rejects.toThrow(
      'convening.json is 64.0 MB; Convene opens files up to 64 MB.',
    )
    expect(read).toBe(false)
  })
})
