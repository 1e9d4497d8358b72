import { JoinForm } from './JoinForm'
import { navigate } from '../../app/router'

/** Reached from an invite link: the invite is filled in, the person adds their name. */
export function JoinScreen(props: { query: string }) {
  return (
    <div className="page narrow">
      <header className="page-header">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          ← All convenings
        </button>
      </header>
      <main>
        <h1 className="page-title">You are invited to a {/(^|&)kind=cohort(&|$)/.test(props.query) ? 'cohort' : 'convening'}</h1>
        <p className="muted">Tell the others who you are, then join. Your name is kept on this computer for next time.</p>
        <JoinForm initialInvite={`convene://join?${props.query}`} autoFocusName />
      </main>
    </div>
  )
}
