import { describe, expect, it, vi } from 'vitest'
import type { BrowserEnv } from '../../../../renderer/platform/browser'
import { acceptAttribute, createPlatform } from '../../../../renderer/platform'
import { MAX_FILE_BYTES, type ConveneBridge } from '../../../../shared/ipc'

// A few DOM objects, just enough for the browser fallbacks; the unit tests run in Node.
class FakeElement {
  style: Record<string, string> = {}
  attributes: Record<string, string> = {}
  listeners = new Map<string, () => void>()
  value = ''
  href = ''
  download = ''
  rel = ''
  type = ''
  accept = ''
  files: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }[] | null = null
  inDocument = false
  clicks = 0
  selected = false
  focused = 0
  constructor(readonly tag: string) {}
  setAttribute(name: string, value: string) {
    this.attributes[name] = value
  }
  select() {
    this.selected = true
  }
  click() {
    this.clicks += 1
  }
  focus() {
    this.focused += 1
  }
  remove() {
    this.inDocument = false
  }
  addEventListener(type: string, listener: () => void) {
    this.listeners.set(type, listener)
  }
  fire(type: string) {
    this.listeners.get(type)?.()
  }
}

function fakeEnv(options: { clipboard?: 'works' | 'refuses' | 'missing'; execCommand?: boolean } = {}) {
  const created: FakeElement[] = []
  const copiedByCommand: string[] = []
  const opened: unknown[][] = []
  const blobs: Blob[] = []
  const revoked: string[] = []
  const scheduled: { run: () => void; ms: number }[] = []
  const clipboardWrites: string[] = []
  const focusedBefore = new FakeElement('button')
  const document = {
    activeElement: focusedBefore,
    body: {
      appendChild: (element: FakeElement) => {
        element.inDocument = true
        return element
      },
    },
    createElement: (tag: string) => {
      const element = new FakeElement(tag)
      created.push(element)
      return element
    },
    execCommand: (command: string) => {
      const area = created.findLast((element) => element.tag === 'textarea')
      if (command === 'copy' && area?.inDocument && area.selected && options.execCommand !== false) {
        copiedByCommand.push(area.value)
        return true
      }
      return false
    },
  }
  const clipboard =
    options.clipboard === 'missing'
      ? undefined
      : {
          writeText: (text: string) => {
            if (options.clipboard === 'refuses') return Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError'))
            clipboardWrites.push(text)
            return Promise.resolve()
          },
        }
  const env = {
    document: document as unknown as Document,
    navigator: { clipboard } as unknown as Pick<Navigator, 'clipboard'>,
    open: (...args: unknown[]) => opened.push(args),
    createObjectURL: (blob: Blob) => {
      blobs.push(blob)
      return `blob:convene/${blobs.length}`
    },
    revokeObjectURL: (url: string) => revoked.push(url),
    later: (run: () => void, ms: number) => scheduled.push({ run, ms }),
  } satisfies BrowserEnv
  return { env, created, copiedByCommand, opened, blobs, revoked, scheduled, clipboardWrites, focusedBefore }
}

describe('the browser platform', () => {
  it('has no desktop-only features', () => {
    const platform = createPlatform(undefined, fakeEnv().env)
    expect(platform.kind).toBe('browser')
    expect(platform.printToPdf).toBeUndefined()
    expect(platform.host).toBeUndefined()
    const unsubscribe = platform.onInviteLink(() => undefined)
    expect(unsubscribe()).toBeUndefined()
  })

  it('copies with the Clipboard API', async () => {
    const fake = fakeEnv()
    await expect(createPlatform(undefined, fake.env).copyText('convene://join?room=a')).resolves.toBe(true)
    expect(fake.clipboardWrites).toEqual(['convene://join?room=a'])
    expect(fake.created).toHaveLength(0)
  })

  it.each(['refuses', 'missing'] as const)('falls back to a selected textarea when the Clipboard API %s', async (clipboard) => {
    const fake = fakeEnv({ clipboard })
    await expect(createPlatform(undefined, fake.env).copyText('invite code')).resolves.toBe(true)
    expect(fake.copiedByCommand).toEqual(['invite code'])
    const area = fake.created[0]
    expect(area.inDocument).toBe(false)
    expect(area.attributes).toMatchObject({ readonly: '', 'aria-hidden': 'true' })
    expect(fake.focusedBefore.focused).toBe(1)
  })

  it('says so when nothing could copy', async () => {
    const fake = fakeEnv({ clipboard: 'missing', execCommand: false })
    await expect(createPlatform(undefined, fake.env).copyText('x')).resolves.toBe(false)
  })

  it('saves by downloading under a safe name', async () => {
    const fake = fakeEnv()
    const result = await createPlatform(undefined, fake.env).saveFile({ suggestedName: 'Spring/cohort.md', data: '# Notes', mimeType: 'text/markdown' })
    expect(result).toEqual({ saved: true })
    const link = fake.created[0]
    expect(link).toMatchObject({ tag: 'a', href: 'blob:convene/1', download: 'Spring-cohort.md', clicks: 1, inDocument: false })
    expect(await fake.blobs[0].text()).toBe('# Notes')
    expect(fake.blobs[0].type).toBe('text/markdown')
    expect(fake.revoked).toEqual([])
    fake.scheduled[0].run()
    expect(fake.revoked).toEqual(['blob:convene/1'])
  })

  it('opens a file through a hidden file input', async () => {
    const fake = fakeEnv()
    const opening = createPlatform(undefined, fake.env).openFile({ accept: [{ name: 'Convening', extensions: ['json', 'JSON'] }] })
    const input = fake.created[0]
    expect(input).toMatchObject({ tag: 'input', type: 'file', accept: '.json', clicks: 1 })
    const bytes = new TextEncoder().encode('{"title":"Spring"}')
    input.files = [{ name: 'spring.json', size: bytes.byteLength, arrayBuffer: () => Promise.resolve(bytes.buffer) }]
    input.fire('change')
    const opened = await opening
    expect(opened?.name).toBe('spring.json')
    expect(new TextDecoder().decode(opened?.data)).toBe('{"title":"Spring"}')
    expect(input.inDocument).toBe(false)
  })

  it('resolves null when the person cancels the file picker', async () => {
    const fake = fakeEnv()
    const opening = createPlatform(undefined, fake.env).openFile()
    fake.created[0].fire('cancel')
    await expect(opening).resolves.toBeNull()
  })

  it('refuses a file over the limit', async () => {
    const fake = fakeEnv()
    const opening = createPlatform(undefined, fake.env).openFile()
    const arrayBuffer = vi.fn(() => Promise.resolve(new ArrayBuffer(0)))
    fake.created[0].files = [{ name: 'video.mp4', size: MAX_FILE_BYTES + 10 * 1024 * 1024, arrayBuffer }]
    fake.created[0].fire('change')
    await expect(opening).rejects.toThrow('video.mp4 is 74 MB; Convene opens files up to 64 MB.')
    expect(arrayBuffer).not.toHaveBeenCalled()
  })

  it('opens only https: links, in a new tab without an opener', async () => {
    const fake = fakeEnv()
    const platform = createPlatform(undefined, fake.env)
    await platform.openExternal('https://example.org/reading')
    await expect(platform.openExternal('javascript:alert(1)')).rejects.toThrow('Only https: links')
    expect(fake.opened).toEqual([['https://example.org/reading', '_blank', 'noopener,noreferrer']])
  })
})

