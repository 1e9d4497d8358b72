import { ConveningList } from './ConveningList'
import { CreateForm } from './CreateForm'
import { JoinForm } from './JoinForm'
import { YouCard } from './YouCard'
import { NetworkSettingsButton } from './NetworkSettings'
import { OpenArchive } from '../harvest'
import { CohortsSection } from '../cohort'

export function HomeScreen() {
  return (
    <div className="page">
      <header className="page-header">
        <span className="wordmark" aria-hidden="true">
          Convene
        </span>
        <div className="row">
          <NetworkSettingsButton />
          <YouCard />
        </div>
      </header>
      <main className="home-grid">
        <h1 className="sr-only">Convene</h1>
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
