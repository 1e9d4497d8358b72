/** One benchmark figure, with the baseline it is compared to (measured in the same run). */
export interface BenchResult {
  name: string
  unit: 'ms' | 'count' | 'bytes'
  median: number
  p95: number
  samples: number
  counts?: Record<string, number>
  baseline?: { name: string; median: number; p95: number }
  target?: string
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index]
}

export function summarise(values: number[]): { median: number; p95: number; samples: number } {
  return { median: quantile(values, 0.5), p95: quantile(values, 0.95), samples: values.length }
}

/** A clock shared by processes on one machine, in milliseconds with sub-ms precision. */
export function now(): number {
  return performance.timeOrigin + performance.now()
}
