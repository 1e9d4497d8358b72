import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { TOKEN_QUERY_PARAMETER } from '../../../shared/signaling'

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest()
}

/**
 * Checks the `?token=` of a WebSocket upgrade request. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess.
 */
export function createTokenCheck(expected: string): (request: IncomingMessage) => boolean {
  const want = digest(expected)
  return (request) => {
    let given: string | null
    try {
      given = new URL(request.url ?? '/', 'http://localhost').searchParams.get(TOKEN_QUERY_PARAMETER)
    } catch {
      return false
    }
    return given !== null && timingSafeEqual(digest(given), want)
  }
}
