// Loads the real preload against a fake 'electron' and checks what the page gets.
import { describe, expect, it, vi } from 'vitest'
import { invokeChannels, type ConveneBridge } from '../../../../shared/ipc'

const fake = vi.hoisted(() => {
  const state = {
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    listeners: new Map<string, (event: unknown, payload: unknown) => void>(),
    fail: undefined as string | undefined,
  }
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        state.invoked.push(args)
        return state.fail ? Promise.reject(new Error(state.fail)) : Promise.resolve('ok')
      },
      on: (channel: string, listener: (event: unknown, payload: unknown) => void) => state.listeners.set(channel, listener),
    },
  }
  return { state, electron }
})

vi.mock('electron', () => fake.electron)
await import('../../../../electron/preload/index')
const bridge = fake.state.exposed.get('convene') as ConveneBridge

describe('the preload', () => {
  it('exposes one object, with a named function for every channel of the contract', () => {
    expect([...fake.state.exposed.keys()]).toEqual(['convene'])
    const exposed = Object.entries(bridge).flatMap(([namespace, methods]) =>
      Object.entries(methods as Record<string, unknown>).map(([name, fn]) => {
        expect(typeof fn).toBe('function')
        return `${namespace}.${name}`
      }),
    )
    expect(exposed.filter((name) => !name.startsWith('invite.')).sort()).toEqual(Object.keys(invokeChannels).sort())
    expect(exposed).toContain('invite.onOpened')
  })

  it('sends each call on its own channel with one argument', async () => {
    fake.state.invoked.length = 0
    await bridge.files.save({ suggestedName: 'a.md', data: 'x' })
    await bridge.app.info()
    await (bridge.host.start as (...args: unknown[]) => Promise<unknown>)({ lan: true }, 'extra')
    expect(fake.state.invoked).toEqual([
      ['files.save', { suggestedName: 'a.md', data: 'x' }],
      ['app.info', undefined],
      ['host.start', { lan: true }],
    ])
  })

  it("rejects with main's words, without Electron's wrapper", async () => {
    fake.state.fail = "Error invoking remote method 'files.open': Error: big.json is 80 MB; Convene opens files up to 64 MB."
    await expect(bridge.files.open()).rejects.toThrow(/^big\.json is 80 MB; Convene opens files up to 64 MB\.$/)
    fake.state.fail = undefined
  })

  it('delivers invite links without the IPC event', () => {
    const seen: unknown[][] = []
    const unsubscribe = bridge.invite.onOpened((...args: unknown[]) => seen.push(args))
    fake.state.listeners.get('invite.opened')?.({ sender: 'ipcRenderer' }, 'convene://join?room=a')
    unsubscribe()
    fake.state.listeners.get('invite.opened')?.({ sender: 'ipcRenderer' }, 'convene://join?room=b')
    expect(seen).toEqual([['convene://join?room=a']])
  })
})
