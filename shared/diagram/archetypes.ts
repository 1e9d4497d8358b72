import { z } from 'zod'
import data from '../../resources/diagram/archetypes.json'
import { CurveSchema, DIAGRAM_LIMITS as L, LabelSchema, PolaritySchema, formatPath } from './model'
import { fail, ok, type Result } from '../result'

/**
 * The nine systems archetypes, authored as data in resources/diagram/archetypes.json
 * and validated here: a typo in the file fails the unit tests and shows as an empty
 * pattern list, never as a broken canvas.
 */
const ProseSchema = z.string().trim().min(20).max(600)

export const ArchetypeSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
    name: z.string().trim().min(3).max(60),
    summary: ProseSchema,
    story: ProseSchema,
    leverage: ProseSchema,
    variables: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
          label: LabelSchema,
          x: z.number().min(-2000).max(2000),
          y: z.number().min(-2000).max(2000),
        }),
      )
      .min(2)
      .max(L.pasteMaxVariables),
    links: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          polarity: PolaritySchema,
          delay: z.boolean(),
          curve: CurveSchema.optional(),
        }),
      )
      .min(2)
      .max(L.pasteMaxLinks),
  })
  .superRefine((a, ctx) => {
    const keys = new Set<string>()
    a.variables.forEach((v, i) => {
      if (keys.has(v.key)) ctx.addIssue({ code: 'custom', path: ['variables', i, 'key'], message: `duplicate key "${v.key}"` })
      keys.add(v.key)
    })
    const pairs = new Set<string>()
    a.links.forEach((link, i) => {
      for (const end of ['from', 'to'] as const) {
        if (!keys.has(link[end])) ctx.addIssue({ code: 'custom', path: ['links', i, end], message: `no variable "${link[end]}"` })
      }
      if (link.from === link.to) ctx.addIssue({ code: 'custom', path: ['links', i], message: 'a link to itself' })
      const pair = `${link.from}->${link.to}`
      if (pairs.has(pair)) ctx.addIssue({ code: 'custom', path: ['links', i], message: `second link ${pair}` })
      pairs.add(pair)
    })
  })
export type Archetype = z.infer<typeof ArchetypeSchema>

export const ArchetypeFileSchema = z.object({ version: z.literal(1), archetypes: z.array(ArchetypeSchema) })

/** Parse an archetype file; problems name the field (e.g. `archetypes[2].links[1].to: no variable "x"`). */
export function parseArchetypes(input: unknown): Result<Archetype[], { problems: string[] }> {
  const parsed = ArchetypeFileSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data.archetypes)
  const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
  return fail(`These archetypes are not valid: ${problems[0]}`, { problems })
}

const loaded = parseArchetypes(data)

/** The archetypes in the order the picker shows them (empty if the data file is damaged). */
export const ARCHETYPES: readonly Archetype[] = loaded.ok ? loaded.value : []

export function getArchetype(id: string): Archetype | undefined {
  return ARCHETYPES.find((a) => a.id === id)
}
