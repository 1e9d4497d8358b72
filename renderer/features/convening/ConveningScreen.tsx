import { useEffect, useEffectEvent, useState } from 'react'
import { acquireSession, markOpened, releaseSession, localTimeZone, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { ConveningView } from './ConveningView'
import { VotesHost } from '../votes'
import { errorMessage } from '../../../shared/errors'
import { useT } from '../../i18n'

/** Owns the session of the convening on screen: acquired on mount, released on leave. */
export function ConveningScreen(props: { id: string }) {
  const app = useApp()
  const t = useT()
  // The name others see until this person sets one, read when the session opens (a
  // catalog arriving later does not reopen it).
  const someone = useEffectEvent(() => t({ id: 'convening.open.someone', defaultMessage: 'Someone' }))
  const { id } = props
  const [session, setSession] = useState<ConveningSession | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)

  useEffect(() => {
    let cancelled = false
    let acquired = false
    void (async () => {
      const record = await markOpened(app.db, id)
      if (cancelled) return
      if (!record) return setMissing(true)
      acquired = true
      const me = {
        id: app.identity.personId,
        name: app.identity.name || someone(),
        colour: app.identity.colour,
        role: record.role,
        timeZone: localTimeZone(),
        joinedAt: Date.now(),
      }
      const opened = await acquireSession({ db: app.db, record, me, network: app.network, signer: app.signer })
      if (!cancelled) setSession(opened)
    })().catch((failure: unknown) => {
      if (!cancelled) setProblem(errorMessage(failure))
    })
    return () => {
      cancelled = true
      if (acquired) releaseSession(id)
    }
  }, [app.db, app.identity, app.network, app.signer, id])

  if (problem || missing) {
    return (
      <main className="centered stack">
        <h1>{t({ id: 'convening.open.failed', defaultMessage: 'Could not open this convening' })}</h1>
        <p>{problem ?? t({ id: 'convening.open.notHere', defaultMessage: 'This convening is not on this computer. Join it with an invite.' })}</p>
        <button type="button" className="button primary" onClick={() => navigate({ name: 'home' })}>
          {t({ id: 'convening.open.back', defaultMessage: 'Back to all convenings' })}
        </button>
      </main>
    )
  }
  if (!session) {
    return (
      <main className="centered" aria-busy="true">
        <p>{t({ id: 'convening.open.opening', defaultMessage: 'Opening the convening…' })}</p>
      </main>
    )
  }
  // Votes start in this convening from any panel ("Vote on these"): features/votes.
  return (
    <VotesHost session={session}>
      <ConveningView session={session} />
    </VotesHost>
  )
}
