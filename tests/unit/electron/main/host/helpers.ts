// Test clients for the signaling host: real `ws` sockets with a message inbox.
import { afterEach } from 'vitest'
import { startConveneHost } from '../../../../../electron/main/host'
import type { ConveneHost, ConveneHostOptions } from '../../../../../electron/main/host'
import { openSockets } from '../../../../support/signaling-client'

export { connect, nextPublish, roundTrip, subscribed, upgradeStatus } from '../../../../support/signaling-client'
export type { Closed, TestClient } from '../../../../support/signaling-client'

const started: ConveneHost[] = []

afterEach(async () => {
  for (const socket of openSockets.splice(0)) socket.terminate()
  await Promise.all(started.splice(0).map((host) => host.close()))
})

export async function startHost(options: Partial<ConveneHostOptions> = {}): Promise<ConveneHost> {
  const host = await startConveneHost({ host: '127.0.0.1', port: 0, ...options })
  started.push(host)
  return host
}

