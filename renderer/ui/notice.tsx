import { useEffect, useState, type FormEvent } from 'react'
import { ValueStore, useStore } from '../sync'
import { useRefusal, useT, type Refusal } from '../i18n'
import type { Said } from '../../shared/result'

/**
 * The app's one way to answer an action: a refusal ("Write the message first.") or news
 * that it worked, read out politely by screen readers and cleared after a while.
 *
 * A `Notices` holds the message now showing; a component owns one through `useNotice()`
 * and shows it with `<Notice>` beside its form, and code outside React (the diagram
 * studio's actions) owns one directly and shows it with `<NoticeLine>` under a toolbar.
 */
export type NoticeTone = 'info' | 'problem'

export interface NoticeValue {
  /** The English, or words already in the person's language. */
  text: string
  tone: NoticeTone
  /** When shared/ refused with a message: said in the person's language at render. */
  said?: Said
}

/** A notice with its own number, so the same words said twice are announced twice. */
export interface ShownNotice extends NoticeValue {
  id: number
}

/** How long each kind of notice stays, in ms. */
export interface NoticeTimes {
  info: number
  problem: number
}

/** Under a toolbar: news goes sooner, a problem stays long enough to read twice. */
export const LINE_TIMES: NoticeTimes = { info: 6000, problem: 9000 }
/** Beside a form: both stay eight seconds. */
export const FORM_TIMES: NoticeTimes = { info: 8000, problem: 8000 }

/** A write helper's answer, as far as a notice cares. */
export type Answer = { ok: true } | { ok: false; message: string; said?: Said }

export class Notices {
  readonly current = new ValueStore<ShownNotice | null>(null)
  private counter = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(private readonly times: NoticeTimes = LINE_TIMES) {}

  /** Something that went wrong or needs care (shown as a problem). */
  say = (text: Refusal): void => this.show(text, 'problem')

  /** Something that went as asked (shown calmly). */
  tell = (text: Refusal): void => this.show(text, 'info')

  /** Takes a write helper's answer: a refusal is said, success clears the notice. True when it worked. */
  run = (result: Answer): boolean => {
    if (result.ok) {
      this.clear()
      return true
    }
    this.say(result)
    return false
  }

  clear = (): void => {
    clearTimeout(this.timer)
    this.current.set(null)
  }

  destroy(): void {
    clearTimeout(this.timer)
  }

  private show(what: Refusal, tone: NoticeTone): void {
    clearTimeout(this.timer)
    const shown: ShownNotice = typeof what === 'string' ? { id: ++this.counter, text: what, tone } : { id: ++this.counter, text: what.message, tone }
    // `said` is read by name: a refusal keeps it off its enumerable fields (shared/result.ts).
    if (typeof what !== 'string' && what.said) shown.said = what.said
    this.current.set(shown)
    this.timer = setTimeout(() => this.current.set(null), this.times[tone])
  }
}

const NO_NOTICE: NoticeValue = { text: '', tone: 'info' }

/** A component's own notice: what it shows now, and the ways to change it. */
export function useNotice(): {
  notice: NoticeValue
  run: (result: Answer) => boolean
  /** Something that went wrong or needs care (shown as a problem). */
  say: (text: Refusal) => void
  /** Something that went as asked (shown calmly). */
  tell: (text: Refusal) => void
} {
  const [notices] = useState(() => new Notices(FORM_TIMES))
  useEffect(() => () => notices.destroy(), [notices])
  const notice = useStore(notices.current) ?? NO_NOTICE
  return { notice, run: notices.run, say: notices.say, tell: notices.tell }
}

/** A notice's words in the person's language: shared/'s refusals are translated here, at render. */
function spoken(refusal: (r: Refusal) => string, notice: NoticeValue): string {
  return notice.said ? refusal({ message: notice.text, said: notice.said }) : refusal(notice.text)
}

/** The notice beside a form, announced politely; takes no room while there is none. */
export function Notice(props: { text: NoticeValue | string }) {
  const refusal = useRefusal()
  const notice: NoticeValue = typeof props.text === 'string' ? { text: props.text, tone: 'problem' } : props.text
  return (
    <p className={`cv-notice cv-notice-${notice.tone}`} role="status" aria-live="polite">
      {spoken(refusal, notice)}
    </p>
  )
}

/** The one line of feedback under a studio's toolbar, with a way to dismiss it; screen readers hear each new message. */
export function NoticeLine({ notices }: { notices: Notices }) {
  const notice = useStore(notices.current)
  const t = useT()
  const refusal = useRefusal()
  return (
    <div className="dg-notice-line" role="status" aria-live="polite" data-testid="diagram-notice">
      {notice && (
        <p key={notice.id} className={notice.tone === 'problem' ? 'dg-notice dg-notice-error' : 'dg-notice'}>
          {spoken(refusal, notice)}
          <button type="button" className="dg-notice-close" aria-label={t({ id: 'diagram.notice.dismiss', defaultMessage: 'Dismiss message' })} onClick={() => notices.clear()}>
            ×
          </button>
        </p>
      )}
    </div>
  )
}

/** A form's submit handler that stays on the page and runs `action`. */
export function submitted(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault()
    action()
  }
}
