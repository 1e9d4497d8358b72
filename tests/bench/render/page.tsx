// The render benchmark's page (tests/bench/render.ts builds it twice: with the
// components as they are, and with the pre-issue-16 copies in ./old in their place).
// One person's screen, facilitating: the written responses board with 200 responses,
// and the climate panel's drive controls, levers and recent changes. A second Y.Doc
// plays a remote peer; its updates are applied to this one as a WebRTC message would
// be. Each change reports the components it rendered and the time from applying the
// update to React's last commit.
import './devtools'
import * as Y from 'yjs'
import { createRoot } from 'react-dom/client'
import { IntlProvider } from 'react-intl'
import { curateResponse, editResponse, pickDeck, readResponseRecord, responseIds, withdrawResponse, writeResponse, type Deck } from '../../../shared/conversation'
import { LEVERS_BY_ID, setLever } from '../../../shared/climate'
import { seedConvening, upsertPerson, type Person } from '../../../shared/session'
import { Awareness } from 'y-protocols/awareness'
import type { ConveningSession } from '../../../renderer/sync'
import { ResponsesBoard } from '../../../renderer/features/conversation/ResponsesBoard'
import { ClimateContext } from '../../../renderer/features/climate/context'
import { DriveControls, LeverPanel } from '../../../renderer/features/climate/LeverPanel'
import { History } from '../../../renderer/features/climate/History'
import { LiveScenario } from '../../../renderer/features/climate/liveScenario'
import { commits, rendered } from './devtools'

export const RESPONSES = 200
const AUTHORS = 40
const PROMPT = 'written'
const REMOTE = 'bench:remote'
const LEVER = 'carbonPrice'
const NONE: ReadonlySet<string> = new Set()

const deck: Deck = {
  id: 'render-bench',
  title: 'Render benchmark',
  description: '',
  prompts: [{ id: PROMPT, text: 'What did you notice this week?', mode: 'written', minutes: 5 }],
}

const person = (id: string, name: string, role: Person['role'], joinedAt: number): Person => ({ id, name, role, colour: '#1f6f8b', timeZone: 'UTC', joinedAt })

export interface Sample {
  ms: number
  renders: number
  by: Record<string, number>
  commits: number
  /** Y.Map records read whole (toJSON): what every read of a response or a person costs. */
  reads: number
}

// Count whole-record reads: readResponseRecord and readPerson parse `entry.toJSON()`.
let reads = 0
const proto = Y.Map.prototype as { toJSON: (this: Y.Map<unknown>) => Record<string, unknown> }
const toJSON = proto.toJSON
proto.toJSON = function (this: Y.Map<unknown>) {
  reads += 1
  return toJSON.call(this)
}

// ---- the document: a facilitator and forty people, five responses each -------------

const doc = new Y.Doc()
seedConvening(doc, { id: 'render-bench', title: 'Render benchmark', createdBy: person('fran', 'Fran', 'facilitator', 1), now: 1 })
const authors = Array.from({ length: AUTHORS }, (_, i) => `p${String(i + 1).padStart(2, '0')}`)
authors.forEach((id, i) => upsertPerson(doc, person(id, `Person ${i + 1}`, 'practitioner', 2 + i)))
pickDeck(doc, 'fran', deck, 10)
for (let i = 0; i < RESPONSES; i++) {
  const author = authors[i % AUTHORS]
  const sent = writeResponse(doc, author, PROMPT, `Response ${i + 1}: a meeting where nobody asked what the others needed, and the time it took to notice.`, 'named', 100 + i)
  if (!sent.ok) throw new Error(sent.message)
}
// The facilitator has sorted some into groups and starred a few, as mid-session.
responseIds(doc, PROMPT).forEach((id, i) => {
  const group = ['Time', 'Money', 'Trust', null][i % 4]
  curateResponse(doc, 'fran', id, { group, ...(i % 7 === 0 ? { star: true } : {}) })
})

// The remote peer: a joiner with the same document, editing as one of the authors.
const remote = new Y.Doc()
Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc))
const outbox: Uint8Array[] = []
remote.on('update', (update: Uint8Array) => outbox.push(update))
const typist = authors[6]
const typed = responseIds(remote, PROMPT).filter((id) => readResponseRecord(remote, id)?.author === typist)[2]

/** What the person's screen needs of their session. */
const session = {
  doc,
  me: person('fran', 'Fran', 'facilitator', 1),
  awareness: new Awareness(doc),
  clock: { now: () => Date.now() },
  claimSigner: () => undefined,
} as unknown as ConveningSession

const live = new LiveScenario(session)