function fakeBridge() {
  const calls: unknown[][] = []
  const record =
    <T>(name: string, result: T) =>
    (...args: unknown[]) => {
      calls.push([name, ...args])
      return Promise.resolve(result)
    }
  const bridge: ConveneBridge = {
    app: { info: record('app.info', { version: '1', platform: 'linux', electron: '45' }) },
    host: {
      start: record('host.start', { port: 4444, signalingUrl: 'ws://127.0.0.1:4444/', webUrls: [], lanUrls: [] }),
      stop: record('host.stop', undefined),
      status: record('host.status', { running: false as const }),
    },
    files: {
      save: record('files.save', { saved: true, path: '/home/me/a.md' }),
      open: record('files.open', null),
    },
    print: { toPdf: record('print.toPdf', { saved: false }) },
    shell: { openExternal: record('shell.openExternal', undefined) },
    invite: {
      onOpened: (listener) => {
        calls.push(['invite.onOpened'])
        listener('convene://join?room=a')
        return () => calls.push(['unsubscribed'])
      },
    },
  }
  return { bridge, calls }
}

describe('the desktop platform', () => {
  it('goes through the bridge', async () => {
    const { bridge, calls } = fakeBridge()
    const platform = createPlatform(bridge, fakeEnv().env)
    expect(platform.kind).toBe('desktop')
    await platform.saveFile({ suggestedName: 'notes.md', data: '# Notes', mimeType: 'text/markdown' })
    await platform.openFile({ accept: [{ name: 'Convening', extensions: ['json'] }] })
    await platform.openFile()
    await platform.printToPdf?.({ html: '<p>x</p>', suggestedName: 'Harvest' })
    await platform.host?.start({ lan: true })
    await platform.openExternal('https://example.org/')
    expect(calls).toEqual([
      ['files.save', { suggestedName: 'notes.md', data: '# Notes', filters: [{ name: 'MD file', extensions: ['md'] }] }],
      ['files.open', { filters: [{ name: 'Convening', extensions: ['json'] }] }],
      ['files.open', undefined],
      ['print.toPdf', { html: '<p>x</p>', suggestedName: 'Harvest' }],
      ['host.start', { lan: true }],
      ['shell.openExternal', { url: 'https://example.org/' }],
    ])
  })

  it('refuses a non-https link before asking main', async () => {
    const { bridge, calls } = fakeBridge()
    await expect(createPlatform(bridge, fakeEnv().env).openExternal('file:///etc/passwd')).rejects.toThrow('Only https: links')
    expect(calls).toEqual([])
  })

  it('passes invite links through and returns the unsubscribe', () => {
    const { bridge, calls } = fakeBridge()
    const seen: string[] = []
    const unsubscribe = createPlatform(bridge, fakeEnv().env).onInviteLink((url) => seen.push(url))
    unsubscribe()
    expect(seen).toEqual(['convene://join?room=a'])
    expect(calls).toEqual([['invite.onOpened'], ['unsubscribed']])
  })
})

describe('acceptAttribute', () => {
  it('lists extensions, or accepts anything for *', () => {
    expect(acceptAttribute([{ name: 'Notes', extensions: ['md', 'txt'] }, { name: 'Convening', extensions: ['json'] }])).toBe('.md,.txt,.json')
    expect(acceptAttribute([{ name: 'Any', extensions: ['*'] }])).toBe('')
  })
})
