import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CLINIC_ABOUT, CLINIC_STAGES, DOMAIN_TEXTS, FIELD_TEXTS, SDGS } from '../../../../../shared/cohort'
import {
  ENGLISH_CARD, ENGLISH_CLINIC, ENGLISH_GOALS, cardFrom, clinicFrom, goalsFrom, inSentence, loadLocalCard, loadLocalClinic, loadLocalGoals, type ContentLoaders,
} from '../../../../../renderer/features/cohort/localContent'

const root = join(import.meta.dirname, '..', '..', '..', '..', '..')
const english = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(root, 'resources', 'cohort', file), 'utf8')) as Record<string, unknown>

/** A translator's copy: "[xx] " before every text, everything else as in English. */
const mark = (s: string): string => `[xx] ${s}`.slice(0, 40)
const markLong = (s: string): string => `[xx] ${s}`
const card = english('card.json') as { fields: { label: string; prompt: string; max: number }[]; domains: { label: string; prompt: string }[] }
const markedCard = {
  ...card,
  fields: card.fields.map((f) => ({ ...f, label: mark(f.label), prompt: markLong(f.prompt), max: 5 })),
  domains: card.domains.map((d) => ({ ...d, label: mark(d.label), prompt: markLong(d.prompt) })),
}
const clinic = english('clinic.json') as { about: string; stages: { label: string; guidance: string; minutes: number; offeringLabel: string | null }[] }
const markedClinic = {
  ...clinic,
  about: markLong(clinic.about),
  stages: clinic.stages.map((s) => ({ ...s, label: mark(s.label), guidance: markLong(s.guidance), minutes: 60, offeringLabel: s.offeringLabel === null ? null : mark(s.offeringLabel) })),
}
const sdgs = english('sdgs.json') as { goals: { name: string; description: string; colour: string }[] }
const markedGoals = { ...sdgs, goals: sdgs.goals.map((g) => ({ ...g, name: markLong(g.name), description: markLong(g.description).slice(0, 120), colour: '#000000' })) }

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

describe('the project card’s texts in the person’s language', () => {
  it('take the words from the translation and the lengths from English', async () => {
    const texts = await loadLocalCard('xx', loaders('card.json', { xx: markedCard }))
    expect(texts!.fields.aspiration).toEqual({ ...FIELD_TEXTS.aspiration, label: '[xx] Aspiration', prompt: `[xx] ${FIELD_TEXTS.aspiration.prompt}` })
    expect(texts!.domains.capacity.label).toBe('[xx] Capacity building')
    expect(texts!.fields.title.max).toBe(FIELD_TEXTS.title.max)
  })

  it('are English where the file is missing, breaks the schema or fails to load', async () => {
    expect(await loadLocalCard('en')).toBeNull()
    expect(await loadLocalCard('da', loaders('card.json', {}))).toBeNull()
    const fieldLost = { ...markedCard, fields: markedCard.fields.slice(1) }
    const swapped = { ...markedCard, domains: [markedCard.domains[1], markedCard.domains[0], ...markedCard.domains.slice(2)] }
    const emptyLabel = { ...markedCard, fields: [{ ...markedCard.fields[0], label: '' }, ...markedCard.fields.slice(1)] }
    for (const broken of [fieldLost, swapped, emptyLabel, { ...markedCard, version: 2 }, 'nope']) {
      expect(await quietly(() => loadLocalCard('xx', loaders('card.json', { xx: broken })))).toBeNull()
    }
    const failing = { '../../../resources/i18n/xx/card.json': () => Promise.reject(new Error('chunk failed')) }
    expect(await quietly(() => loadLocalCard('xx', failing))).toBeNull()
    expect(cardFrom(english('card.json'))).toEqual(ENGLISH_CARD)
    expect(ENGLISH_CARD.domains).toBe(DOMAIN_TEXTS)
  })
})

