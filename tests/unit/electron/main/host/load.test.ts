// The attacks of issue 13 (findings 1-3) all at once against one host, while a newcomer
// from another address joins the room under attack. Prints its figures; asserts only
// outcomes (none of the figures is a pass mark). The host has its default limits except
// the address's delivery budget, a tenth of the default: the attacking clients run in
// this process too and must read every delivery, and the default budget (640,000) would
// keep both cores busy long enough to starve the test files running beside this one.
import { describe, it } from 'vitest'
import { WebSocket } from 'ws'
import { connect, roundTrip, startHost, subscribed, upgradeStatus } from './helpers'
import type { TestClient } from './helpers'

const ROOM = 'convening-under-attack'
const FLOODER = '127.0.0.1'
const BIG_PUBLISHER = '127.0.0.4'

/** A connection that reads what it is sent but does not look at it (cheap for the test). */
function quietClient(url: string, localAddress: string): Promise<WebSocket | undefined> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { localAddress })
    socket.once('open', () => resolve(socket))
    socket.once('unexpected-response', () => {
      socket.terminate()
      resolve(undefined)
    })
    socket.once('error', () => resolve(undefined))
  })
}

/** Whether the server answers a ping after all that `socket` sent, or closes it first. */
function cutOff(socket: WebSocket): Promise<boolean> {
  return new Promise((resolve) => {
    socket.on('message', (data: Buffer) => {
      if (data.length < 20 && data.includes('"pong"')) resolve(false)
    })
    socket.once('close', () => resolve(true))
    socket.send(JSON.stringify({ type: 'ping' }))
  })
}

/** Finding 1 and 2: fill the address's connections, then flood the room from all of them. */
async function connectAndFlood(url: string, attempts: number, publishes: number): Promise<{ open: number; refused: number; cutOff: number }> {
  const sockets = await Promise.all(Array.from({ length: attempts }, () => quietClient(url, FLOODER)))
  const open = sockets.filter((socket): socket is WebSocket => socket !== undefined)
  const data = { type: 'signal', to: 'everyone', signal: 'x'.repeat(200) }
  for (const socket of open) {
    socket.send(JSON.stringify({ type: 'subscribe', topics: [ROOM] }))
    for (let i = 0; i < publishes; i++) socket.send(JSON.stringify({ type: 'publish', topic: ROOM, data }))
  }
  const outcomes = await Promise.all(open.map(cutOff))
  return { open: open.length, refused: attempts - open.length, cutOff: outcomes.filter(Boolean).length }
}

/** Finding 3: publishes without subscribing, then large ones to swamp slow readers. */
async function swamp(url: string): Promise<{ big: number }> {
  const mallory = await connect(url, { localAddress: BIG_PUBLISHER })
  for (let i = 0; i < 50; i++) mallory.send({ type: 'publish', topic: ROOM, data: 'not subscribed' })
  mallory.send({ type: 'subscribe', topics: [ROOM] })
  const big = 'y'.repeat(200 * 1024)
  for (let i = 0; i < 60; i++) mallory.send({ type: 'publish', topic: ROOM, data: big })
  await roundTrip(mallory)
  return { big: 60 }
}

describe('load: the attacks of issue 13 together', () => {
  it('a newcomer from another address still joins the attacked room and hears a peer', async () => {
    const limits = { burstDeliveriesPerAddress: 64_000, deliveriesPerSecondPerAddress: 1_600 }
    const host = await startHost({ limits })
    const peer = await subscribed(host.signalingUrl, [ROOM], { localAddress: '127.0.0.2' })
    const slowReader = await subscribed(host.signalingUrl, [ROOM], { localAddress: '127.0.0.5' })
    slowReader.socket.pause()

    const started = performance.now()
    const flood = connectAndFlood(host.signalingUrl, 2000, 300)
    const swamping = swamp(host.signalingUrl)

    // The newcomer arrives while the attacks run.
    const joinStarted = performance.now()
    const newcomer: TestClient = await subscribed(host.signalingUrl, [ROOM], { localAddress: '127.0.0.3' })
    const subscribedAfter = performance.now() - joinStarted
    // Under a flood a reader that falls behind misses messages (y-webrtc's peers then
    // announce again): the peer repeats until the newcomer has it.
    let tries = 0
    let heard = false
    while (!heard) {
      tries += 1
      peer.send({ type: 'publish', topic: ROOM, data: 'welcome' })
      await roundTrip(peer) // the host has handled the publish
      await roundTrip(newcomer) // and the newcomer has read all the host sent it before
      heard = newcomer.inbox.some((message) => message.data === 'welcome')
      newcomer.inbox.length = 0
    }
    const heardAfter = performance.now() - joinStarted

    const [flooded, swamped] = await Promise.all([flood, swamping])
    const attacksTook = performance.now() - started
    slowReader.socket.resume()
    await roundTrip(slowReader)
    await roundTrip(peer)
    const stillRefused = await upgradeStatus(host.signalingUrl, { localAddress: FLOODER })

    console.log(
      [
        `limits: defaults, but ${JSON.stringify(limits)}`,
        `attacks: 2,000 connection attempts from ${FLOODER}: ${flooded.open} open, ${flooded.refused} refused; each open one flooded the room with 300 publishes: ${flooded.cutOff} cut off`,
        `         ${BIG_PUBLISHER}: 50 publishes without subscribing, then ${swamped.big} x 200 KiB; one reader paused throughout`,
        `newcomer (127.0.0.3): subscribed after ${subscribedAfter.toFixed(0)} ms, heard the peer after ${heardAfter.toFixed(0)} ms, at try ${tries} (attacks over after ${attacksTook.toFixed(0)} ms)`,
        `host now: ${JSON.stringify(host.stats())}; a new connection from ${FLOODER}: HTTP ${stillRefused}`,
      ].join('\n'),
    )
    // The slow reader and the newcomer are both still there.
    await roundTrip(newcomer)
  }, 120_000)
})