function Screen() {
  return (
    <IntlProvider locale="en" defaultLocale="en" messages={{}} onError={() => undefined}>
      <ResponsesBoard session={session} promptId={PROMPT} facilitating readOnly={false} mineAnonymous={NONE} />
      <ClimateContext.Provider value={{ session, live, readOnly: false }}>
        <DriveControls />
        <LeverPanel />
        <History />
      </ClimateContext.Provider>
    </IntlProvider>
  )
}

// ---- measuring ------------------------------------------------------------------------

const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve()
    channel.port2.postMessage(0)
  })
const frame = (): Promise<void> => new Promise((resolve) => {
  requestAnimationFrame(() => resolve())
  setTimeout(resolve, 100)
})

async function settle(): Promise<void> {
  await macrotask()
  await frame()
  await frame()
  await macrotask()
}

/** Apply what the remote peer wrote, as a network message arrives, and see what renders. */
async function measure(change: () => void): Promise<Sample> {
  outbox.length = 0
  change()
  if (outbox.length === 0) throw new Error('the remote peer wrote nothing')
  await settle()
  rendered.clear()
  reads = 0
  const before = commits.count
  const t0 = performance.now()
  for (const update of outbox) Y.applyUpdate(doc, update, REMOTE)
  const applied = performance.now()
  await settle()
  const end = commits.count > before ? Math.max(commits.last, applied) : applied
  const by = Object.fromEntries(rendered)
  return { ms: end - t0, renders: Object.values(by).reduce((a, b) => a + b, 0), by, commits: commits.count - before, reads }
}

let keys = 0
let moves = 0

const api = {
  async mount(): Promise<number> {
    createRoot(document.getElementById('root')!).render(<Screen />)
    await settle()
    return document.querySelectorAll('.cv-response-card').length
  },
  /** The remote author types one character at the end of their response. */
  keystroke: (): Promise<Sample> =>
    measure(() => {
      const text = readResponseRecord(remote, typed)?.text ?? ''
      const next = keys++ % 40 === 39 ? text.slice(0, -39) : `${text}${'abcdefghijklmnopqrstuvwxyz'[keys % 26]}`
      const result = editResponse(remote, typist, typed, next, NONE, Date.now())
      if (!result.ok) throw new Error(result.message)
    }),
  /** The remote person moves the carbon price (one write, as on releasing the slider). */
  lever: (): Promise<Sample> =>
    measure(() => {
      const lever = LEVERS_BY_ID[LEVER]
      const value = lever.min + lever.step * (1 + (moves++ % 2))
      const result = setLever(remote, LEVER, value, { by: typist, at: Date.now() }, 'convene:local:climate')
      if (!result.ok) throw new Error(result.error.message)
    }),
  /** The text of the typed response as this screen shows it (to check the change arrived). */
  shownText: (): string => {
    const cards = [...document.querySelectorAll('.cv-response-card .cv-response-text')]
    const text = readResponseRecord(doc, typed)?.text ?? ''
    return cards.some((c) => c.textContent === text) ? text : ''
  },
  /**
   * After measuring: the board still follows what moves responses (a facilitator on
   * another computer groups one, someone sends one, then withdraws it). Returns what
   * the screen got wrong.
   */
  async check(): Promise<string[]> {
    const wrong: string[] = []
    const cards = (): number => document.querySelectorAll('.cv-response-card').length
    const apply = async (change: () => void): Promise<void> => {
      outbox.length = 0
      change()
      for (const update of outbox) Y.applyUpdate(doc, update, REMOTE)
      await settle()
    }
    await apply(() => curateResponse(remote, 'fran', typed, { group: 'Moved here' }))
    const group = document.querySelector('section[aria-label="Moved here"]')
    if (!group || group.querySelectorAll('.cv-response-card').length !== 1) wrong.push('a response grouped elsewhere did not move to its group')
    let sent: string | null = null
    await apply(() => {
      const result = writeResponse(remote, typist, PROMPT, 'A response sent while the board was open.', 'named', Date.now())
      sent = result.ok ? result.id : null
    })
    if (cards() !== RESPONSES + 1) wrong.push(`a response sent by someone else: ${cards()} cards, not ${RESPONSES + 1}`)
    await apply(() => sent && editResponse(remote, typist, sent, 'A response sent, then edited.', NONE, Date.now()))
    if (![...document.querySelectorAll('.cv-response-text')].some((p) => p.textContent === 'A response sent, then edited.')) wrong.push('an edit of a new response did not show')
    await apply(() => sent && withdrawResponse(remote, typist, sent, NONE))
    if (cards() !== RESPONSES) wrong.push(`a response withdrawn: ${cards()} cards, not ${RESPONSES}`)
    return wrong
  },
}

;(globalThis as unknown as { RenderBench: typeof api }).RenderBench = api
