import { describe, expect, it } from 'vitest'
import { fail, ok, said, type Result } from '../../../shared/result'

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

describe('a refusal made from a message', () => {
  const MSG = {
    onlyFacilitator: { id: 'test.result.onlyFacilitator', defaultMessage: 'Only a facilitator can end a vote.' },
    tooLong: { id: 'test.result.tooLong', defaultMessage: 'Keep it under {max, number} characters (this one has {count}).' },
  } as const

  it('keeps its English in message and the message itself in said', () => {
    const plain = fail(MSG.onlyFacilitator)
    expect(plain).toStrictEqual({ ok: false, message: 'Only a facilitator can end a vote.' })
    expect(plain.said).toStrictEqual({ message: MSG.onlyFacilitator })
    const refused = fail(said(MSG.tooLong, { max: 1000, count: 1200 }))
    expect(refused.message).toBe('Keep it under 1,000 characters (this one has 1200).')
    expect(refused.said).toStrictEqual({ message: MSG.tooLong, values: { max: 1000, count: 1200 } })
  })

  it('carries a module’s extra fields beside it, and equals a refusal in the same words', () => {
    const refused = fail(said(MSG.tooLong, { max: 80, count: 90 }), { error: { code: 'invalid' } })
    expect(refused).toStrictEqual({ ok: false, message: 'Keep it under 80 characters (this one has 90).', error: { code: 'invalid' } })
    expect(refused.said).toStrictEqual({ message: MSG.tooLong, values: { max: 80, count: 90 } })
    expect(Object.keys(refused)).not.toContain('said')
  })

  it('has no said when it was given plain words', () => {
    expect(fail('3 is odd.').said).toBeUndefined()
  })
})
