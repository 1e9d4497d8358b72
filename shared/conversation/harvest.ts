import type * as Y from 'yjs'
import { readPerson } from '../session/doc'
import { readDeck, readVisited } from './state'
import { responseIds, viewResponse } from './responses'
import { KEYS, nestedMap, type Visibility } from './schema'

/**
 * The conversation as the harvest may include it: the prompts shown, in the order they
 * were first shown, with the responses the anonymity choice allows. Anonymous responses
 * carry no name; hidden responses that were never revealed are left out (except, in a
 * person's own export, their own).
 */
export interface HarvestResponse {
  text: string
  /** The author's name; null for anonymous responses. */
  author: string | null
  visibility: Visibility
  group: string | null
  starred: boolean
  createdAt: number
}

export interface HarvestPrompt {
  promptId: string
  text: string
  label: string | null
  shownAt: number | null
  responses: HarvestResponse[]
  /** Responses left out because they were hidden and never revealed. */
  withheld: number
}

export interface ConversationHarvest {
  deckTitle: string | null
  prompts: HarvestPrompt[]
}

export function readConversationForHarvest(doc: Y.Doc, options: { viewerId?: string | null } = {}): ConversationHarvest {
  const viewer = options.viewerId ?? ''
  const deck = readDeck(doc)
  const prompts: HarvestPrompt[] = readVisited(doc).map((v) => ({ promptId: v.promptId, text: v.text, label: v.label ?? null, shownAt: v.at, responses: [], withheld: 0 }))
  const byId = new Map(prompts.map((p) => [p.promptId, p]))
  const responses = nestedMap<unknown>(doc, KEYS.responses)
  const promptIds = new Set<string>()
  for (const entry of responses?.values() ?? []) {
    const promptId = (entry as { get?: (key: string) => unknown }).get?.('promptId')
    if (typeof promptId === 'string') promptIds.add(promptId)
  }
  for (const promptId of promptIds) {
    let target = byId.get(promptId)
    if (!target) {
      const text = promptTextById(doc, promptId)
      if (text === null) continue
      target = { promptId, text, label: null, shownAt: null, responses: [], withheld: 0 }
      byId.set(promptId, target)
      prompts.push(target)
    }
    for (const id of responseIds(doc, promptId)) {
      const view = viewResponse(doc, id, viewer, new Set())
      if (!view) continue
      if (view.text === null) {
        target.withheld += 1
        continue
      }
      const author = view.author ? (readPerson(doc, view.author)?.name ?? 'Someone') : null
      target.responses.push({ text: view.text, author, visibility: view.visibility, group: view.group, starred: view.starred, createdAt: view.createdAt })
    }
  }
  return { deckTitle: deck?.title ?? null, prompts }
}

/** The words of a prompt shown in this convening (for journal bylines), or null. */
export function promptTextById(doc: Y.Doc, promptId: string): string | null {
  const visited = readVisited(doc).find((v) => v.promptId === promptId)
  if (visited) return visited.text
  return readDeck(doc)?.prompts.find((p) => p.id === promptId)?.text ?? null
}

