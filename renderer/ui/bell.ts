/**
 * A soft bell made with the Web Audio API: two sine partials (a fundamental and the
 * bowl-like partial at 2.76×) with a gentle attack and a long decay. No audio files.
 * Browsers let a page make sound only after the person has interacted with it, so the
 * audio context is created (or resumed) on the first click or key press in the panel.
 */
let context: AudioContext | null = null

function audio(): AudioContext | null {
  if (context) return context
  const Ctor = typeof window !== 'undefined' ? window.AudioContext : undefined
  if (!Ctor) return null
  try {
    context = new Ctor()
  } catch {
    context = null
  }
  return context
}

/** Call from a person's gesture so later bells may sound. */
export function unlockAudio(): void {
  const ctx = audio()
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
}

export type BellKind = 'start' | 'end'

export function ringBell(kind: BellKind): void {
  const ctx = audio()
  if (!ctx || ctx.state !== 'running') return
  const base = kind === 'start' ? 432 : 324
  const t0 = ctx.currentTime + 0.02
  const master = ctx.createGain()
  master.gain.value = 0.9
  master.connect(ctx.destination)
  for (const [ratio, level, decay] of [[1, 0.22, 3.2], [2.76, 0.07, 1.6], [5.4, 0.025, 0.8]] as const) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = base * ratio
    gain.gain.setValueAtTime(0.0001, t0)
    gain.gain.exponentialRampToValueAtTime(level, t0 + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + decay)
    osc.connect(gain)
    gain.connect(master)
    osc.start(t0)
    osc.stop(t0 + decay + 0.05)
  }
}
