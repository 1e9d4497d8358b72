import type { VoteSourceKind, VoteSpec } from '../../../shared/facilitation'
import type { Message } from '../../../shared/i18n'
import type { Words } from './items'

// The sentences a vote's settings and a ballot's dots make, in the reader's language.

/** "2 dots each, at most one per item, named, tally at the end, 5 minutes". */
export function settingsText(t: Words, spec: VoteSpec): string {
  return t(
    {
      id: 'votes.settings',
      defaultMessage:
        '{dots, plural, one {# dot} other {# dots}} each, {cumulative, select, yes {several on one item allowed} other {at most one per item}}, {ballots, select, anonymous {anonymous} other {named}}, {tally, select, live {live tally} other {tally at the end}}, {minutes, plural, =0 {no time limit} one {# minute} other {# minutes}}',
    },
    {
      dots: spec.dots,
      cumulative: spec.cumulative ? 'yes' : 'no',
      ballots: spec.anonymous ? 'anonymous' : 'named',
      tally: spec.results,
      // 0 only for no limit: a limit is at least a minute.
      minutes: spec.durationMs === null ? 0 : Math.round(spec.durationMs / 60_000) || 1,
    },
  )
}

/** "3 of 5 dots left", for the ballot's live region. */
export function dotsLeftText(t: Words, left: number, total: number): string {
  return t({ id: 'votes.ballot.left', defaultMessage: '{left} of {total, plural, one {# dot} other {# dots}} left' }, { left, total })
}

/** What a vote was on, as the list of votes names it. */
export const SOURCE_NAMES: Record<VoteSourceKind, Message> = {
  variables: { id: 'votes.source.variables', defaultMessage: 'Variables of a diagram' },
  notes: { id: 'votes.source.notes', defaultMessage: 'Notes of a diagram' },
  responses: { id: 'votes.source.responses', defaultMessage: 'Written responses' },
  segments: { id: 'votes.source.segments', defaultMessage: 'Segments of the agenda' },
  projects: { id: 'votes.source.projects', defaultMessage: 'Cohort projects' },
}
