import { describe, expect, it } from 'vitest'
import { fail, ok, type Result } from '../../../shared/result'

function half(n: number): Result<number> {
  return n % 2 === 0 ? ok(n / 2) : fail(`${n} is odd.`)
}

describe('Result', () => {
  it('carries a value or one message, told apart by ok', () => {
    expect(half(4)).toStrictEqual({ ok: true, value: 2 })
    expect(half(3)).toStrictEqual({ ok: false, message: '3 is odd.' })
    expect(ok()).toStrictEqual({ ok: true, value: undefined })
  })

  it('lets a module add what its callers need to a refusal, without hiding the message', () => {
    const refused = fail('That variable is no longer here.', { error: { code: 'no-variable' } })
    expect(refused).toStrictEqual({ ok: false, message: 'That variable is no longer here.', error: { code: 'no-variable' } })
    // The extra fields never overwrite ok or message.
    expect(fail('Kept.', { ok: true, message: 'lost' } as object)).toStrictEqual({ ok: false, message: 'Kept.' })
  })
})
