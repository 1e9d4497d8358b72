import { useEffect, useEffectEvent, useState } from 'react'
import { acquireSession, localTimeZone, releaseSession, type CohortRecord, type ConveningSession } from '../../sync'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { COHORT_KIND } from './kind'
import { markCohortOpened } from './records'
import { CohortView } from './CohortView'
import { LeftCohortView } from './LeftCohortView'
import { VotesHost } from '../votes'
import { errorMessage } from '../../../shared/errors'
import { useT } from '../../i18n'
import { SOMEONE } from './hooks'

/** Owns the cohort's session while it is on screen (the same session code as a convening). */
export function CohortScreen(props: { id: string }) {
  const app = useApp()
  const t = useT()
  // The name others see until this person sets one, read when the session opens (a
  // catalog arriving later does not reopen it).
  const someone = useEffectEvent(() => t(SOMEONE))
  const { id } = props
  const [record, setRecord] = useState<CohortRecord | null>(null)
  const [session, setSession] = useState<ConveningSession | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [missing, setMissing] = useState(false)
  const [generation, setGeneration] = useState(0)

  useEffect(() => {
    let cancelled = false
    let acquired = false
    setSession(null)
    void (async () => {
      const found = await markCohortOpened(app.db, id)
      if (cancelled) return
      if (!found) return setMissing(true)
      setRecord(found)
      if (found.leftAt !== undefined) return
      acquired = true
      const me = {
        id: app.identity.personId,
        name: app.identity.name || someone(),
        colour: app.identity.colour,
        role: found.role,
        timeZone: localTimeZone(),
        joinedAt: Date.now(),
      }
      const opened = await acquireSession({ db: app.db, record: found, me, network: app.network, signer: app.signer, kind: COHORT_KIND })
      if (!cancelled) setSession(opened)
    })().catch((failure: unknown) => {
      if (!cancelled) setProblem(errorMessage(failure))
    })
    return () => {
      cancelled = true
      if (acquired) releaseSession(id)
    }
  }, [app.db, app.identity, app.network, app.signer, id, generation])

  if (problem || missing) {
    return (
      <main className="centered stack">
        <h1>{t({ id: 'cohort.screen.failed', defaultMessage: 'Could not open this cohort' })}</h1>
        <p>
          {problem ??
            t({ id: 'cohort.screen.notHere', defaultMessage: 'This cohort is not on this computer. Join it with the invite a facilitator sent you.' })}
        </p>
        <button type="button" className="button primary" onClick={() => navigate({ name: 'home' })}>
          {t({ id: 'cohort.screen.backHome', defaultMessage: 'Back home' })}
        </button>
      </main>
    )
  }
  if (record?.leftAt !== undefined && record) return <LeftCohortView record={record} />
  if (!session) {
    return (
      <main className="centered" aria-busy="true">
        <p>{t({ id: 'cohort.screen.opening', defaultMessage: 'Opening the cohort…' })}</p>
      </main>
    )
  }
  return (
    <VotesHost session={session}>
      <CohortView session={session} onLeft={() => setGeneration((g) => g + 1)} />
    </VotesHost>
  )
}
