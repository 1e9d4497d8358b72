import { useState } from 'react'
import { useStore, type ConnectionState, type ConveningSession } from '../../sync'
import { plural } from '../../ui'

export function describeConnection(state: ConnectionState): { tone: 'good' | 'wait' | 'off'; summary: string } {
  if (state.signaling === 'paused') return { tone: 'off', summary: 'Working offline' }
  // A LAN without internet can still connect peers, so peers count before "offline".
  if (state.direct > 0 && state.viaRelay > 0) {
    return { tone: 'good', summary: `Live with ${plural(state.direct, 'person', 'people')} directly, ${state.viaRelay} through the relay` }
  }
  if (state.viaRelay > 0) return { tone: 'good', summary: `Live with ${plural(state.viaRelay, 'person', 'people')} through the relay` }
  if (state.direct > 0) {
    const people = plural(state.direct, 'person', 'people')
    return { tone: 'good', summary: state.relay === 'none' ? `Connected to ${people}` : `Live with ${people} directly` }
  }
  // Nobody else is online, but what this person writes waits on the relay for the others.
  if (state.relay === 'connected') return { tone: 'good', summary: 'On the relay · nobody else online now' }
  if (state.signaling === 'connected') return { tone: 'wait', summary: 'Waiting for others' }
  if (!state.online) return { tone: 'off', summary: 'Offline — your edits are saved here' }
  if (state.signaling === 'unreachable' && (state.relay === 'unreachable' || state.relay === 'none')) {
    return { tone: 'off', summary: state.relay === 'none' ? 'Cannot reach the signaling server' : 'Cannot reach the signaling server or the relay' }
  }
  return { tone: 'wait', summary: 'Connecting…' }
}

const RELAY_TEXT: Record<ConnectionState['relay'], string> = {
  none: 'none (this invite names no relay)',
  connecting: 'connecting',
  connected: 'connected',
  unreachable: 'not reachable (retrying; your edits wait here)',
  refused: 'refused this room',
  paused: 'off (working offline)',
}

/** Whether the relay has everything this person wrote, in words. */
function relayHolds(state: ConnectionState): string | null {
  if (state.relay === 'none') return null
  if (state.relay !== 'connected') return 'Your latest edits go to the relay when it is reachable again.'
  return state.relayPending > 0 ? 'Sending your latest edits to the relay…' : 'The relay has everything you wrote.'
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
      <summary className={`connection-summary tone-${tone}`} data-testid="connection-summary" title={summary}>
        <span className="dot" aria-hidden="true" />
        <span role="status" aria-live="polite">
          {summary}
        </span>
      </summary>
      <div className="connection-details stack">
        <dl className="facts">
          <dt>Signaling</dt>
          <dd data-testid="signaling-state">{signalingText}</dd>
          <dt>Relay</dt>
          <dd data-testid="relay-state">{RELAY_TEXT[state.relay]}</dd>
          <dt>People connected</dt>
          <dd data-testid="peer-count">{state.peers}</dd>
          <dt>Directly</dt>
          <dd data-testid="direct-count">{state.direct}</dd>
          <dt>Through the relay</dt>
          <dd data-testid="relay-count">{state.viaRelay}</dd>
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
        {relayHolds(state) && (
          <p className="small" data-testid="relay-holds">
            {relayHolds(state)}
          </p>
        )}
        <p className="muted small">
          Everything you do is saved on this computer as you go. When you are back online, your edits and everyone
          else&rsquo;s merge.
        </p>
      </div>
    </details>
  )
}
