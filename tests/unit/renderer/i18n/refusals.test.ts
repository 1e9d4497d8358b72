import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { translator } from '../../../../shared/i18n'
import { fail, said } from '../../../../shared/result'
import { VOTE_MESSAGES } from '../../../../shared/facilitation'
import { SESSION_MESSAGES } from '../../../../shared/session'
import { sayRefusal } from '../../../../renderer/i18n/refusals'

const danish = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../resources/i18n/da.json'), 'utf8')) as Record<string, string>
const da = translator('da', danish).formatMessage
const en = translator('en').formatMessage

const constant = Object.values(VOTE_MESSAGES).find((m) => !m.defaultMessage.includes('{'))!
const withValues = Object.values(SESSION_MESSAGES).find((m) => m.defaultMessage.includes('{'))!

describe('what shared/ refuses, in the person’s language', () => {
  it('says a refusal made from a message in Danish, and in English exactly as shared/ wrote it', () => {
    const refused = fail(constant)
    expect(sayRefusal(da, refused)).toBe(danish[constant.id])
    expect(sayRefusal(da, refused)).not.toBe(refused.message)
    expect(sayRefusal(en, refused)).toBe(refused.message)
  })

  it('fills a refusal’s placeholders in the translation', () => {
    const values = Object.fromEntries((withValues.defaultMessage.match(/\{(\w+)/g) ?? []).map((p) => [p.slice(1), 7]))
    const refused = fail(said(withValues, values))
    const text = sayRefusal(da, refused)
    expect(text).not.toContain('{')
    expect(text).toBe(da({ id: withValues.id, defaultMessage: withValues.defaultMessage }, values))
  })

  it('finds a plain English sentence from shared/ (a schema’s message) by its words, and leaves unknown text as written', () => {
    expect(sayRefusal(da, constant.defaultMessage)).toBe(danish[constant.id])
    expect(sayRefusal(da, 'Something only a peer wrote.')).toBe('Something only a peer wrote.')
  })
})

describe('a schema message with a number in it', () => {
  it('is found by its words and said in Danish with the same number', () => {
    const english = en({ id: SESSION_MESSAGES.titleTooLong.id, defaultMessage: SESSION_MESSAGES.titleTooLong.defaultMessage }, { max: 120 })
    expect(english).toBe('Keep the title under 120 characters')
    const text = sayRefusal(da, english)
    expect(text).toBe(da({ id: SESSION_MESSAGES.titleTooLong.id, defaultMessage: SESSION_MESSAGES.titleTooLong.defaultMessage }, { max: 120 }))
    expect(text).toContain('120')
    expect(text).not.toBe(english)
  })
})
