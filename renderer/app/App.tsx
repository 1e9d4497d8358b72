import { useCallback, useEffect, useMemo, useState } from 'react'
import type { Signer } from '../../shared/session'
import { database, type ConveneDB, loadIdentity, loadNetwork, loadSigner, saveIdentity, saveNetwork, type Identity, type NetworkSettings } from '../sync'
import { platform } from '../platform'
import { parseInvite } from '../../shared/session'
import { AppContext, type AppServices } from './context'
import { navigate, useRoute } from './router'
import { HomeScreen, JoinScreen } from '../features/home'
import { ConveningScreen } from '../features/convening'
import { CohortScreen } from '../features/cohort'
import { errorMessage } from '../../shared/errors'
import { I18nProvider, loadLocaleChoice, resolveChoice, saveLocaleChoice, systemLocale, useT, type LocaleChoice } from '../i18n'

export function App() {
  const db = useMemo(() => database(), [])
  const [choice, setChoice] = useState<LocaleChoice | null>(null)
  useEffect(() => {
    loadLocaleChoice(db).then(setChoice, () => setChoice('system'))
  }, [db])
  const chooseLocale = useCallback(
    async (next: LocaleChoice) => {
      await saveLocaleChoice(db, next)
      setChoice(next)
    },
    [db],
  )
  return (
    <I18nProvider locale={choice === null ? systemLocale() : resolveChoice(choice)}>
      <Services db={db} locale={choice ?? 'system'} chooseLocale={chooseLocale} />
    </I18nProvider>
  )
}

function Services({ db, locale, chooseLocale }: { db: ConveneDB; locale: LocaleChoice; chooseLocale: (next: LocaleChoice) => Promise<void> }) {
  const t = useT()
  const [identity, setIdentity] = useState<Identity | null>(null)
  const [network, setNetwork] = useState<NetworkSettings | null>(null)
  const [signer, setSigner] = useState<Signer | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const route = useRoute()

  useEffect(() => {
    Promise.all([loadIdentity(db), loadNetwork(db)]).then(
      async ([loadedIdentity, loadedNetwork]) => {
        setSigner(await loadSigner(db, loadedIdentity.personId))
        setIdentity(loadedIdentity)
        setNetwork(loadedNetwork)
      },
      (error: unknown) => setFailure(errorMessage(error)),
    )
  }, [db])

  // Invite links opened by the operating system (desktop only).
  useEffect(
    () =>
      platform.onInviteLink((url) => {
        const parsed = parseInvite(url)
        if (parsed.ok) navigate({ name: 'join', query: url.replace(/^convene:\/*join\/?\??/i, '') })
      }),
    [],
  )

  const save = useCallback(
    async (next: Identity) => {
      setIdentity(await saveIdentity(db, next))
    },
    [db],
  )

  const storeNetwork = useCallback(
    async (next: NetworkSettings) => {
      await saveNetwork(db, next)
      setNetwork(await loadNetwork(db))
    },
    [db],
  )

  if (failure) {
    return (
      <main className="centered">
        <h1>{t({ id: 'app.storageFailed.title', defaultMessage: 'Convene could not open its local storage' })}</h1>
        <p>{failure}</p>
        <p>
          {t({
            id: 'app.storageFailed.why',
            defaultMessage: "Convene keeps everything on this computer in the browser's storage (IndexedDB). Private windows and some settings turn it off.",
          })}
        </p>
      </main>
    )
  }
  if (!identity || !network || !signer) {
    return (
      <main className="centered" aria-busy="true">
        <p>{t({ id: 'app.opening', defaultMessage: 'Opening Convene…' })}</p>
      </main>
    )
  }
  const services: AppServices = { db, identity, signer, saveIdentity: save, network, saveNetwork: storeNetwork, locale, chooseLocale }
  return (
    <AppContext.Provider value={services}>
      {route.name === 'home' && <HomeScreen />}
      {route.name === 'join' && <JoinScreen query={route.query} />}
      {route.name === 'convening' && <ConveningScreen key={route.id} id={route.id} />}
      {route.name === 'cohort' && <CohortScreen key={route.id} id={route.id} />}
    </AppContext.Provider>
  )
}
