// Three-layer energy balance (Cummins et al. 2020, as in FaIR):
//   C1 dT1/dt = F - k1 T1 - k2 (T1 - T2)
//   C2 dT2/dt = k2 (T1 - T2) - eps k3 (T2 - T3)
//   C3 dT3/dt = k3 (T2 - T3)
// T1 is the surface (mixed layer), T2 the upper ocean, T3 the deep ocean. With the
// forcing held constant over a year the system is linear, so one annual step is
// exact: x' = Ad x + bd F with Ad = exp(A) and bd = A^-1 (Ad - I) b.

export interface EnergyBalanceParams {
  /** Heat capacities of the three layers, W yr m-2 K-1. */
  c1: number
  c2: number
  c3: number
  /** k1 is the climate feedback parameter; k2 and k3 exchange heat between layers, W m-2 K-1. */
  k1: number
  k2: number
  k3: number
  /** Efficacy of deep-ocean heat uptake (1 = none). */
  eps: number
}

/** One exact annual step: 9 entries of Ad (row-major) then 3 of bd. */
export type AnnualStep = Float64Array

type M3 = Float64Array

function mul(a: M3, b: M3): M3 {
  const r = new Float64Array(9)
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++) r[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j]
  return r
}

/** exp(A) of a 3x3 matrix by scaling and squaring with a Taylor series. */
export function expm3(a: M3): M3 {
  let norm = 0
  for (let i = 0; i < 3; i++) norm = Math.max(norm, Math.abs(a[i * 3]) + Math.abs(a[i * 3 + 1]) + Math.abs(a[i * 3 + 2]))
  const squarings = Math.max(0, Math.ceil(Math.log2(norm / 0.25)))
  const scaled = a.map((v) => v / 2 ** squarings)
  let term: M3 = new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1])
  let sum: M3 = term.slice()
  for (let n = 1; n <= 18; n++) {
    term = mul(term, scaled).map((v) => v / n)
    sum = sum.map((v, i) => v + term[i])
  }
  for (let s = 0; s < squarings; s++) sum = mul(sum, sum)
  return sum
}

function inverse3(m: M3): M3 {
  const [a, b, c, d, e, f, g, h, i] = m
  const A = e * i - f * h
  const B = -(d * i - f * g)
  const C = d * h - e * g
  const det = a * A + b * B + c * C
  return new Float64Array([
    A / det, -(b * i - c * h) / det, (b * f - c * e) / det,
    B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
    C / det, -(a * h - b * g) / det, (a * e - b * d) / det,
  ])
}

export function annualStep(p: EnergyBalanceParams): AnnualStep {
  const a = new Float64Array([
    -(p.k1 + p.k2) / p.c1, p.k2 / p.c1, 0,
    p.k2 / p.c2, -(p.k2 + p.eps * p.k3) / p.c2, (p.eps * p.k3) / p.c2,
    0, p.k3 / p.c3, -p.k3 / p.c3,
  ])
  const ad = expm3(a)
  const inv = inverse3(a)
  // bd = A^-1 (Ad - I) b with b = (1/C1, 0, 0): only the first column of (Ad - I) matters.
  const col = [(ad[0] - 1) / p.c1, ad[3] / p.c1, ad[6] / p.c1]
  const bd = [0, 1, 2].map((i) => inv[i * 3] * col[0] + inv[i * 3 + 1] * col[1] + inv[i * 3 + 2] * col[2])
  const step = new Float64Array(12)
  step.set(ad, 0)
  step.set(bd, 9)
  return step
}

/** Equilibrium climate sensitivity, K, for a doubled-CO2 forcing `f2x`. */
export function equilibriumSensitivity(p: EnergyBalanceParams, f2x: number): number {
  return f2x / p.k1
}

/**
 * Transient climate response, K: surface warming at the time CO2 doubles under a
 * 1 %/yr rise (year 70), averaged over years 61-80 as is customary.
 */
export function transientResponse(p: EnergyBalanceParams, f2x: number): number {
  const s = annualStep(p)
  let t1 = 0
  let t2 = 0
  let t3 = 0
  let sum = 0
  for (let year = 1; year <= 80; year++) {
    const f = (f2x * year * Math.log(1.01)) / Math.LN2
    const n1 = s[0] * t1 + s[1] * t2 + s[2] * t3 + s[9] * f
    const n2 = s[3] * t1 + s[4] * t2 + s[5] * t3 + s[10] * f
    const n3 = s[6] * t1 + s[7] * t2 + s[8] * t3 + s[11] * f
    t1 = n1
    t2 = n2
    t3 = n3
    if (year > 60) sum += t1
  }
  return sum / 20
}
