// The one contract between the main process and the window. Every channel names the
// zod schema of its argument and of its result; main validates each argument with it
// before any handler runs (electron/main/ipc.ts), the preload exposes exactly these
// channels, and the window's types are derived from this object (./bridge.ts).
//
// A channel is "namespace.method": `files.save` becomes `window.convene.files.save()`.
// Events flow main -> window only; `invite.opened` becomes `convene.invite.onOpened()`.
import { z } from 'zod'
import { MAX_FILE_BYTES, MAX_PRINT_HTML_CHARS, MAX_SUGGESTED_NAME_CHARS, MAX_URL_CHARS, formatBytes } from './limits'

/** An https: link with no user name or password in it (`https://bank.example@evil.example`). */
export const externalLink = z
  .url({ protocol: /^https$/, normalize: true, error: 'must be an https: link' })
  .max(MAX_URL_CHARS)
  // After `normalize` the value is the parsed href, so the authority is exactly the
  // text between "https://" and the next "/": an "@" there means credentials.
  .refine((href) => !/^https:\/\/[^/]*@/.test(href), 'must not carry a user name or password')

/** A `convene:` invite link as the operating system hands it to the app. */
export const inviteLink = z.url({ protocol: /^convene$/, error: 'must be a convene: link' }).max(MAX_URL_CHARS)

const fileFilter = z.strictObject({
  name: z.string().trim().min(1).max(64),
  extensions: z
    .array(z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, 'an extension is letters and digits without the dot, or *'))
    .min(1)
    .max(16),
})
const fileFilters = z.array(fileFilter).max(16)

const suggestedName = z.string().min(1).max(MAX_SUGGESTED_NAME_CHARS)
const tooLarge = `must be at most ${formatBytes(MAX_FILE_BYTES)}`
const fileData = z.union(
  [
    z.string().max(MAX_FILE_BYTES, tooLarge),
    // z.custom rather than z.instanceof: callers hold Uint8Array<ArrayBufferLike> (a Buffer, a view of a Yjs update).
    z
      .custom<Uint8Array>((value) => value instanceof Uint8Array, { error: 'must be text or bytes' })
      .refine((data) => data.byteLength <= MAX_FILE_BYTES, tooLarge),
  ],
  { error: (issue) => (issue.input === undefined ? 'is required' : 'must be text or bytes') },
)

const saveResult = z.object({ saved: z.boolean(), path: z.string().optional() })

const hostAddresses = z.object({
  port: z.number().int(),
  /** Where this app's own window reaches the signaling server (loopback). */
  signalingUrl: z.string(),
  /** Where a browser opens the web app: loopback first, then each LAN address. */
  webUrls: z.array(z.string()),
  /** Signaling addresses that other machines on the LAN can reach (empty unless `lan`). */
  lanUrls: z.array(z.string()),
  /** Where this app's own window reaches the relay the host runs (loopback), when it runs one. */
  relayUrl: z.string().optional(),
  /** Relay addresses that other machines on the LAN can reach (empty unless `lan`). */
  lanRelayUrls: z.array(z.string()).optional(),
})

const noArgument = z.undefined()

export const invokeChannels = {
  'app.info': {
    args: noArgument,
    result: z.object({ version: z.string(), platform: z.string(), electron: z.string() }),
  },
  'host.start': {
    args: z.strictObject({
      /** true: reachable from the LAN (0.0.0.0); false: this machine only (127.0.0.1). */
      lan: z.boolean(),
      port: z.number().int().min(0).max(65535).optional(),
    }),
    result: hostAddresses,
  },
  'host.stop': { args: noArgument, result: z.void() },
  'host.status': {
    args: noArgument,
    result: z.discriminatedUnion('running', [
      z.object({ running: z.literal(false) }),
      hostAddresses.extend({
        running: z.literal(true),
        lan: z.boolean(),
        /** Open connections to the signaling server (each window of each person). */
        connections: z.number().int(),
      }),
    ]),
  },
  'files.save': {
    args: z.strictObject({ suggestedName, data: fileData, filters: fileFilters.optional() }),
    result: saveResult,
  },
  'files.open': {
    args: z.strictObject({ filters: fileFilters.optional() }).optional(),
    result: z.object({ name: z.string(), data: z.instanceof(Uint8Array) }).nullable(),
  },
  'print.toPdf': {
    args: z.strictObject({
      html: z.string().max(MAX_PRINT_HTML_CHARS),
      suggestedName,
      pageSize: z.enum(['A4', 'Letter']).optional(),
    }),
    result: saveResult,
  },
  'shell.openExternal': {
    args: z.strictObject({ url: externalLink }),
    result: z.void(),
  },
} as const

export const eventChannels = {
  'invite.opened': inviteLink,
} as const

export const ipcContract = { invoke: invokeChannels, events: eventChannels } as const

export function isExternalLink(value: unknown): value is string {
  return externalLink.safeParse(value).success
}

export function isInviteLink(value: unknown): value is string {
  return inviteLink.safeParse(value).success
}
