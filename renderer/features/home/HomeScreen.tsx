import { ConveningList } from './ConveningList'
import { CreateForm } from './CreateForm'
import { JoinForm } from './JoinForm'
import { YouCard } from './YouCard'
import { LanguagePicker } from './LanguagePicker'
import { NetworkSettingsButton } from './NetworkSettings'
import { OpenArchive } from '../harvest'
import { CohortsSection } from '../cohort'
import { useT } from '../../i18n'

export function HomeScreen() {
  const t = useT()
  return (
    <div className="page">
      <header className="page-header">
        <span className="wordmark" aria-hidden="true">
          {t({ id: 'app.name', defaultMessage: 'Convene' })}
        </span>
        <div className="row">
          <LanguagePicker />
          <NetworkSettingsButton />
          <YouCard />
        </div>
      </header>
      <main className="home-grid">
        <h1 className="sr-only">{t({ id: 'app.name', defaultMessage: 'Convene' })}</h1>
        <div className="stack">
          <ConveningList />
          <CohortsSection />
        </div>
        <div className="stack">
          <CreateForm />
          <JoinForm />
          <OpenArchive />
        </div>
      </main>
    </div>
  )
}
