import { z } from 'zod'
import { english, type Message } from '../i18n/messages'
import { fail, said, type ResultWith, type Said } from '../result'

/** What this module says to people, as messages a window translates (`said` on a refusal). */
export const DECK_MESSAGES = {
  idChars: { id: 'shared.conversation.deck.idChars', defaultMessage: 'Ids are letters, digits, dashes and underscores' },
  promptEmpty: { id: 'shared.conversation.deck.promptEmpty', defaultMessage: 'A prompt needs some words' },
  promptTooLong: { id: 'shared.conversation.deck.promptTooLong', defaultMessage: 'Keep a prompt under {max} characters' },
  labelTooLong: { id: 'shared.conversation.deck.labelTooLong', defaultMessage: 'Keep a label under {max} characters' },
  noteTooLong: { id: 'shared.conversation.deck.noteTooLong', defaultMessage: 'Keep a note under {max} characters' },
  titleEmpty: { id: 'shared.conversation.deck.titleEmpty', defaultMessage: 'A deck needs a title' },
  titleTooLong: { id: 'shared.conversation.deck.titleTooLong', defaultMessage: 'Keep the title under {max} characters' },
  tooManyPrompts: { id: 'shared.conversation.deck.tooManyPrompts', defaultMessage: 'A deck holds at most {max} prompts' },
  sharedId: { id: 'shared.conversation.deck.sharedId', defaultMessage: 'Two prompts share the id "{id}"' },
  notValid: { id: 'shared.conversation.deck.notValid', defaultMessage: 'This deck is not valid.' },
  inPrompt: { id: 'shared.conversation.deck.inPrompt', defaultMessage: 'Prompt {number}: {problem}' },
  noPrompts: { id: 'shared.conversation.deck.noPrompts', defaultMessage: 'This deck has no prompts yet. Add at least one prompt before using it.' },
} as const
const MSG = DECK_MESSAGES

/**
 * Prompt decks: an ordered list of prompts with an optional suggested mode and length.
 * Built-in decks are authored in resources/conversation/decks.json; a facilitator can
 * write their own, keep it in their local library, and use it in a convening (where it
 * is copied into the shared document, so everyone sees the same prompts).
 */
export const MODES = ['open', 'round', 'silence', 'pairs', 'written'] as const
export type Mode = (typeof MODES)[number]
export const ModeSchema = z.enum(MODES)

export const MODE_LABELS: Record<Mode, string> = {
  open: 'Open conversation',
  round: 'Round',
  silence: 'Silent reflection',
  pairs: 'Pairs and small groups',
  written: 'Written responses',
}

export const MODE_DESCRIPTIONS: Record<Mode, string> = {
  open: 'Only the prompt; people talk freely on the call.',
  round: 'A talking piece goes round: one speaker at a time, passing is always fine.',
  silence: 'A shared countdown of quiet reflection, with a soft bell at the start and end.',
  pairs: 'Timed stages (for example 1-2-4-All) with groups assigned automatically or by hand.',
  written: 'Everyone writes a response; you choose whether names are shown.',
}

export const DECK_LIMITS = {
  promptText: 400,
  label: 60,
  note: 600,
  title: 100,
  description: 600,
  prompts: 60,
  minutes: 120,
} as const

const IdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, MSG.idChars.defaultMessage)

export const PromptSchema = z.object({
  id: IdSchema,
  text: z.string().trim().min(1, MSG.promptEmpty.defaultMessage).max(DECK_LIMITS.promptText, english.formatMessage(MSG.promptTooLong, { max: DECK_LIMITS.promptText })),
  label: z.string().trim().max(DECK_LIMITS.label, english.formatMessage(MSG.labelTooLong, { max: DECK_LIMITS.label })).optional(),
  /** For the facilitator only: how to run it, what to watch for. */
  note: z.string().trim().max(DECK_LIMITS.note, english.formatMessage(MSG.noteTooLong, { max: DECK_LIMITS.note })).optional(),
  mode: ModeSchema.optional(),
  minutes: z.number().min(0.25).max(DECK_LIMITS.minutes).optional(),
})
export type Prompt = z.infer<typeof PromptSchema>

/** A deck as stored (possibly a draft with no prompts yet). */
export const DeckSchema = z
  .object({
    id: IdSchema,
    title: z.string().trim().min(1, MSG.titleEmpty.defaultMessage).max(DECK_LIMITS.title, english.formatMessage(MSG.titleTooLong, { max: DECK_LIMITS.title })),
    description: z.string().trim().max(DECK_LIMITS.description).default(''),
    prompts: z.array(PromptSchema).max(DECK_LIMITS.prompts, english.formatMessage(MSG.tooManyPrompts, { max: DECK_LIMITS.prompts })),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>()
    deck.prompts.forEach((prompt, i) => {
      if (seen.has(prompt.id)) ctx.addIssue({ code: 'custom', path: ['prompts', i, 'id'], message: english.formatMessage(MSG.sharedId, { id: prompt.id }) })
      seen.add(prompt.id)
    })
  })
export type Deck = z.infer<typeof DeckSchema>

export type DeckCheck = ResultWith<{ deck: Deck }>

function describe(error: z.ZodError): string | Message | Said {
  const issue = error.issues[0]
  if (!issue) return MSG.notValid
  return issue.path[0] === 'prompts' && typeof issue.path[1] === 'number' ? said(MSG.inPrompt, { number: issue.path[1] + 1, problem: issue.message }) : issue.message
}

/** Validate a deck for saving (an empty draft is allowed). */
export function checkDeck(input: unknown): DeckCheck {
  const parsed = DeckSchema.safeParse(input)
  return parsed.success ? { ok: true, deck: parsed.data } : fail(describe(parsed.error))
}

/** Validate a deck for use in a convening: it must hold at least one prompt. */
export function checkUsableDeck(input: unknown): DeckCheck {
  const checked = checkDeck(input)
  if (!checked.ok) return checked
  if (checked.deck.prompts.length === 0) return fail(MSG.noPrompts)
  return checked
}

/** Move the prompt at `from` to `to` (both clamped); returns a new deck. */
export function movePrompt(deck: Deck, from: number, to: number): Deck {
  const prompts = [...deck.prompts]
  if (from < 0 || from >= prompts.length) return deck
  const target = Math.max(0, Math.min(prompts.length - 1, to))
  const [moved] = prompts.splice(from, 1)
  prompts.splice(target, 0, moved)
  return { ...deck, prompts }
}

/** A prompt id not yet used in this deck. */
export function freshPromptId(deck: Pick<Deck, 'prompts'>, random: () => string): string {
  const used = new Set(deck.prompts.map((p) => p.id))
  for (;;) {
    const id = `p-${random()}`
    if (!used.has(id)) return id
  }
}

/** Minutes as a person reads them: "1 min", "90 s", "2.5 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${Math.round(minutes * 60)} s`
  return `${Number.isInteger(minutes) ? minutes : minutes.toFixed(1)} min`
}
