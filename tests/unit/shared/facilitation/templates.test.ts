import { describe, expect, it } from 'vitest'
import weekly from '../../../../resources/facilitation/weekly-practice.json'
import {
  BUILT_IN_TEMPLATES,
  appendSegments,
  parseTemplate,
  readSegments,
  templateFromAgenda,
  templateSegments,
  totalMinutes,
} from '../../../../shared/facilitation'
import { convening } from './helpers'

describe('agenda templates', () => {
  it('come with Convene: a weekly practice convening, a World Climate session and a systems-mapping workshop', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.id)).toEqual(['weekly-practice', 'world-climate', 'systems-mapping'])
    const [practice, climate, mapping] = BUILT_IN_TEMPLATES
    expect(practice.segments.map((s) => s.kind)).toEqual(['check-in', 'diagram', 'breakout', 'conversation', 'check-out'])
    expect(climate.segments.filter((s) => s.kind === 'climate')).toHaveLength(3)
    expect(mapping.segments.some((s) => s.kind === 'breakout')).toBe(true)
    expect(totalMinutes(climate)).toBe(120)
    for (const t of BUILT_IN_TEMPLATES) for (const s of t.segments) expect(s.notes.length).toBeGreaterThan(20)
  })

  it('a damaged template is refused with a message, not used', () => {
    expect(parseTemplate({ ...weekly, segments: [] })).toEqual({ ok: false, message: 'This template cannot be used: segments A template needs at least one segment.' })
    const bad = parseTemplate({ ...weekly, segments: [{ title: 'x', kind: 'dance', minutes: 5 }] })
    expect(bad.ok).toBe(false)
    expect(parseTemplate('nonsense').ok).toBe(false)
  })

  it('fill the agenda, and a facilitator’s agenda becomes a template of their own', () => {
    const doc = convening()
    appendSegments(doc, 'fran', templateSegments(BUILT_IN_TEMPLATES[0]))
    expect(readSegments(doc).map((s) => s.title)).toEqual(BUILT_IN_TEMPLATES[0].segments.map((s) => s.title))
    const own = templateFromAgenda(readSegments(doc), 'mine', 'Our Thursday circle', 'As we run it')
    expect(own.ok && own.template).toMatchObject({ name: 'Our Thursday circle', description: 'As we run it' })
    expect(own.ok && own.template.segments).toEqual(BUILT_IN_TEMPLATES[0].segments)
    expect(templateFromAgenda(readSegments(doc), 'mine', '  ', '').ok).toBe(false)
  })
})
