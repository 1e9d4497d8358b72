import { errorMessage } from '../errors'
import type { Said } from '../result'
// Bad input is reported, never run: every problem names where it is (line, field,
// lever or bloc) so a person can fix it, and the model never sees a NaN.

export interface InputIssue {
  /** 1-based line of a text file, when the input was one. */
  line?: number
  /** The column, lever id or pledge field, e.g. "co2_land_gtco2" or "levers.carbonPrice". */
  field?: string
  message: string
  /** The message itself, where the issue is one a window shows (the pledge form). */
  said?: Said
}

export function describeIssue(issue: InputIssue): string {
  const where = [issue.line !== undefined ? `line ${issue.line}` : '', issue.field ? `field ${issue.field}` : '']
    .filter(Boolean)
    .join(', ')
  return where ? `${where}: ${issue.message}` : issue.message
}

export class ClimateInputError extends Error {
  readonly issues: readonly InputIssue[]
  constructor(issues: readonly InputIssue[], source?: string) {
    const shown = issues.slice(0, 10).map(describeIssue)
    if (issues.length > 10) shown.push(`... and ${issues.length - 10} more`)
    super((source ? `${source}: ` : '') + shown.join('\n'))
    this.name = 'ClimateInputError'
    this.issues = issues
  }
}

/** Line and column of a JSON.parse failure, read from the engine's message when it has one. */
export function jsonSyntaxIssue(text: string, error: unknown): InputIssue {
  const message = errorMessage(error)
  const lineCol = /line (\d+) column (\d+)/.exec(message)
  if (lineCol) return { line: Number(lineCol[1]), message: `not valid JSON (column ${lineCol[2]}): ${message}` }
  const position = /position (\d+)/.exec(message)
  if (position) {
    const before = text.slice(0, Number(position[1]))
    const line = before.split('\n').length
    const column = before.length - before.lastIndexOf('\n')
    return { line, message: `not valid JSON (column ${column}): ${message}` }
  }
  return { message: `not valid JSON: ${message}` }
}
