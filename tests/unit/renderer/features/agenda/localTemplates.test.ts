import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { BUILT_IN_TEMPLATES, parseTemplate, type AgendaTemplate } from '../../../../../shared/facilitation'
import { loadLocalTemplates, localTemplates } from '../../../../../renderer/features/agenda/localTemplates'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const path = (locale: string): string => `../../../resources/i18n/${locale}/agenda-templates.json`

function marked(): unknown {
  return BUILT_IN_TEMPLATES.map((t) => ({ ...t, name: `[xx] ${t.name}`, segments: t.segments.map((s) => ({ ...s, title: `[xx] ${s.title}` })) }))
}

describe('the built-in agenda templates in the person’s language', () => {
  it('are translated where the language has a file, template by template', async () => {
    const loaded = await loadLocalTemplates('xx', { [path('xx')]: () => Promise.resolve(marked()) })
    const shown = localTemplates(loaded)
    expect(shown.map((t) => t.id)).toEqual(BUILT_IN_TEMPLATES.map((t) => t.id))
    expect(shown[0].name).toBe(`[xx] ${BUILT_IN_TEMPLATES[0].name}`)
    // A template the file lacks stays in English.
    expect(localTemplates(loaded!.slice(1))[0]).toBe(BUILT_IN_TEMPLATES[0])
  })

  it('are English without a file, or with a broken one', async () => {
    expect(localTemplates(await loadLocalTemplates('en'))).toBe(BUILT_IN_TEMPLATES)
    expect(await loadLocalTemplates('da', {})).toBeNull()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await loadLocalTemplates('xx', { [path('xx')]: () => Promise.resolve({ templates: [] }) })).toBeNull()
    expect(await loadLocalTemplates('xx', { [path('xx')]: () => Promise.reject(new Error('chunk failed')) })).toBeNull()
    const broken = await loadLocalTemplates('xx', { [path('xx')]: () => Promise.resolve([{ id: 'weekly-practice', name: '', segments: [] }, ...(marked() as AgendaTemplate[]).slice(1)]) })
    expect(broken?.map((t) => t.id)).toEqual(BUILT_IN_TEMPLATES.slice(1).map((t) => t.id))
    warn.mockRestore()
  })

  it('ship as full copies of the English ones: same ids, kinds and minutes, every text translated', () => {
    const dir = join(root, 'resources', 'i18n')
    const locales = readdirSync(dir).filter((name) => existsSync(join(dir, name, 'agenda-templates.json')))
    expect(locales.sort()).toEqual(['da', 'de-CH', 'fr-CA', 'id', 'zh-HK'])
    for (const locale of locales) {
      const data = JSON.parse(readFileSync(join(dir, locale, 'agenda-templates.json'), 'utf8')) as unknown[]
      expect(data).toHaveLength(BUILT_IN_TEMPLATES.length)
      data.forEach((entry, i) => {
        const result = parseTemplate(entry)
        expect(result.ok, `${locale} ${i}`).toBe(true)
        if (!result.ok) return
        const english = BUILT_IN_TEMPLATES[i]
        const local = result.template
        expect(local.id).toBe(english.id)
        expect(local.segments.map((s) => [s.kind, s.minutes])).toEqual(english.segments.map((s) => [s.kind, s.minutes]))
        expect(local.name).not.toBe(english.name)
        expect(local.description).not.toBe(english.description)
        local.segments.forEach((s, k) => expect(s.notes, `${locale} ${english.id} ${k}`).not.toBe(english.segments[k].notes))
      })
    }
  })
})
