import { useState } from 'react'
import { useStore, type ConnectionState, type ConveningSession } from '../../sync'
import { plural } from '../../ui/format'

export function describeConnection(state: ConnectionState): { tone: 'good' | 'wait' | 'off'; summary: string } {
  if (state.signaling === 'paused') return { tone: 'off', summary: 'Working offline' }
  // A LAN without internet can still connect peers, so peers count before "offline".
  if (state.peers > 0) return { tone: 'good', summary: `Connected to ${plural(state.peers, 'person', 'people')}` }
  if (state.signaling === 'connected') return { tone: 'wait', summary: 'Waiting for others' }
  if (!state.online) return { tone: 'off', summary: 'Offline — your edits are saved here' }
  if (state.signaling === 'unreachable') return { tone: 'off', summary: 'Cannot reach the signaling server' }
  return { tone: 'wait', summary: 'Connecting…' }
}

/** This peer's connection: a summary always in view, details and "work offline" on demand. */
export function ConnectionStatus(props: { session: ConveningSession }) {
  const { session } = props
  const state = useStore(session.connection)
  const [paused, setPaused] = useState(session.isPaused)
  const { tone, summary } = describeConnection(state)
  const signalingText = {
    connected: 'connected',
    connecting: 'connecting',
    unreachable: 'not reachable (retrying)',
    paused: 'off (working offline)',
  }[state.signaling]
  return (
    <details className="connection">
      <summary className={`connection-summary tone-${tone}`} data-testid="connection-summary">
        <span className="dot" aria-hidden="true" />
        <span role="status" aria-live="polite">
          {summary}
        </span>
      </summary>
      <div className="connection-details stack">
        <dl className="facts">
          <dt>Signaling</dt>
          <dd data-testid="signaling-state">{signalingText}</dd>
          <dt>Peers connected</dt>
          <dd data-testid="peer-count">{state.peers}</dd>
          <dt>Network</dt>
          <dd>{state.online ? 'online' : 'offline'}</dd>
        </dl>
        <label className="toggle">
          <input
            type="checkbox"
            checked={paused}
            onChange={(event) => {
              session.setPaused(event.target.checked)
              setPaused(event.target.checked)
            }}
          />
          <span>Work offline</span>
        </label>
        <p className="muted small">
          Everything you do is saved on this computer as you go. When you are back online, your edits and everyone
          else&rsquo;s merge.
        </p>
      </div>
    </details>
  )
}
