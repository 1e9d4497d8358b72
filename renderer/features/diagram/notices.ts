import { ValueStore } from '../../sync/store'

export interface Notice {
  id: number
  text: string
  tone: 'info' | 'error'
}

/** The one line of feedback under a toolbar (read out by screen readers), cleared after a while. */
export class Notices {
  readonly current = new ValueStore<Notice | null>(null)
  private counter = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  info(text: string): void {
    this.show(text, 'info')
  }

  error(text: string): void {
    this.show(text, 'error')
  }

  clear(): void {
    clearTimeout(this.timer)
    this.current.set(null)
  }

  destroy(): void {
    clearTimeout(this.timer)
  }

  private show(text: string, tone: Notice['tone']): void {
    clearTimeout(this.timer)
    this.current.set({ id: ++this.counter, text, tone })
    this.timer = setTimeout(() => this.current.set(null), tone === 'error' ? 9000 : 6000)
  }
}
