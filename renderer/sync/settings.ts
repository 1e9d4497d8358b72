import { z } from 'zod'
import { ColourSchema, NAME_MAX, PERSON_COLOURS, newId, relayBeside } from '../../shared/session'
import type { ConveneDB } from './db'
import type { NetworkSettings } from './session'

/** Who I am on this machine: a stable person id, my name and colour (local scope only). */
export const IdentitySchema = z.object({
  personId: z.string().min(1).max(64),
  name: z.string().max(NAME_MAX),
  colour: ColourSchema,
})
export type Identity = z.infer<typeof IdentitySchema>

const IceServerSchema = z.object({
  urls: z.union([z.string().max(500), z.array(z.string().max(500)).max(8)]),
  username: z.string().max(200).optional(),
  credential: z.string().max(200).optional(),
})

export const NetworkSchema = z.object({
  signaling: z.array(z.string().max(500)).max(4),
  /** Absent in settings saved before relays existed: the default relay then. */
  relays: z.array(z.string().max(500)).max(4).optional(),
  iceServers: z.array(IceServerSchema).max(8),
})

export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  } catch {
    return 'UTC'
  }
}

/**
 * Where to signal when an invite names no server: the browser twin is served by a
 * Convene host, which also signals on the same address; the desktop app defaults to
 * a host on this computer (started from the invite dialog).
 */
export function defaultSignaling(): string[] {
  if (location.protocol === 'http:' || location.protocol === 'https:') {
    return [`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`]
  }
  return ['ws://127.0.0.1:4444']
}

/**
 * The relay for rooms started here: the browser twin's host (`convene web`) runs one
 * beside its signaling, at /relay; the desktop app's own host does too, on this
 * computer until the facilitator hosts on the network (the invite then names the
 * network address). An organisation sets its own in Connection settings.
 */
export function defaultRelays(): string[] {
  return defaultSignaling().map(relayBeside)
}

export async function loadIdentity(db: ConveneDB): Promise<Identity> {
  const row = await db.settings.get('identity')
  const parsed = IdentitySchema.safeParse(row?.value)
  if (parsed.success) return parsed.data
  const fresh: Identity = {
    personId: newId(),
    name: '',
    colour: PERSON_COLOURS[Math.floor(Math.random() * PERSON_COLOURS.length)],
  }
  await db.settings.put({ key: 'identity', value: fresh })
  return fresh
}

export async function saveIdentity(db: ConveneDB, identity: Identity): Promise<Identity> {
  const parsed = IdentitySchema.parse(identity)
  await db.settings.put({ key: 'identity', value: parsed })
  return parsed
}

export async function loadNetwork(db: ConveneDB): Promise<NetworkSettings> {
  const row = await db.settings.get('network')
  const parsed = NetworkSchema.safeParse(row?.value)
  if (parsed.success && parsed.data.signaling.length > 0) return { ...parsed.data, relays: parsed.data.relays ?? defaultRelays() }
  return { signaling: defaultSignaling(), relays: defaultRelays(), iceServers: parsed.success ? parsed.data.iceServers : [] }
}

export async function saveNetwork(db: ConveneDB, network: NetworkSettings): Promise<void> {
  await db.settings.put({ key: 'network', value: NetworkSchema.parse(network) })
}
