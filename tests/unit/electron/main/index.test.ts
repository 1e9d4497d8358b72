// Boots the real main process (electron/main/index.ts) against a fake 'electron'
// module, since the Electron binary cannot run here: checks the wiring between the
// tested modules and the app lifecycle.
import { afterEach, describe, expect, it, vi } from 'vitest'

// vi.hoisted runs before the imports, so it loads what it needs itself.
const fake = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  const state = {
    singleInstance: true,
    ready: false,
    quits: 0,
    protocols: [] as unknown[][],
    sent: [] as unknown[][],
    loaded: [] as string[],
    cspInstalled: 0,
    printFilters: 0,
    windows: [] as FakeWindow[],
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    resolveReady: () => undefined as void,
  }
  class Contents extends Emitter {
    setWindowOpenHandler() {}
    send(channel: string, payload: unknown) {
      state.sent.push([channel, payload])
    }
  }
  class FakeWindow extends Emitter {
    webContents = new Contents()
    shown = 0
    constructor(readonly options: unknown) {
      super()
      state.windows.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadFile(path: string) {
      state.loaded.push(path)
      return Promise.resolve()
    }
    loadURL(url: string) {
      state.loaded.push(url)
      return Promise.resolve()
    }
    show() {
      this.shown += 1
    }
    focus() {}
    isMinimized() {
      return false
    }
    destroy() {}
  }
  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => state.singleInstance,
    setAsDefaultProtocolClient: (...args: unknown[]) => state.protocols.push(args) > 0,
    whenReady: () =>
      new Promise<void>((resolve) => {
        state.resolveReady = () => {
          state.ready = true
          resolve()
        }
      }),
    isReady: () => state.ready,
    getVersion: () => '0.1.0',
    getPath: () => '/home/me/Documents',
    setAboutPanelOptions: () => undefined,
    showAboutPanel: () => undefined,
    quit: () => {
      state.quits += 1
    },
    exit: () => undefined,
  })
  const makeSession = (onHeaders: () => void, onBefore: () => void) => ({
    setPermissionRequestHandler: () => undefined,
    setPermissionCheckHandler: () => undefined,
    webRequest: { onHeadersReceived: onHeaders, onBeforeRequest: onBefore },
  })
  const electron = {
    app,
    BrowserWindow: FakeWindow,
    session: {
      defaultSession: makeSession(
        () => (state.cspInstalled += 1),
        () => undefined,
      ),
      fromPartition: () =>
        makeSession(
          () => undefined,
          () => (state.printFilters += 1),
        ),
    },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => state.handlers.set(channel, listener),
      removeHandler: (channel: string) => state.handlers.delete(channel),
    },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => undefined },
    dialog: { showErrorBox: () => undefined, showSaveDialog: () => undefined, showOpenDialog: () => undefined },
    shell: { openExternal: () => Promise.resolve() },
  }
  return { state, electron, app }
})

vi.mock('electron', () => fake.electron)

const launchLink = 'convene://join?room=launch'
const argv = process.argv

async function boot(options: { singleInstance?: boolean; launchArgs?: string[] } = {}) {
  vi.resetModules()
  fake.app.removeAllListeners()
  Object.assign(fake.state, {
    singleInstance: options.singleInstance ?? true,
    ready: false,
    quits: 0,
    protocols: [],
    sent: [],
    loaded: [],
    cspInstalled: 0,
    printFilters: 0,
    windows: [],
  })
  fake.state.handlers.clear()
  process.argv = [...argv.slice(0, 1), ...(options.launchArgs ?? [])]
  await import('../../../../electron/main/index')
  process.argv = argv
}

async function becomeReady() {
  fake.state.resolveReady()
  await vi.waitFor(() => expect(fake.state.windows).toHaveLength(1))
  return fake.state.windows[0]
}

const fromApp = () => ({ senderFrame: { url: `file://${fake.state.loaded[0]}` } })

afterEach(() => {
  process.argv = argv
})

describe('the main process', () => {
  it('quits at once when another instance is running', async () => {
    await boot({ singleInstance: false })
    expect(fake.state.quits).toBe(1)
    expect(fake.state.protocols).toEqual([])
  })

  it('opens one secure window on the built app once ready, with the policy header and IPC in place', async () => {
    await boot()
    expect(fake.state.protocols).toEqual([['convene']])
    expect(fake.state.windows).toHaveLength(0)
    const win = await becomeReady()
    expect(win.options).toMatchObject({ title: 'Convene', webPreferences: { sandbox: true, contextIsolation: true } })
    expect(fake.state.loaded[0]).toMatch(/renderer[\\/]index\.html$/)
    expect(fake.state.cspInstalled).toBe(1)
    expect(fake.state.printFilters).toBe(1)
    expect(win.shown).toBe(0)
    win.emit('ready-to-show')
    expect(win.shown).toBe(1)
    expect([...fake.state.handlers.keys()]).toContain('files.save')
  })

  it('delivers the invite link it was launched with once the page has loaded, and later ones from second instances', async () => {
    await boot({ launchArgs: ['--some-flag', launchLink] })
    const win = await becomeReady()
    expect(fake.state.sent).toEqual([])
    win.webContents.emit('did-finish-load')
    expect(fake.state.sent).toEqual([['invite.opened', launchLink]])
    fake.app.emit('second-instance', {}, ['/opt/Convene/convene', 'convene://join?room=second'])
    fake.app.emit('second-instance', {}, ['/opt/Convene/convene', 'https://evil.example/'])
    expect(fake.state.sent).toEqual([
      ['invite.opened', launchLink],
      ['invite.opened', 'convene://join?room=second'],
    ])
  })

  it('refuses IPC from a page that is not the app', async () => {
    await boot()
    await becomeReady()
    const status = fake.state.handlers.get('host.status')
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(Promise.resolve(status?.({ senderFrame: { url: 'https://evil.example/' } }))).rejects.toThrow(/refused/)
    expect(logged).toHaveBeenCalledWith('Refused host.status from https://evil.example/', undefined)
    logged.mockRestore()
    await expect(Promise.resolve(status?.(fromApp()))).resolves.toEqual({ running: false })
  })

  it('closes the embedded host before quitting', async () => {
    await boot()
    await becomeReady()
    const started = (await fake.state.handlers.get('host.start')?.(fromApp(), { lan: false, port: 0 })) as { signalingUrl: string }
    expect(started.signalingUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/)
    let prevented = false
    fake.app.emit('before-quit', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    await vi.waitFor(() => expect(fake.state.quits).toBe(1))
    await expect(Promise.resolve(fake.state.handlers.get('host.status')?.(fromApp()))).resolves.toEqual({ running: false })
  })
})
