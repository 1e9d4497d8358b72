import { readConversationForHarvest, type HarvestPrompt, type HarvestResponse } from '../../conversation'
import { plural } from './words'
import type { Block, HarvestSection, Span } from '../blocks'
import { momentSpan } from '../dates'

const PROMPT_HEADING_MAX = 160

function heading(prompt: HarvestPrompt): string {
  const text = prompt.text.replace(/\s+/g, ' ').trim() || 'Prompt'
  return text.length > PROMPT_HEADING_MAX ? `${text.slice(0, PROMPT_HEADING_MAX - 1)}…` : text
}

function responseBlock(response: HarvestResponse): Block {
  // The conversation module already dropped the author of an anonymous response.
  const who = response.author ?? 'Anonymous'
  return { kind: 'prose', text: response.text, byline: `${who}${response.starred ? ' ★' : ''}` }
}

function promptBlocks(prompt: HarvestPrompt, timeZone: string): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 3, text: heading(prompt) }]
  const text: Span[] = [{ text: `${prompt.label} · ` }]
  if (prompt.shownAt) text.push({ text: 'shown at ' }, momentSpan(prompt.shownAt, timeZone), { text: ' · ' })
  text.push({ text: plural(prompt.responses.length, 'written response') })
  blocks.push({ kind: 'paragraph', muted: true, text })
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
    if (grouped) blocks.push({ kind: 'heading', level: 4, text: group ?? 'Not grouped' })
    blocks.push(...groups.get(group)!.map(responseBlock))
  }
  if (prompt.withheld > 0) {
    blocks.push({ kind: 'paragraph', muted: true, text: `${plural(prompt.withheld, 'response was', 'responses were')} private and could not be read here (never revealed, or its author has not been back since the reveal), so ${prompt.withheld === 1 ? 'it is' : 'they are'} not in the notes.` })
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
  title: 'Conversation',
  order: 60,
  collect(doc, context) {
    const conversation = readConversationForHarvest(doc, { viewerId: context.viewerId })
    if (conversation.prompts.length === 0) return null
    const blocks: Block[] = []
    if (conversation.deckTitle) blocks.push({ kind: 'paragraph', muted: true, text: `Prompts from the deck “${conversation.deckTitle}”.` })
    for (const prompt of conversation.prompts) blocks.push(...promptBlocks(prompt, context.timeZone))
    return { blocks, tags: ['reflection'] }
  },
}