describe('the clinic’s texts in the person’s language', () => {
  it('take the words from the translation and the minutes and speakers from English', async () => {
    const texts = await loadLocalClinic('xx', loaders('clinic.json', { xx: markedClinic }))
    expect(texts!.about).toBe(`[xx] ${CLINIC_ABOUT}`)
    expect(texts!.stages.map((s) => s.id)).toEqual(CLINIC_STAGES.map((s) => s.id))
    expect(texts!.stages.map((s) => s.minutes)).toEqual(CLINIC_STAGES.map((s) => s.minutes))
    expect(texts!.stages.map((s) => s.speaks)).toEqual(CLINIC_STAGES.map((s) => s.speaks))
    expect(texts!.stages[1]).toMatchObject({ label: '[xx] Clarifying questions', offeringLabel: '[xx] Clarifying question' })
    expect(texts!.stages[0].offeringLabel).toBeNull()
  })

  it('are English where the file is missing, breaks the schema, or tags offerings in other stages', async () => {
    expect(await loadLocalClinic('en')).toBeNull()
    const stageLost = { ...markedClinic, stages: markedClinic.stages.slice(0, 4) }
    const tagged = { ...markedClinic, stages: [{ ...markedClinic.stages[0], offeringLabel: 'Offering' }, ...markedClinic.stages.slice(1)] }
    const untagged = { ...markedClinic, stages: [markedClinic.stages[0], { ...markedClinic.stages[1], offeringLabel: null }, ...markedClinic.stages.slice(2)] }
    for (const broken of [stageLost, tagged, untagged, { ...markedClinic, about: '' }]) {
      expect(await quietly(() => loadLocalClinic('xx', loaders('clinic.json', { xx: broken })))).toBeNull()
    }
    expect(clinicFrom(english('clinic.json'))).toEqual(ENGLISH_CLINIC)
  })
})

describe('the goals in the person’s language', () => {
  it('take names and descriptions from the translation, numbers and colours from English', async () => {
    const goals = await loadLocalGoals('xx', loaders('sdgs.json', { xx: markedGoals }))
    expect(goals).toHaveLength(17)
    expect(goals![12]).toEqual({ ...SDGS[12], name: '[xx] Climate action', description: `[xx] ${SDGS[12].description}` })
  })

  it('are English where the file is missing or breaks the schema', async () => {
    expect(await loadLocalGoals('en')).toBeNull()
    const goalLost = { ...markedGoals, goals: markedGoals.goals.slice(0, 16) }
    const reordered = { ...markedGoals, goals: [markedGoals.goals[1], markedGoals.goals[0], ...markedGoals.goals.slice(2)] }
    for (const broken of [goalLost, reordered, { goals: markedGoals.goals }]) {
      expect(await quietly(() => loadLocalGoals('xx', loaders('sdgs.json', { xx: broken })))).toBeNull()
    }
    expect(goalsFrom(english('sdgs.json'))).toEqual(ENGLISH_GOALS)
  })
})

describe('a stage’s name inside a sentence', () => {
  it('is lower case as in English, except in German', () => {
    expect(inSentence('Presenter’s reflection', 'en')).toBe('presenter’s reflection')
    expect(inSentence('Question de clarification', 'fr-CA')).toBe('question de clarification')
    expect(inSentence('Klärungsfrage', 'de-CH')).toBe('Klärungsfrage')
    expect(inSentence('澄清問題', 'zh-HK')).toBe('澄清問題')
  })
})

describe('the translators’ files', () => {
  const dir = join(root, 'resources', 'i18n')
  const locales = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)

  it('are found by the app (import.meta.glob in localContent.ts), pass the schemas and are translated', async () => {
    const checked: string[] = []
    for (const locale of locales) {
      if (existsSync(join(dir, locale, 'card.json'))) {
        const texts = await loadLocalCard(locale)
        expect(texts, `${locale} card.json`).not.toBeNull()
        expect(texts!.fields.reality.prompt, locale).not.toBe(FIELD_TEXTS.reality.prompt)
        checked.push(`${locale}/card.json`)
      }
      if (existsSync(join(dir, locale, 'clinic.json'))) {
        const texts = await loadLocalClinic(locale)
        expect(texts, `${locale} clinic.json`).not.toBeNull()
        expect(texts!.about, locale).not.toBe(CLINIC_ABOUT)
        checked.push(`${locale}/clinic.json`)
      }
      if (existsSync(join(dir, locale, 'sdgs.json'))) {
        const goals = await loadLocalGoals(locale)
        expect(goals, `${locale} sdgs.json`).not.toBeNull()
        expect(goals![0].description, locale).not.toBe(SDGS[0].description)
        checked.push(`${locale}/sdgs.json`)
      }
    }
    for (const locale of ['da', 'de-CH', 'fr-CA', 'id', 'zh-HK']) {
      for (const file of ['card.json', 'clinic.json', 'sdgs.json']) expect(checked).toContain(`${locale}/${file}`)
    }
  })

  it('keep de-CH free of ß', () => {
    for (const file of ['card.json', 'clinic.json', 'sdgs.json']) expect(readFileSync(join(dir, 'de-CH', file), 'utf8')).not.toContain('ß')
  })
})
