import { readConversationForHarvest, type HarvestPrompt, type HarvestResponse } from '../../conversation'
import type { Translator } from '../../i18n/messages'
import type { Block, HarvestSection, Span } from '../blocks'
import { momentSpan } from '../dates'
import { spansAround, translatorOf } from '../language'

const PROMPT_HEADING_MAX = 160

const M = {
  title: { id: 'notes.export.section.conversation', defaultMessage: 'Conversation' },
  prompt: { id: 'notes.export.conversation.prompt', defaultMessage: 'Prompt', description: 'Heading of a prompt that has no words' },
  anonymous: { id: 'notes.export.conversation.anonymous', defaultMessage: 'Anonymous', description: 'In place of the author of an anonymous response' },
  shownAt: { id: 'notes.export.conversation.shownAt', defaultMessage: 'shown at {time}', description: 'When the prompt was shown (time: 14:05)' },
  responses: { id: 'notes.export.conversation.responses', defaultMessage: '{count, plural, one {# written response} other {# written responses}}' },
  notGrouped: { id: 'notes.export.conversation.notGrouped', defaultMessage: 'Not grouped' },
  withheld: {
    id: 'notes.export.conversation.withheld',
    defaultMessage:
      '{count, plural, one {# response was private and could not be read here (never revealed, or its author has not been back since the reveal), so it is not in the notes.} other {# responses were private and could not be read here (never revealed, or its author has not been back since the reveal), so they are not in the notes.}}',
  },
  deck: { id: 'notes.export.conversation.deck', defaultMessage: 'Prompts from the deck “{deck}”.' },
} as const

function heading(prompt: HarvestPrompt, t: Translator): string {
  const text = prompt.text.replace(/\s+/g, ' ').trim() || t.formatMessage(M.prompt)
  return text.length > PROMPT_HEADING_MAX ? `${text.slice(0, PROMPT_HEADING_MAX - 1)}…` : text
}

function responseBlock(response: HarvestResponse, anonymous: string): Block {
  // The conversation module already dropped the author of an anonymous response.
  const who = response.author ?? anonymous
  return { kind: 'prose', text: response.text, byline: `${who}${response.starred ? ' ★' : ''}` }
}

/** "Round 2 · shown at 14:05 · 3 written responses": facts about the prompt, each in the notes' language. */
function promptFacts(prompt: HarvestPrompt, timeZone: string, t: Translator): Span[] {
  const facts: Span[][] = []
  // The prompt's label is the facilitator's own word for it; a prompt may have none.
  if (prompt.label) facts.push([{ text: prompt.label }])
  if (prompt.shownAt) facts.push(spansAround(t, M.shownAt, {}, 'time', momentSpan(prompt.shownAt, timeZone, false, t)))
  facts.push([{ text: t.formatMessage(M.responses, { count: prompt.responses.length }) }])
  return facts.flatMap((fact, i) => (i === 0 ? fact : [{ text: ' · ' }, ...fact]))
}

function promptBlocks(prompt: HarvestPrompt, timeZone: string, t: Translator): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: heading(prompt, t) }]
  const anonymous = t.formatMessage(M.anonymous)
  blocks.push({ kind: 'paragraph', muted: true, text: promptFacts(prompt, timeZone, t) })
  if (prompt.text.length > PROMPT_HEADING_MAX) blocks.push({ kind: 'prose', text: prompt.text })
  const groups = new Map<string | null, HarvestResponse[]>()
  for (const response of [...prompt.responses].sort((a, b) => a.createdAt - b.createdAt)) {
    const list = groups.get(response.group) ?? []
    list.push(response)
    groups.set(response.group, list)
  }
  const grouped = [...groups.keys()].some((g) => g !== null)
  const order = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
  for (const group of order) {
    if (grouped) blocks.push({ kind: 'heading', level: 4, text: group ?? t.formatMessage(M.notGrouped) })
    blocks.push(...groups.get(group)!.map((response) => responseBlock(response, anonymous)))
  }
  if (prompt.withheld > 0) {
    blocks.push({ kind: 'paragraph', muted: true, text: t.formatMessage(M.withheld, { count: prompt.withheld }) })
  }
  return blocks
}

/**
 * The prompts shown, in order, each with its responses as the anonymity choice allows:
 * named responses with their author, anonymous ones without a name, hidden ones only
 * once revealed (and, in a person's own notes, their own). The conversation module
 * decides all of that; this section only writes it out.
 */
export const conversationSection: HarvestSection = {
  id: 'conversation',
  title: M.title,
  order: 60,
  collect(doc, context) {
    const t = translatorOf(context)
    const conversation = readConversationForHarvest(doc, { viewerId: context.viewerId })
    if (conversation.prompts.length === 0) return null
    const blocks: Block[] = []
    if (conversation.deckTitle) blocks.push({ kind: 'paragraph', muted: true, text: t.formatMessage(M.deck, { deck: conversation.deckTitle }) })
    for (const prompt of conversation.prompts) blocks.push(...promptBlocks(prompt, context.timeZone, t))
    return { blocks, tags: ['reflection'] }
  },
}
