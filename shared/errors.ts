/** What went wrong, in words, from anything a `catch` can receive (an Error's message, or the value itself). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
