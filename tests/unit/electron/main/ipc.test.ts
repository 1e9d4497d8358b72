import { describe, expect, it, vi } from 'vitest'
import { registerIpc, sendEvent, type IpcHandlers, type IpcMainLike, type InvokeEventLike } from '../../../../electron/main/ipc'
import { MAX_SUGGESTED_NAME_CHARS, invokeChannels } from '../../../../shared/ipc'

const appUrl = 'file:///app/out/renderer/index.html'
const fromApp: InvokeEventLike = { senderFrame: { url: appUrl } }

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, listener)
    },
    removeHandler: (channel) => handlers.delete(channel),
  }
  // What the window's promise settles with: Electron awaits the listener.
  const invoke = (channel: string, event: InvokeEventLike, ...args: unknown[]) => {
    const listener = handlers.get(channel)
    if (!listener) return Promise.reject(new Error(`No handler registered for '${channel}'`))
    return Promise.resolve().then(() => listener(event, ...args))
  }
  return { ipcMain, handlers, invoke }
}

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const fail = () => {
    throw new Error('not in this test')
  }
  return {
    'app.info': () => ({ version: '0.1.0', platform: 'linux', electron: '45.5.0' }),
    'host.start': fail,
    'host.stop': fail,
    'host.status': () => ({ running: false }),
    'files.save': vi.fn(() => Promise.resolve({ saved: true, path: '/home/me/notes.md' })),
    'files.open': () => null,
    'print.toPdf': fail,
    'shell.openExternal': () => undefined,
    ...overrides,
  }
}

function setup(overrides: Partial<IpcHandlers> = {}) {
  const fake = fakeIpcMain()
  const all = handlers(overrides)
  const logged: string[] = []
  const unregister = registerIpc(fake.ipcMain, all, {
    isTrustedSender: (url) => url === appUrl,
    logError: (message) => logged.push(message),
  })
  return { ...fake, all, logged, unregister }
}

describe('registerIpc', () => {
  it('registers exactly the channels of the contract', () => {
    const { handlers: registered, unregister } = setup()
    expect([...registered.keys()].sort()).toEqual(Object.keys(invokeChannels).sort())
    unregister()
    expect(registered.size).toBe(0)
  })

  it('passes a valid call to its handler and returns the result', async () => {
    const { invoke, all } = setup()
    await expect(invoke('app.info', fromApp)).resolves.toEqual({ version: '0.1.0', platform: 'linux', electron: '45.5.0' })
    await expect(invoke('files.save', fromApp, { suggestedName: 'notes.md', data: '# Notes' })).resolves.toEqual({
      saved: true,
      path: '/home/me/notes.md',
    })
    expect(all['files.save']).toHaveBeenCalledWith({ suggestedName: 'notes.md', data: '# Notes' })
  })

  it.each([
    ['a wrong type', { suggestedName: 42, data: 'x' }, /files\.save: invalid argument: suggestedName: .*expected string/i],
    ['an extra field', { suggestedName: 'a.md', data: 'x', path: '/etc/passwd' }, /invalid argument: .*unrecognized key.*"path"/i],
    ['an oversized name', { suggestedName: 'n'.repeat(MAX_SUGGESTED_NAME_CHARS + 1), data: 'x' }, /suggestedName: Too big/i],
    ['a missing field', { suggestedName: 'a.md' }, /files\.save: invalid argument: data: is required/],
    ['no argument at all', undefined, /files\.save: invalid argument/],
  ])('rejects %s with a readable error and never calls the handler', async (_case, arg, message) => {
    const { invoke, all } = setup()
    await expect(invoke('files.save', fromApp, arg)).rejects.toThrow(message)
    expect(all['files.save']).not.toHaveBeenCalled()
  })

  it('rejects a second argument', async () => {
    const { invoke } = setup()
    await expect(invoke('app.info', fromApp, undefined, 'more')).rejects.toThrow('app.info: expected one argument, got 2')
  })

  it('refuses calls from a page that is not the app', async () => {
    const { invoke, all, logged } = setup()
    const args = { suggestedName: 'a.md', data: 'x' }
    await expect(invoke('files.save', { senderFrame: { url: 'https://evil.example/' } }, args)).rejects.toThrow(/refused/)
    await expect(invoke('files.save', { senderFrame: null }, args)).rejects.toThrow(/refused/)
    expect(all['files.save']).not.toHaveBeenCalled()
    expect(logged).toHaveLength(2)
  })

  it('turns a handler failure into a clean rejection carrying its message', async () => {
    const { invoke, logged } = setup({
      'files.open': () => {
        const error = new Error('big.json is 80 MB; Convene opens files up to 64 MB.')
        error.stack = 'secret stack with /home/me paths'
        throw error
      },
      'host.status': () => Promise.reject(new Error('host gone')),
    })
    const failure = await invoke('files.open', fromApp).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).message).toBe('big.json is 80 MB; Convene opens files up to 64 MB.')
    expect((failure as Error).stack).not.toContain('secret stack')
    await expect(invoke('host.status', fromApp)).rejects.toThrow('host gone')
    expect(logged).toEqual(['IPC files.open failed', 'IPC host.status failed'])
  })

  it('refuses a result that the contract does not allow', async () => {
    const { invoke } = setup({
      'app.info': () => ({ version: 1 }) as unknown as { version: string; platform: string; electron: string },
    })
    await expect(invoke('app.info', fromApp)).rejects.toThrow(/app\.info: the app produced an invalid result/)
  })

  it('drops result fields the contract does not name', async () => {
    const { invoke } = setup({
      'files.save': () => ({ saved: true, path: '/tmp/a.md', secret: 'x' }) as { saved: boolean; path: string },
    })
    await expect(invoke('files.save', fromApp, { suggestedName: 'a.md', data: 'x' })).resolves.toEqual({ saved: true, path: '/tmp/a.md' })
  })
})

describe('sendEvent', () => {
  it('sends valid payloads and refuses others', () => {
    const sent: unknown[][] = []
    const target = { send: (channel: string, payload: unknown) => sent.push([channel, payload]) }
    sendEvent(target, 'invite.opened', 'convene://join?room=r')
    expect(() => sendEvent(target, 'invite.opened', 'https://evil.example/')).toThrow(/invite\.opened: invalid payload/)
    expect(sent).toEqual([['invite.opened', 'convene://join?room=r']])
  })
})
