import { describe, expect, it, vi } from 'vitest'
import { subscribeToEvent, type IpcOn } from '../../../../electron/preload/events'

function fakeIpc() {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>()
  const ipc: IpcOn = { on: (channel, listener) => listeners.set(channel, listener) }
  const event = { sender: { invoke: 'the ipcRenderer itself' } }
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.(event, payload)
  return { ipc, emit }
}

const isString = (payload: unknown): payload is string => typeof payload === 'string'
const settle = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('subscribeToEvent', () => {
  it('hands listeners the payload only, never the IPC event', () => {
    const { ipc, emit } = fakeIpc()
    const subscribe = subscribeToEvent(ipc, 'invite.opened', isString)
    const calls: unknown[][] = []
    subscribe((...args: unknown[]) => calls.push(args))
    emit('invite.opened', 'convene://join?room=a')
    expect(calls).toEqual([['convene://join?room=a']])
  })

  it('stops delivering after unsubscribe', () => {
    const { ipc, emit } = fakeIpc()
    const subscribe = subscribeToEvent(ipc, 'invite.opened', isString)
    const seen: string[] = []
    const unsubscribe = subscribe((url) => seen.push(url))
    emit('invite.opened', 'convene://join?room=a')
    unsubscribe()
    emit('invite.opened', 'convene://join?room=b')
    const again: string[] = []
    subscribe((url) => again.push(url))
    emit('invite.opened', 'convene://join?room=c')
    expect(seen).toEqual(['convene://join?room=a'])
    expect(again).toEqual(['convene://join?room=c'])
  })

  it('keeps a link that arrived before anyone listened for the first listener still there (StrictMode)', async () => {
    const { ipc, emit } = fakeIpc()
    const subscribe = subscribeToEvent(ipc, 'invite.opened', isString)
    emit('invite.opened', 'convene://join?room=early')
    const first: string[] = []
    const second: string[] = []
    subscribe((url) => first.push(url))()
    subscribe((url) => second.push(url))
    await settle()
    expect(first).toEqual([])
    expect(second).toEqual(['convene://join?room=early'])
  })

  it('ignores payloads of the wrong shape and survives a failing listener', () => {
    const { ipc, emit } = fakeIpc()
    const subscribe = subscribeToEvent(ipc, 'invite.opened', isString)
    const seen: string[] = []
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    subscribe(() => {
      throw new Error('listener bug')
    })
    subscribe((url) => seen.push(url))
    emit('invite.opened', { evil: true })
    emit('invite.opened', 'convene://join?room=a')
    expect(seen).toEqual(['convene://join?room=a'])
    expect(logged).toHaveBeenCalledTimes(1)
    logged.mockRestore()
  })
})
