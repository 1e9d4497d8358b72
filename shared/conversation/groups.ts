import { seededShuffle } from './random'
import type { GroupSize, Stage } from './schema'

/**
 * Groups for pairs and small-group stages. Assignment is automatic (a seeded shuffle,
 * sizes differing by at most one) and then editable by hand. In 1-2-4-All, foursomes
 * are made by joining pairs, so people keep their partner.
 */
export function assignGroups(ids: readonly string[], size: number, seed: number): string[][] {
  const people = seededShuffle([...new Set(ids)], seed)
  if (people.length === 0) return []
  const count = Math.max(1, Math.floor(people.length / Math.max(1, size)))
  const groups: string[][] = Array.from({ length: count }, () => [])
  people.forEach((id, i) => groups[i % count].push(id))
  return groups
}

/** Join every `factor` consecutive groups; a short last set joins the one before it. */
export function joinGroups(groups: readonly (readonly string[])[], factor: number): string[][] {
  const out: string[][] = []
  for (let i = 0; i < groups.length; i += factor) out.push(groups.slice(i, i + factor).flat())
  if (out.length > 1 && groups.length % factor !== 0) {
    const last = out.pop()!
    out[out.length - 1].push(...last)
  }
  return out
}

export function sizeNumber(size: GroupSize): number | null {
  return size === 'all' ? null : Number(size)
}

/** Groups for every stage of a plan that needs them (sizes 2 and up, not 'all'). */
export function planGroups(plan: readonly Stage[], ids: readonly string[], seed: number): Record<string, string[][]> {
  const sizes = [...new Set(plan.map((s) => sizeNumber(s.size)).filter((n): n is number => n !== null && n >= 2))].sort((a, b) => a - b)
  const out: Record<string, string[][]> = {}
  for (const size of sizes) {
    const smaller = sizes.filter((s) => s < size && size % s === 0).pop()
    out[String(size)] = smaller ? joinGroups(out[String(smaller)], size / smaller) : assignGroups(ids, size, seed + size)
  }
  return out
}

export function groupIndexOf(groups: readonly (readonly string[])[], personId: string): number {
  return groups.findIndex((g) => g.includes(personId))
}

/** Move a person to group `to` (an index, or 'new' for a group of their own). Empty groups disappear. */
export function moveMember(groups: readonly (readonly string[])[], personId: string, to: number | 'new'): string[][] {
  const out = groups.map((g) => g.filter((id) => id !== personId))
  if (to === 'new') out.push([personId])
  else if (to >= 0 && to < out.length) out[to].push(personId)
  else return groups.map((g) => [...g])
  return out.filter((g) => g.length > 0)
}

/** Put everyone not yet in a group into the smallest groups, one by one. */
export function fitLatecomers(groups: readonly (readonly string[])[], ids: readonly string[], size: number): string[][] {
  const out = groups.map((g) => [...g])
  const placed = new Set(out.flat())
  for (const id of ids) {
    if (placed.has(id)) continue
    placed.add(id)
    if (out.length === 0) {
      out.push([id])
      continue
    }
    let smallest = 0
    for (let i = 1; i < out.length; i++) if (out[i].length < out[smallest].length) smallest = i
    if (out[smallest].length >= size + 1) out.push([id])
    else out[smallest].push(id)
  }
  return out
}

export type StagePreset = '1-2-4-all' | 'pairs' | 'threes' | 'small-groups'

export const STAGE_PRESET_LABELS: Record<StagePreset, string> = {
  '1-2-4-all': '1-2-4-All',
  pairs: 'Pairs, then all',
  threes: 'Threes, then all',
  'small-groups': 'Small groups of five, then all',
}

export function stagePreset(preset: StagePreset): Stage[] {
  switch (preset) {
    case '1-2-4-all':
      return [
        { id: 'one', label: 'On your own, in silence', size: '1', minutes: 1 },
        { id: 'two', label: 'In pairs: build on each other’s ideas', size: '2', minutes: 2 },
        { id: 'four', label: 'In foursomes: notice similarities and differences', size: '4', minutes: 4 },
        { id: 'all', label: 'All together: what stands out?', size: 'all', minutes: 5 },
      ]
    case 'pairs':
      return [
        { id: 'two', label: 'In pairs', size: '2', minutes: 5 },
        { id: 'all', label: 'All together', size: 'all', minutes: 5 },
      ]
    case 'threes':
      return [
        { id: 'three', label: 'In threes', size: '3', minutes: 8 },
        { id: 'all', label: 'All together', size: 'all', minutes: 5 },
      ]
    case 'small-groups':
      return [
        { id: 'five', label: 'In small groups', size: '5', minutes: 10 },
        { id: 'all', label: 'All together', size: 'all', minutes: 8 },
      ]
  }
}
