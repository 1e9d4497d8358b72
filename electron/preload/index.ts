// The preload: exposes `window.convene`, one object with a named function per
// channel of shared/ipc. Only types come from shared/ipc, so this bundle holds no
// zod and requires nothing but 'electron' (a sandboxed preload can require little
// else). Main validates every argument again; nothing here is trusted.
import { contextBridge, ipcRenderer } from 'electron'
import type { ConveneBridge, EventChannel, InvokeChannel, InvokeFunction } from '../../shared/ipc'
import { ipcErrorMessage } from './errors'
import { subscribeToEvent } from './events'

function invoke<C extends InvokeChannel>(channel: C): InvokeFunction<C> {
  // One argument at most, whatever the page passes: the channel's schema names it.
  const call = (arg?: unknown): Promise<unknown> =>
    ipcRenderer.invoke(channel, arg).catch((error: unknown) => {
      throw new Error(ipcErrorMessage(error))
    })
  return call as InvokeFunction<C>
}

const isString = (payload: unknown): payload is string => typeof payload === 'string'

const bridge = {
  app: { info: invoke('app.info') },
  host: { start: invoke('host.start'), stop: invoke('host.stop'), status: invoke('host.status') },
  files: { save: invoke('files.save'), open: invoke('files.open') },
  print: { toPdf: invoke('print.toPdf') },
  shell: { openExternal: invoke('shell.openExternal') },
  invite: { onOpened: subscribeToEvent(ipcRenderer, 'invite.opened' satisfies EventChannel, isString) },
} satisfies ConveneBridge

contextBridge.exposeInMainWorld('convene', bridge)
