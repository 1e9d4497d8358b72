import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ARCHETYPES, ICEBERG_CONTENT, parseArchetypes, parseIcebergContent, type Archetype, type IcebergContent } from '../../../../../shared/diagram'
import { LOCALES } from '../../../../../shared/i18n'
import { loadLocalArchetypes, loadLocalIceberg, localArchetype, type ContentLoaders } from '../../../../../renderer/features/diagram/localContent'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const TRANSLATED = LOCALES.map((l) => l.tag).filter((tag) => tag !== 'en')

/** A translator's archetypes.json: every text marked "[xx] ", ids, keys and links as in English. */
function archetypeFile(archetypes: readonly Archetype[] = ARCHETYPES): unknown {
  return {
    version: 1,
    archetypes: structuredClone(archetypes).map((a) => ({
      ...a,
      name: `[xx] ${a.name}`,
      summary: `[xx] ${a.summary}`,
      story: `[xx] ${a.story}`,
      leverage: `[xx] ${a.leverage}`,
      variables: a.variables.map((v) => ({ ...v, label: `[xx] ${v.label}` })),
    })),
  }
}

function icebergFile(): IcebergContent {
  const english = ICEBERG_CONTENT!
  return { ...english, variants: { ...english.variants, current: { ...english.variants.current, name: '[xx] Iceberg' } } }
}

function loaders(file: string, files: Record<string, unknown>): ContentLoaders {
  return Object.fromEntries(Object.entries(files).map(([locale, data]) => [`../../../resources/i18n/${locale}/${file}`, () => Promise.resolve(data)]))
}

describe('archetypes in the person’s language', () => {
  it('reads the translation’s words over the authored pattern', async () => {
    const translated = await loadLocalArchetypes('xx', loaders('archetypes.json', { xx: archetypeFile() }))
    const first = ARCHETYPES[0]
    const shown = localArchetype(first, translated)
    expect(shown.name).toBe(`[xx] ${first.name}`)
    expect(shown.story).toBe(`[xx] ${first.story}`)
    expect(shown.variables.map((v) => v.label)).toEqual(first.variables.map((v) => `[xx] ${v.label}`))
    // The pattern itself (what is added to a diagram) is the English one.
    expect(shown.links).toBe(first.links)
    expect(shown.variables.map(({ key, x, y }) => ({ key, x, y }))).toEqual(first.variables.map(({ key, x, y }) => ({ key, x, y })))
    expect(first.name).not.toMatch(/^\[xx\]/)
  })

  it('keeps English for an archetype, or a variable, the translation lacks', async () => {
    const [first, second] = ARCHETYPES
    // A file with the first archetype only, whose first variable has a key English does not know.
    const old = first.variables[0].key
    const rekey = (key: string) => (key === old ? 'renamed-key' : key)
    const partial = archetypeFile([
      {
        ...first,
        variables: first.variables.map((v) => ({ ...v, key: rekey(v.key) })),
        links: first.links.map((l) => ({ ...l, from: rekey(l.from), to: rekey(l.to) })),
      },
    ])
    const translated = await loadLocalArchetypes('xx', loaders('archetypes.json', { xx: partial }))
    expect(translated).toHaveLength(1)
    expect(localArchetype(second, translated)).toBe(second)
    const shown = localArchetype(first, translated)
    expect(shown.variables[0].label).toBe(first.variables[0].label)
    expect(shown.variables[1].label).toBe(`[xx] ${first.variables[1].label}`)
  })

  it('is English where the language has no file, a broken one, or one that does not load', async () => {
    expect(await loadLocalArchetypes('en')).toBeNull()
    expect(await loadLocalArchetypes('da', loaders('archetypes.json', {}))).toBeNull()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await loadLocalArchetypes('xx', loaders('archetypes.json', { xx: { version: 2, archetypes: [] } }))).toBeNull()
    // One archetype that fails the schema (a link to a variable that is not there) makes the whole file English.
    const broken = archetypeFile()
    ;(broken as { archetypes: { links: { to: string }[] }[] }).archetypes[0].links[0].to = 'nowhere'
    expect(await loadLocalArchetypes('xx', loaders('archetypes.json', { xx: broken }))).toBeNull()
    expect(await loadLocalArchetypes('xx', { '../../../resources/i18n/xx/archetypes.json': () => Promise.reject(new Error('chunk failed')) })).toBeNull()
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
    expect(localArchetype(ARCHETYPES[0], null)).toBe(ARCHETYPES[0])
  })

  it('loads the app’s own translations', async () => {
    const translated = await loadLocalArchetypes('da')
    expect(translated?.map((a) => a.id)).toEqual(ARCHETYPES.map((a) => a.id))
    expect(localArchetype(ARCHETYPES[0], translated).name).not.toBe(ARCHETYPES[0].name)
  })
})

describe('the iceberg in the person’s language', () => {
  it('reads the translation, and English where there is none or it is broken', async () => {
    const files = loaders('iceberg.json', { xx: icebergFile() })
    expect((await loadLocalIceberg('xx', files))?.variants.current.name).toBe('[xx] Iceberg')
    expect(await loadLocalIceberg('en')).toBeNull()
    expect(await loadLocalIceberg('yy', files)).toBeNull()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const reordered = { ...icebergFile(), levels: [...ICEBERG_CONTENT!.levels].reverse() }
    expect(await loadLocalIceberg('xx', loaders('iceberg.json', { xx: reordered }))).toBeNull()
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })

  it('loads the app’s own translations', async () => {
    const content = await loadLocalIceberg('zh-HK')
    expect(content?.levels.map((l) => l.id)).toEqual(ICEBERG_CONTENT!.levels.map((l) => l.id))
    expect(content?.variants.current.name).not.toBe(ICEBERG_CONTENT!.variants.current.name)
  })
})

describe('the shipped translations', () => {
  it.each(TRANSLATED)('%s: archetypes and iceberg pass the readers and match the English ids and keys', (locale) => {
    const read = (file: string): unknown => JSON.parse(readFileSync(join(root, 'resources', 'i18n', locale, file), 'utf8'))
    const archetypes = parseArchetypes(read('archetypes.json'))
    expect(archetypes.ok ? [] : archetypes.problems).toEqual([])
    if (!archetypes.ok) return
    const shape = (list: readonly Archetype[]) => list.map((a) => ({ id: a.id, keys: a.variables.map((v) => v.key), links: a.links }))
    expect(shape(archetypes.value)).toEqual(shape(ARCHETYPES))
    const iceberg = parseIcebergContent(read('iceberg.json'))
    expect(iceberg.ok ? [] : iceberg.problems).toEqual([])
  })
})
