// Registers one ipcMain handler per channel of the contract (shared/ipc). Each
// argument is validated with the channel's zod schema before the handler sees it,
// and each result is checked against its schema before it leaves main, so a
// handler cannot leak fields the contract does not name. There is no generic
// passthrough: a channel missing from `handlers` is a type error.
import type { z } from 'zod'
import {
  eventChannels,
  invokeChannels,
  type ChannelParsedArgs,
  type ChannelResult,
  type EventChannel,
  type EventPayload,
  type InvokeChannel,
} from '../../shared/ipc'

/** The part of IpcMainInvokeEvent used here. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null
}

/** The part of ipcMain used here. */
export interface IpcMainLike<E extends InvokeEventLike = InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

export type IpcHandler<C extends InvokeChannel> = (
  args: ChannelParsedArgs<C>,
) => Promise<z.input<(typeof invokeChannels)[C]['result']>> | z.input<(typeof invokeChannels)[C]['result']>

export type IpcHandlers = { [C in InvokeChannel]: IpcHandler<C> }

export interface RegisterIpcOptions {
  /** Only the app's own page may call; other frames are refused. */
  isTrustedSender: (url: string) => boolean
  /** Where failures are logged in full (console.error by default). */
  logError?: (message: string, error: unknown) => void
}

/** "suggestedName: Too big: expected string to have <=1024 characters; data: ..." */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** An Error whose message alone reads well in the window (Electron sends only the message). */
function readableError(error: unknown): Error {
  if (error instanceof Error) return new Error(error.message)
  return new Error(typeof error === 'string' ? error : 'Something went wrong in the app.')
}

async function dispatch<C extends InvokeChannel>(
  channel: C,
  handler: IpcHandler<C>,
  arg: unknown,
  extra: number,
): Promise<ChannelResult<C>> {
  if (extra > 0) throw new Error(`${channel}: expected one argument, got ${extra + 1}`)
  const spec = invokeChannels[channel]
  const parsed = spec.args.safeParse(arg)
  if (!parsed.success) throw new Error(`${channel}: invalid argument: ${describeIssues(parsed.error)}`)
  const result = await handler(parsed.data as ChannelParsedArgs<C>)
  const checked = spec.result.safeParse(result)
  if (!checked.success) throw new Error(`${channel}: the app produced an invalid result: ${describeIssues(checked.error)}`)
  return checked.data as ChannelResult<C>
}

export function registerIpc<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  handlers: IpcHandlers,
  options: RegisterIpcOptions,
): () => void {
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error))
  const channels = Object.keys(invokeChannels) as InvokeChannel[]
  for (const channel of channels) {
    const handler = handlers[channel] as IpcHandler<typeof channel>
    ipcMain.handle(channel, async (event, arg, ...rest) => {
      const sender = event.senderFrame?.url ?? ''
      if (!options.isTrustedSender(sender)) {
        logError(`Refused ${channel} from ${sender || 'a closed frame'}`, undefined)
        throw new Error(`${channel}: refused: the request did not come from the app`)
      }
      try {
        return await dispatch(channel, handler, arg, rest.length)
      } catch (error) {
        logError(`IPC ${channel} failed`, error)
        throw readableError(error)
      }
    })
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}

/** The part of WebContents that receives events. */
export interface EventReceiver {
  send(channel: string, payload: unknown): void
}

/** Sends a main -> window event after checking its payload against the contract. */
export function sendEvent<E extends EventChannel>(target: EventReceiver, channel: E, payload: EventPayload<E>): void {
  const checked = eventChannels[channel].safeParse(payload)
  if (!checked.success) throw new Error(`${channel}: invalid payload: ${describeIssues(checked.error)}`)
  target.send(channel, checked.data)
}
