// Issue 13's fault run, third part: the signaling host under the attacks of issue 13
// (one address trying to take every slot, floods from many connections, publishes to a
// room without subscribing), while legitimate newcomers join a room. A join is timed
// from opening the WebSocket until a peer already in the room has received the
// newcomer's first message (what y-webrtc needs before any WebRTC offer can flow).
// Goal: under 5 s, every time. Baseline: the same joins with no attack, same run.
// Attackers and honest people use different loopback addresses (127.0.0.1 is the
// attacker), as a real attacker's address differs from their victims'.
import { startConveneHost } from '../../electron/main/host'
import { connect, nextPublish, openSockets, subscribed, upgradeStatus, type TestClient } from '../support/signaling-client'
import { summarise, type BenchResult } from './types'

const JOINS = 20
const TIMEOUT_MS = 10_000
const ATTACKER = '127.0.0.1'
const FLOODERS = '127.0.0.4'
const NEWCOMER = '127.0.0.2'
const PEER = '127.0.0.3'

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return Promise.race([promise, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))])
}

async function joins(url: string, peer: TestClient, label: string): Promise<{ ms: number[]; failed: number }> {
  const ms: number[] = []
  let failed = 0
  for (let i = 0; i < JOINS; i++) {
    const marker = `${label}-${i}`
    const started = performance.now()
    const joined = await withTimeout(
      (async () => {
        const newcomer = await subscribed(url, ['room'], { localAddress: NEWCOMER })
        newcomer.send({ type: 'publish', topic: 'room', data: marker })
        await nextPublish(peer, (data) => data === marker)
        newcomer.socket.terminate()
        return true
      })().catch(() => false),
      TIMEOUT_MS,
    )
    if (joined) ms.push(performance.now() - started)
    else failed += 1
  }
  return { ms, failed }
}

/** Keeps the attacks of issue 13 going until `stop()`. */
function attack(url: string): { stop: () => Promise<void>; counts: Record<string, number> } {
  let running = true
  const counts = { attempts: 0, refused: 0, floodMessages: 0, unsubscribedPublishes: 0 }
  const fill = (async () => {
    while (running) {
      const statuses = await Promise.all(Array.from({ length: 250 }, () => upgradeStatus(url, { localAddress: ATTACKER })))
      counts.attempts += statuses.length
      counts.refused += statuses.filter((status) => status !== 101).length
    }
  })()
  const flood = (async () => {
    const flooders: TestClient[] = []
    while (running) {
      while (flooders.length < 40) {
        const flooder = await subscribed(url, ['room'], { localAddress: FLOODERS }).catch(() => null)
        if (!flooder) break
        flooders.push(flooder)
        void flooder.closed.then(() => flooders.splice(flooders.indexOf(flooder), 1))
      }
      for (const flooder of flooders) for (let i = 0; i < 20; i++) flooder.send({ type: 'publish', topic: 'room', data: { flood: counts.floodMessages++ } })
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  })()
  const stranger = (async () => {
    const client = await connect(url, { localAddress: '127.0.0.5' }).catch(() => null)
    while (running && client && client.socket.readyState === client.socket.OPEN) {
      client.send({ type: 'publish', topic: 'room', data: 'x'.repeat(60_000) })
      counts.unsubscribedPublishes += 1
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })()
  return {
    counts,
    stop: async () => {
      running = false
      await Promise.all([fill, flood, stranger])
    },
  }
}

export async function benchSignalingUnderAttack(): Promise<BenchResult[]> {
  const host = await startConveneHost({ host: '127.0.0.1', port: 0 })
  try {
    const url = host.signalingUrl
    const peer = await subscribed(url, ['room'], { localAddress: PEER })
    const quiet = await joins(url, peer, 'quiet')
    const attacks = attack(url)
    // Let the attacks take hold (the attacker's address at its cap, the flood running).
    while (attacks.counts.attempts < 1000) await new Promise((resolve) => setTimeout(resolve, 20))
    const loaded = await joins(url, peer, 'attacked')
    await attacks.stop()
    console.log(
      `signaling under attack: ${attacks.counts.attempts} connection attempts from one address (${attacks.counts.refused} refused), ` +
        `${attacks.counts.floodMessages} flood messages, ${attacks.counts.unsubscribedPublishes} 60 kB publishes without subscribing; ` +
        `newcomers failed to join within ${TIMEOUT_MS / 1000} s: ${loaded.failed} of ${JOINS} (quiet: ${quiet.failed})`,
    )
    const quietSummary = summarise(quiet.ms)
    return [
      {
        name: `signaling under issue 13's attacks: a newcomer joins a room and reaches a peer (${loaded.failed} of ${JOINS} not within ${TIMEOUT_MS / 1000} s)`,
        unit: 'ms',
        ...summarise(loaded.ms),
        baseline: { name: 'the same joins with no attack', median: quietSummary.median, p95: quietSummary.p95 },
        target: 'every newcomer joins within 5 s',
        counts: { ...attacks.counts, failed: loaded.failed, quietFailed: quiet.failed },
      },
    ]
  } finally {
    for (const socket of openSockets.splice(0)) socket.terminate()
    await host.close()
  }
}
