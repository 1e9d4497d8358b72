// Types derived from the contract. The preload's `window.convene` object satisfies
// ConveneBridge, and the window imports these with `import type` only, so no zod or
// main-process code reaches the renderer through the bridge.
import type { z } from 'zod'
import type { eventChannels, invokeChannels } from './contract'

type InvokeChannels = typeof invokeChannels
type EventChannels = typeof eventChannels

export type InvokeChannel = keyof InvokeChannels
export type EventChannel = keyof EventChannels

/** What the window passes (before validation). */
export type ChannelArgs<C extends InvokeChannel> = z.input<InvokeChannels[C]['args']>
/** What a main-process handler receives (after validation). */
export type ChannelParsedArgs<C extends InvokeChannel> = z.output<InvokeChannels[C]['args']>
export type ChannelResult<C extends InvokeChannel> = z.output<InvokeChannels[C]['result']>
export type EventPayload<E extends EventChannel> = z.output<EventChannels[E]>

/** A channel whose argument may be left out is called with none: `convene.app.info()`. */
export type InvokeFunction<C extends InvokeChannel> = (
  ...args: undefined extends ChannelArgs<C> ? [args?: ChannelArgs<C>] : [args: ChannelArgs<C>]
) => Promise<ChannelResult<C>>

/** Subscribes to an event; returns the function that unsubscribes. */
export type Subscribe<E extends EventChannel> = (listener: (payload: EventPayload<E>) => void) => () => void

type NamespaceOf<N extends string> = N extends `${infer Namespace}.${string}` ? Namespace : never
type Simplify<T> = { [K in keyof T]: T[K] } & {}

export type ConveneBridge = {
  readonly [Namespace in NamespaceOf<InvokeChannel | EventChannel>]: Simplify<
    {
      readonly [C in InvokeChannel as C extends `${Namespace}.${infer Method}` ? Method : never]: InvokeFunction<C>
    } & {
      readonly [E in EventChannel as E extends `${Namespace}.${infer Name}` ? `on${Capitalize<Name>}` : never]: Subscribe<E>
    }
  >
}

export type AppInfo = ChannelResult<'app.info'>
export type HostAddresses = ChannelResult<'host.start'>
export type HostStatus = ChannelResult<'host.status'>
export type HostOptions = ChannelArgs<'host.start'>
export type FileFilter = NonNullable<ChannelArgs<'files.save'>['filters']>[number]
export type SaveFileResult = ChannelResult<'files.save'>
export type OpenedFile = NonNullable<ChannelResult<'files.open'>>
