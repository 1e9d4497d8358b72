import { ConveningList } from './ConveningList'
import { CreateForm } from './CreateForm'
import { JoinForm } from './JoinForm'
import { YouCard } from './YouCard'
import { NetworkSettingsButton } from './NetworkSettings'

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
        <ConveningList />
        <div className="stack">
          <CreateForm />
          <JoinForm />
        </div>
      </main>
    </div>
  )
}
