import { SCALE_BOUNDS, WORDS_PER_PERSON, type Mode, type PollKind, type PollResultsMode, type PollSpec, type RoundOrder, type StagePreset, type Visibility } from '../../../shared/conversation'
import type { Message } from '../../../shared/i18n'
import type { useT } from '../../i18n'

// The conversation's sets of labels, as messages. shared/conversation keeps its English
// maps (MODE_LABELS and the rest) for the harvest and the command line; the screen
// shows these, in the person's language. The English here is the same, word for word.

/** The modes of a prompt (as MODE_LABELS). */
export const MODE_LABEL = {
  open: { id: 'conversation.mode.open', defaultMessage: 'Open conversation' },
  round: { id: 'conversation.mode.round', defaultMessage: 'Round' },
  silence: { id: 'conversation.mode.silence', defaultMessage: 'Silent reflection' },
  pairs: { id: 'conversation.mode.pairs', defaultMessage: 'Pairs and small groups' },
  written: { id: 'conversation.mode.written', defaultMessage: 'Written responses' },
} as const satisfies Record<Mode, Message>

/** What each mode does, for the facilitator choosing it (as MODE_DESCRIPTIONS). */
export const MODE_DESCRIPTION = {
  open: { id: 'conversation.modeDescription.open', defaultMessage: 'Only the prompt; people talk freely on the call.' },
  round: { id: 'conversation.modeDescription.round', defaultMessage: 'A talking piece goes round: one speaker at a time, passing is always fine.' },
  silence: { id: 'conversation.modeDescription.silence', defaultMessage: 'A shared countdown of quiet reflection, with a soft bell at the start and end.' },
  pairs: { id: 'conversation.modeDescription.pairs', defaultMessage: 'Timed stages (for example 1-2-4-All) with groups assigned automatically or by hand.' },
  written: { id: 'conversation.modeDescription.written', defaultMessage: 'Everyone writes a response; you choose whether names are shown.' },
} as const satisfies Record<Mode, Message>

/** How a written response is stored (as VISIBILITY_LABELS). */
export const VISIBILITY_LABEL = {
  named: { id: 'conversation.visibility.named', defaultMessage: 'Named' },
  private: { id: 'conversation.visibility.private', defaultMessage: 'Private until revealed' },
  anonymous: { id: 'conversation.visibility.anonymous', defaultMessage: 'Anonymous' },
  hidden: { id: 'conversation.visibility.hidden', defaultMessage: 'Hidden until revealed (earlier build)' },
} as const satisfies Record<Visibility, Message>

/** What each storage choice stores and who can see it (as VISIBILITY_STATEMENTS). */
export const VISIBILITY_STATEMENT = {
  named: { id: 'conversation.visibilityStatement.named', defaultMessage: 'Stored in the shared convening document with your name, the prompt and the time. Everyone in the convening can read it with your name, now and in the notes.' },
  private: { id: 'conversation.visibilityStatement.private', defaultMessage: 'Sealed on your computer with a key only it holds; the shared document gets the sealed text with your name, the prompt and the time. Nobody else can read it, not even with a modified app, until a facilitator reveals the responses: then your app publishes its key and everyone reads it with your name. If you are offline at the reveal, yours show when you next open the convening. You can withdraw it until the reveal. Others can see that you wrote something, and roughly how long it is.' },
  anonymous: { id: 'conversation.visibilityStatement.anonymous', defaultMessage: 'Stored in the shared document with no name and no id: only the text, the prompt and the time to the minute. Everyone can read it. Only this computer remembers that it is yours, so you can edit or withdraw it here. While you are connected, a modified app watching the network could still see which computer sent it, and wording can give people away.' },
  hidden: { id: 'conversation.visibilityStatement.hidden', defaultMessage: 'Written by an earlier build: stored as plain text with your name, shown to others after a facilitator revealed them. New responses to this prompt are private.' },
} as const satisfies Record<Visibility, Message>

/** How a round’s speaking order is made (as ROUND_ORDER_LABELS). */
export const ROUND_ORDER_LABEL = {
  shuffle: { id: 'conversation.roundOrder.shuffle', defaultMessage: 'Shuffled' },
  facilitator: { id: 'conversation.roundOrder.facilitator', defaultMessage: 'In the order I set' },
  named: { id: 'conversation.roundOrder.named', defaultMessage: 'Each speaker names the next' },
} as const satisfies Record<RoundOrder, Message>

