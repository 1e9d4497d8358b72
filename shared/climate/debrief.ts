// The World Climate debrief questions (resources/climate/debrief.json), checked when loaded.
import { z } from 'zod'
import data from '../../resources/climate/debrief.json'

export const DebriefSchema = z.object({
  about: z.string(),
  groups: z
    .array(z.object({ title: z.string().min(1).max(80), questions: z.array(z.string().min(1).max(300)).min(1) }))
    .min(1),
})
export type Debrief = z.infer<typeof DebriefSchema>

/** The debrief questions; throws at load time if the data file is malformed (a build defect, caught by the tests). */
export const DEBRIEF: Debrief = DebriefSchema.parse(data)
