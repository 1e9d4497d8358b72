import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALES, messageArguments, pseudoCatalog } from '../../../shared/i18n'
import { englishCatalog, extractMessages } from '../../support/i18n'

const root = join(import.meta.dirname, '..', '..', '..')
const extracted = extractMessages(root)
const english = englishCatalog(extracted)
const read = (tag: string): Record<string, string> => JSON.parse(readFileSync(join(root, `resources/i18n/${tag}.json`), 'utf8')) as Record<string, string>

describe('message catalogs', () => {
  it('every message in the code has a literal id and English, and one id means one thing', () => {
    expect(extracted.problems).toEqual([])
    expect(Object.keys(english).length).toBeGreaterThan(0)
  })

  it('en.json is exactly what the code says (run `npm run i18n` after changing a message)', () => {
    expect(read('en')).toEqual(english)
  })

  for (const { tag } of LOCALES.filter((l) => l.tag !== 'en')) {
    describe(tag, () => {
      it('has a catalog named by its BCP 47 tag', () => {
        expect(existsSync(join(root, `resources/i18n/${tag}.json`))).toBe(true)
      })

      it('translates every message and holds none that no code uses', () => {
        const catalog = read(tag)
        const missing = Object.keys(english).filter((id) => !(id in catalog))
        const unused = Object.keys(catalog).filter((id) => !(id in english))
        expect({ missing, unused }).toEqual({ missing: [], unused: [] })
      })

      it('every translation parses and keeps the placeholders and tags of the English', () => {
        const catalog = read(tag)
        const wrong: string[] = []
        for (const [id, text] of Object.entries(catalog)) {
          if (!(id in english)) continue
          let args: string[]
          try {
            args = messageArguments(text)
          } catch (error) {
            wrong.push(`${id}: does not parse (${String(error)})`)
            continue
          }
          const expected = messageArguments(english[id])
          if (args.join() !== expected.join()) wrong.push(`${id}: uses ${args.join(', ') || 'nothing'}, English uses ${expected.join(', ') || 'nothing'}`)
          if (text.trim() === '') wrong.push(`${id}: empty`)
        }
        expect(wrong).toEqual([])
      })
    })
  }

  it('the pseudo-locale keeps placeholders and makes text longer', () => {
    const pseudo = pseudoCatalog({ a: 'Start a vote', b: '{count, plural, one {# group} other {# groups}}' })
    const literal = (pseudo.a as { value?: string }[]).map((e) => e.value ?? '').join('')
    expect(literal.length).toBeGreaterThanOrEqual(Math.round('Start a vote'.length * 1.3))
    expect(literal).not.toContain('Start')
    expect(JSON.stringify(pseudo.b)).toContain('"value":"count"')
  })
})