/** The structures of timed stages (as STAGE_PRESET_LABELS). */
export const STAGE_PRESET_LABEL = {
  '1-2-4-all': { id: 'conversation.stagePreset.n124All', defaultMessage: '1-2-4-All' },
  pairs: { id: 'conversation.stagePreset.pairs', defaultMessage: 'Pairs, then all' },
  threes: { id: 'conversation.stagePreset.threes', defaultMessage: 'Threes, then all' },
  'small-groups': { id: 'conversation.stagePreset.smallGroups', defaultMessage: 'Small groups of five, then all' },
} as const satisfies Record<StagePreset, Message>

/** The kinds of poll (as POLL_KIND_LABELS). */
export const POLL_KIND_LABEL = {
  choice: { id: 'conversation.pollKind.choice', defaultMessage: 'Multiple choice' },
  scale: { id: 'conversation.pollKind.scale', defaultMessage: 'Scale' },
  words: { id: 'conversation.pollKind.words', defaultMessage: 'Words (a word cloud)' },
} as const satisfies Record<PollKind, Message>

/** When a poll’s results show. */
export const POLL_RESULTS_LABEL = {
  live: { id: 'conversation.pollResults.live', defaultMessage: 'Live' },
  end: { id: 'conversation.pollResults.end', defaultMessage: 'Revealed at the end' },
} as const satisfies Record<PollResultsMode, Message>

/** Who sees a poll’s results when. */
export const POLL_RESULTS_STATEMENT = {
  live: { id: 'conversation.pollResultsStatement.live', defaultMessage: 'Everyone sees the results as the answers come in.' },
  end: { id: 'conversation.pollResultsStatement.end', defaultMessage: 'Until a facilitator reveals the results, screens show only how many have answered. The answers are in every participant’s copy of the document as soon as they are sent, so a modified app could read them earlier.' },
} as const satisfies Record<PollResultsMode, Message>

/** What a named or anonymous answer stores (as POLL_ANSWER_STATEMENTS). */
export const POLL_ANSWER_STATEMENT = {
  named: { id: 'conversation.pollAnswerStatement.named', defaultMessage: 'Stored in the shared convening document with your name: one answer per person, and a new answer replaces yours while the poll is open. Screens show counts only, but every participant’s copy of the document holds who answered what, and the notes list who answered.' },
  anonymous: { id: 'conversation.pollAnswerStatement.anonymous', defaultMessage: 'Stored in the shared document with no name and no id: only your answer. Only this computer remembers that it is yours, so you can change it here while the poll is open. A peer-to-peer room cannot hold anyone to one anonymous answer: this app answers once per computer, but someone could answer again from another computer or a modified app. While you are connected, a modified app watching the network could still see which computer sent it.' },
} as const satisfies Record<'named' | 'anonymous', Message>


/** The results setting as the poll's summary line says it ("Results live"). */
export const POLL_RESULTS_IN_SUMMARY = {
  live: { id: 'conversation.poll.resultsLive', defaultMessage: 'Results live' },
  end: { id: 'conversation.poll.resultsEnd', defaultMessage: 'Results revealed at the end' },
} as const satisfies Record<PollResultsMode, Message>

/** "Multiple choice, one answer", "Scale 1–5 (1 = Not at all, 5 = Completely)", "Words (up to 3 each)" (as describePollKind). */
export function describePollKind(t: ReturnType<typeof useT>, spec: PollSpec): string {
  if (spec.kind === 'choice') {
    return spec.multiple
      ? t({ id: 'conversation.poll.kindChoiceSeveral', defaultMessage: 'Multiple choice, several answers allowed' })
      : t({ id: 'conversation.poll.kindChoiceOne', defaultMessage: 'Multiple choice, one answer' })
  }
  if (spec.kind === 'scale') {
    const { min, max } = SCALE_BOUNDS[spec.range]
    const values = { min, max, low: spec.low, high: spec.high }
    if (spec.low && spec.high) return t({ id: 'conversation.poll.kindScaleBoth', defaultMessage: 'Scale {min}–{max} ({min} = {low}, {max} = {high})' }, values)
    if (spec.low) return t({ id: 'conversation.poll.kindScaleLow', defaultMessage: 'Scale {min}–{max} ({min} = {low})' }, values)
    if (spec.high) return t({ id: 'conversation.poll.kindScaleHigh', defaultMessage: 'Scale {min}–{max} ({max} = {high})' }, values)
    return t({ id: 'conversation.poll.kindScale', defaultMessage: 'Scale {min}–{max}' }, values)
  }
  return t({ id: 'conversation.poll.kindWords', defaultMessage: 'Words (up to {count} each)' }, { count: WORDS_PER_PERSON })
}
