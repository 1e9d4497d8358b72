// Conversation benchmark: from a facilitator pressing "Next prompt" to the new prompt
// being on screen for 8 other people, in Chromium over real WebRTC. Nine browser
// contexts (one facilitator, eight participants), each its own renderer process, on
// this machine. "On screen" = the prompt's text is in the page's DOM (a MutationObserver
// in each page); the baseline, measured on the same pages for the same clicks, is the
// moment the change lands in each page's Y.Doc, before React renders anything (the
// performance mark renderer/features/conversation/ConversationPanel.tsx makes).
// Times in each page are `performance.timeOrigin + performance.now()`, one machine clock.
import type { Page } from 'playwright-core'
import { BUILT_IN_DECKS } from '../../shared/conversation'
import { Arrivals, clickInPage, openBenchRoom } from './room'
import type { BenchResult } from './types'

const ARRIVAL_MARK = 'convene:conversation:current'
const DECK = 'habits-systems-thinker'

declare global {
  interface Window {
    __shown?: { text: string; t: number }[]
  }
}

async function toConversation(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Convening panels' }).getByRole('button', { name: 'Conversation' }).click()
  await page.getByTestId('current-prompt').waitFor()
}

/** Record every change of the prompt's text, with the time it reached the DOM. */
async function watchPrompt(page: Page): Promise<void> {
  await page.evaluate(() => {
    const box = document.querySelector('[data-testid="current-prompt"]')
    if (!box) throw new Error('no prompt on screen')
    window.__shown = []
    new MutationObserver(() => window.__shown?.push({ text: box.textContent ?? '', t: performance.timeOrigin + performance.now() })).observe(box, {
      childList: true,
      subtree: true,
      characterData: true,
    })
  })
}

async function arrival(page: Page, text: string, promptId: string): Promise<{ shown: number; inDoc: number }> {
  await page.waitForFunction((expected) => window.__shown?.some((s) => s.text.includes(expected)), text, { polling: 5, timeout: 30_000 })
  return page.evaluate(
    ({ expected, promptId, mark }) => {
      const shown = window.__shown!.find((s) => s.text.includes(expected))!.t
      window.__shown = []
      const entry = performance.getEntriesByName(mark).at(-1) as PerformanceMark | undefined
      if (!entry || entry.detail !== promptId) throw new Error('the arrival mark is missing')
      return { shown, inDoc: performance.timeOrigin + entry.startTime }
    },
    { expected: text, promptId, mark: ARRIVAL_MARK },
  )
}

export async function benchConversation(options: { peers?: number; clicks?: number } = {}): Promise<BenchResult[]> {
  const peers = options.peers ?? 8
  const clicks = options.clicks ?? 30
  const warmup = 3
  const deck = BUILT_IN_DECKS.find((d) => d.id === DECK)
  if (!deck) throw new Error(`benchmark: no built-in deck ${DECK}`)
  const room = await openBenchRoom({ title: 'Conversation benchmark', peers, afterJoin: toConversation })
  const { fran, viewers } = room
  try {
    await toConversation(fran)
    const strip = fran.getByRole('region', { name: 'Facilitator controls' })
    await strip.getByLabel('Deck').selectOption(DECK)
    await strip.getByRole('button', { name: 'Use this deck' }).click()
    for (const page of viewers) await page.getByTestId('current-prompt').filter({ hasText: deck.prompts[0].text }).waitFor({ timeout: 60_000 })
    for (const page of viewers) await watchPrompt(page)

    const arrivals = new Arrivals()
    let index = 0
    for (let i = 0; i < clicks + warmup; i++) {
      const forward = index + 1 < deck.prompts.length && (i % 2 === 0 || index === 0)
      index += forward ? 1 : -1
      const prompt = deck.prompts[index]
      await fran.getByRole('button', { name: forward ? 'Next prompt →' : '← Back' }).waitFor()
      const t0 = await clickInPage(fran, forward ? 'Next prompt →' : '← Back')
      const times = await Promise.all(viewers.map((page) => arrival(page, prompt.text, prompt.id)))
      if (i < warmup) continue
      arrivals.add(t0, times)
      // The facilitator's own screen must have moved on before the next click.
      await fran.getByTestId('current-prompt').filter({ hasText: prompt.text }).waitFor()
    }
    return arrivals.results('conversation: "next prompt" to', 'change', peers)
  } finally {
    await room.close()
  }
}

// `npx tsx tests/bench/conversation.ts` runs this one alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchConversation()
  console.log(JSON.stringify(results, null, 2))
}
