import { describe, expect, it } from 'vitest'
import sdgData from '../../../../resources/cohort/sdgs.json'
import {
  CLINIC_STAGES,
  CONTENT_PROBLEMS,
  DOMAINS,
  DOMAIN_TEXTS,
  FIELD_TEXTS,
  GoalFileSchema,
  PROJECT_FIELDS,
  SDGS,
  textOn,
} from '../../../../shared/cohort'

describe('the authored cohort content', () => {
  it('loads every file without a fault', () => {
    expect(CONTENT_PROBLEMS).toEqual([])
  })

  it('holds all 17 Sustainable Development Goals, numbered in order, each named, described and coloured', () => {
    expect(SDGS).toHaveLength(17)
    expect(SDGS.map((g) => g.number)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1))
    expect(new Set(SDGS.map((g) => g.name.toLowerCase())).size).toBe(17)
    expect(new Set(SDGS.map((g) => g.colour.toLowerCase())).size).toBe(17)
    for (const goal of SDGS) {
      expect(goal.description.length).toBeGreaterThan(20)
      expect(goal.colour).toMatch(/^#[0-9A-F]{6}$/)
    }
    expect(SDGS[3]).toMatchObject({ number: 4, name: 'Quality education', colour: '#C5192D' })
    expect(SDGS[12]).toMatchObject({ number: 13, name: 'Climate action', colour: '#3F7E44' })
  })

  it('refuses a goals file with a goal missing or out of order', () => {
    const missing = { ...sdgData, goals: sdgData.goals.slice(0, 16) }
    expect(GoalFileSchema.safeParse(missing).success).toBe(false)
    const swapped = { ...sdgData, goals: [sdgData.goals[1], sdgData.goals[0], ...sdgData.goals.slice(2)] }
    expect(GoalFileSchema.safeParse(swapped).success).toBe(false)
  })

  it('puts readable text on every goal colour (contrast at least 3:1, large bold numbers)', () => {
    const luminance = (hex: string): number => {
      const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    }
    for (const goal of SDGS) {
      const a = luminance(goal.colour)
      const b = luminance(textOn(goal.colour))
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(3)
    }
    expect(textOn('#FCC30B')).toBe('#000000')
    expect(textOn('#19486A')).toBe('#ffffff')
  })

  it('describes every card field, the four domains and the five clinic stages', () => {
    for (const field of PROJECT_FIELDS) expect(FIELD_TEXTS[field].label).not.toBe(field)
    expect(DOMAINS.map((d) => DOMAIN_TEXTS[d].label)).toEqual(['Practice', 'Research', 'Capacity building', 'Community building'])
    expect(CLINIC_STAGES.map((s) => s.id)).toEqual(['presenting', 'clarifying', 'appreciations', 'wonderings', 'reflecting'])
    expect(CLINIC_STAGES.filter((s) => s.speaks === 'presenter').map((s) => s.id)).toEqual(['presenting', 'reflecting'])
  })
})
