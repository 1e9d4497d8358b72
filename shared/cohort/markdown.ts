import { escapeInline } from '../notes/markdown'
import { DOMAIN_TEXTS, FIELD_TEXTS, SDGS, stageOf } from './content'
import { DOMAINS, type MilestoneHeader, type ProjectComment, type ProjectSnapshot } from './schema'

/**
 * A project card as a Markdown file its owner keeps (also what a member who leaves
 * takes with them): the card, its comments and clinic offerings, and its milestones.
 */
export interface CardExport {
  cohort: string
  owner: string
  snapshot: ProjectSnapshot
  comments: ProjectComment[]
  milestones: MilestoneHeader[]
  name: (personId: string) => string
  /** Formats a moment as a date for the reader. */
  day: (at: number) => string
}

function block(text: string): string {
  const trimmed = text.trim()
  return trimmed ? trimmed.split('\n').map((line) => escapeInline(line)).join('  \n') : '_Nothing yet._'
}

export function cardToMarkdown(card: CardExport): string {
  const { snapshot: s } = card
  const title = s.title.trim() || `${card.owner}'s project`
  const lines: string[] = [`# ${escapeInline(title)}`, '', `${escapeInline(card.owner)} · ${escapeInline(card.cohort)}`, '']
  const context = (['school', 'system', 'country'] as const).filter((f) => s[f].trim())
  for (const f of context) lines.push(`- **${FIELD_TEXTS[f].label}:** ${escapeInline(s[f].trim())}`)
  if (context.length > 0) lines.push('')
  for (const f of ['aspiration', 'reality', 'nextSteps'] as const) lines.push(`## ${FIELD_TEXTS[f].label}`, '', block(s[f]), '')
  lines.push('## Sustainable Development Goals', '')
  if (s.sdgs.length === 0) lines.push('_None chosen._')
  for (const n of s.sdgs) lines.push(`- ${n}. ${escapeInline(SDGS[n - 1].name)}`)
  lines.push('', '## Reflections', '')
  for (const d of DOMAINS) lines.push(`### ${DOMAIN_TEXTS[d].label}`, '', block(s.reflections[d]), '')
  if (card.comments.length > 0) {
    lines.push('## Comments', '')
    for (const c of card.comments) {
      const tag = c.kind === 'clinic' && c.stage ? ` (${stageOf(c.stage).offeringLabel ?? 'clinic'}, project clinic)` : ''
      lines.push(`- **${escapeInline(card.name(c.by))}**, ${card.day(c.at)}${tag}: ${escapeInline(c.text.replace(/\s*\n\s*/g, ' '))}`)
    }
    lines.push('')
  }
  if (card.milestones.length > 0) {
    lines.push('## Milestones', '')
    for (const m of card.milestones) lines.push(`- ${card.day(m.at)}: ${escapeInline(m.label)}`)
    lines.push('')
  }
  return lines.join('\n')
}
