import { afterEach, describe, expect, it, vi } from 'vitest'

/**
 * The real entry point, run as `convene <args>` runs it: the module reads process.argv
 * and runs its command line when it is loaded, so each run loads it afresh.
 */
async function convene(...args: string[]): Promise<{ code: number | string | null | undefined; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')))
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')))
  const argv = process.argv
  process.argv = [argv[0], 'convene', ...args]
  process.exitCode = undefined
  try {
    vi.resetModules()
    await import('../../../../electron/cli/index')
    await vi.waitFor(() => expect(process.exitCode).not.toBeUndefined())
    return { code: process.exitCode, out: out.join('\n'), err: err.join('\n') }
  } finally {
    process.argv = argv
    process.exitCode = undefined
  }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('convene <command>', () => {
  // Names a plain object inherits from Object.prototype, and one that is simply unknown.
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nosuchcommand'])(
    'says "unknown command" for %s, with the usage, and exits with 2',
    async (name) => {
      const { code, out, err } = await convene(name)
      expect(err).toContain(`convene: unknown command "${name}".`)
      expect(err).toContain('Usage:')
      expect(err).not.toMatch(/is not a function/)
      expect(out).toBe('')
      expect(code).toBe(2)
    },
  )

  it('still lists the commands for --help', async () => {
    const { code, out } = await convene('--help')
    expect(out).toMatch(/convene climate/)
    expect(code).toBe(0)
  })
})
