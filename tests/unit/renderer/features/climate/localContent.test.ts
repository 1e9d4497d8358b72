import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { DEBRIEF, type Debrief } from '../../../../../shared/climate'
import {
  ENGLISH_GUIDE, debriefFrom, guideFrom, loadLocalDebrief, loadLocalGuide, type ContentLoaders,
} from '../../../../../renderer/features/climate/localContent'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const englishGuide = readFileSync(join(root, 'resources', 'climate', 'model-guide.md'), 'utf8')

/** A translator's copy: "[xx] " before every line of text, headings and tables kept in place. */
const markedGuide = englishGuide.split('\n').map((line) => line.replace(/^(#{1,3} )?([A-Za-z*])/, (_, hashes: string | undefined, first: string) => `${hashes ?? ''}[xx] ${first}`)).join('\n')
const markedDebrief: Debrief = {
  about: `[xx] ${DEBRIEF.about}`,
  groups: DEBRIEF.groups.map((g) => ({ title: `[xx] ${g.title}`, questions: g.questions.map((q) => `[xx] ${q}`) })),
}

function loaders(file: string, files: Record<string, unknown>): ContentLoaders {
  return Object.fromEntries(Object.entries(files).map(([locale, data]) => [`../../../resources/i18n/${locale}/${file}`, () => Promise.resolve(data)]))
}

const quietly = async <T,>(run: () => Promise<T>): Promise<T> => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  try {
    return await run()
  } finally {
    warn.mockRestore()
  }
}

describe('the model guide in the person’s language', () => {
  it('is the translated file when it has the English guide’s outline', async () => {
    const blocks = await loadLocalGuide('xx', loaders('model-guide.md', { xx: markedGuide }))
    expect(blocks).not.toBeNull()
    expect(blocks![0]).toEqual({ kind: 'heading', level: 1, text: `[xx] ${(ENGLISH_GUIDE[0] as { text: string }).text}` })
    expect(blocks!.filter((b) => b.kind === 'table')).toHaveLength(ENGLISH_GUIDE.filter((b) => b.kind === 'table').length)
  })

  it('is English where the language has no guide, or one that is empty, cut short or fails to load', async () => {
    expect(await loadLocalGuide('en')).toBeNull()
    expect(await loadLocalGuide('da', loaders('model-guide.md', {}))).toBeNull()
    const cut = markedGuide.slice(0, markedGuide.indexOf('## 4'))
    expect(await quietly(() => loadLocalGuide('xx', loaders('model-guide.md', { xx: cut })))).toBeNull()
    expect(await quietly(() => loadLocalGuide('xx', loaders('model-guide.md', { xx: '  \n' })))).toBeNull()
    expect(await quietly(() => loadLocalGuide('xx', loaders('model-guide.md', { xx: { not: 'text' } })))).toBeNull()
    const failing = { '../../../resources/i18n/xx/model-guide.md': () => Promise.reject(new Error('chunk failed')) }
    expect(await quietly(() => loadLocalGuide('xx', failing))).toBeNull()
    expect(guideFrom(englishGuide)).toEqual(ENGLISH_GUIDE)
  })
})

describe('the debrief questions in the person’s language', () => {
  it('are the translated file when it has the English structure', async () => {
    expect(await loadLocalDebrief('xx', loaders('debrief.json', { xx: markedDebrief }))).toEqual(markedDebrief)
  })

  it('are English where the file is missing, fails the schema, differs in shape or fails to load', async () => {
    expect(await loadLocalDebrief('en')).toBeNull()
    expect(await loadLocalDebrief('da', loaders('debrief.json', {}))).toBeNull()
    const noTitle = { ...markedDebrief, groups: [{ ...markedDebrief.groups[0], title: '' }, ...markedDebrief.groups.slice(1)] }
    const groupLost = { ...markedDebrief, groups: markedDebrief.groups.slice(1) }
    const questionLost = { ...markedDebrief, groups: [{ ...markedDebrief.groups[0], questions: markedDebrief.groups[0].questions.slice(1) }, ...markedDebrief.groups.slice(1)] }
    for (const broken of [noTitle, groupLost, questionLost, 'nope']) {
      expect(await quietly(() => loadLocalDebrief('xx', loaders('debrief.json', { xx: broken })))).toBeNull()
    }
    const failing = { '../../../resources/i18n/xx/debrief.json': () => Promise.reject(new Error('chunk failed')) }
    expect(await quietly(() => loadLocalDebrief('xx', failing))).toBeNull()
    expect(debriefFrom(DEBRIEF)).toEqual(DEBRIEF)
  })
})

describe('the translators’ files', () => {
  const dir = join(root, 'resources', 'i18n')
  const locales = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)

  it('are found by the app (import.meta.glob in localContent.ts) and match the English ones', async () => {
    for (const locale of locales) {
      if (existsSync(join(dir, locale, 'model-guide.md'))) {
        const guide = await loadLocalGuide(locale)
        expect(guide, `${locale} model guide`).not.toBeNull()
        expect(guide, locale).toEqual(guideFrom(readFileSync(join(dir, locale, 'model-guide.md'), 'utf8')))
      }
      if (existsSync(join(dir, locale, 'debrief.json'))) {
        const debrief = await loadLocalDebrief(locale)
        expect(debrief, `${locale} debrief`).not.toBeNull()
        expect(debrief!.groups[0].title, locale).not.toBe(DEBRIEF.groups[0].title)
      }
    }
  })
})
