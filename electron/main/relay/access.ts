// Who may enter a relay room: whoever shows a token whose SHA-256 is the room's
// verifier. A room without a verifier takes the first token's hash (trust on first
// use): the room's name is derived from the invite secret, so nobody without the
// secret can address the room first. The relay keeps only hashes, never tokens.
import { createHash, timingSafeEqual } from 'node:crypto'
import { RELAY_ROOM_PATTERN, RELAY_TOKEN_PATTERN } from '../../../shared/relay'
import { claimInRedis, REDIS_PREFIX } from './redis'
import type { RelayRedis } from './redis'
import type { RelayStore } from './store'

export type AccessCheck = (room: string, token: string) => Promise<boolean>

function sha256(text: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest())
}

export function createAccessCheck(store: RelayStore, redis?: RelayRedis): AccessCheck {
  async function verifierFor(room: string, hash: Uint8Array): Promise<Uint8Array> {
    const local = await store.verifier(room)
    if (!redis) return local ?? store.claimVerifier(room, hash)
    // Redis decides, so every relay agrees; the local copy survives a Redis restart.
    const claimed = await claimInRedis(redis.client, `${REDIS_PREFIX}:verifier:${room}`, Buffer.from(local ?? hash).toString('base64url'))
    const verifier = new Uint8Array(Buffer.from(claimed, 'base64url'))
    if (!local) await store.claimVerifier(room, verifier)
    return verifier
  }

  return async (room, token) => {
    if (!RELAY_ROOM_PATTERN.test(room) || !RELAY_TOKEN_PATTERN.test(token)) return false
    const hash = sha256(token)
    const verifier = await verifierFor(room, hash)
    return verifier.length === hash.length && timingSafeEqual(verifier, hash)
  }
}
