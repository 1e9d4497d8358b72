import { useState } from 'react'
import type { Message } from '../../../shared/i18n'
import { useStore, type ConnectionState, type ConveningSession } from '../../sync'
import { useT } from '../../i18n'

type T = ReturnType<typeof useT>

export function describeConnection(state: ConnectionState, t: T): { tone: 'good' | 'wait' | 'off'; summary: string } {
  if (state.signaling === 'paused') return { tone: 'off', summary: t({ id: 'convening.connection.paused', defaultMessage: 'Working offline' }) }
  // A LAN without internet can still connect peers, so peers count before "offline".
  if (state.direct > 0 && state.viaRelay > 0) {
    return {
      tone: 'good',
      summary: t(
        { id: 'convening.connection.liveBoth', defaultMessage: 'Live with {direct, plural, one {# person} other {# people}} directly, {viaRelay} through the relay' },
        { direct: state.direct, viaRelay: state.viaRelay },
      ),
    }
  }
  if (state.viaRelay > 0) {
    return {
      tone: 'good',
      summary: t({ id: 'convening.connection.liveRelay', defaultMessage: 'Live with {count, plural, one {# person} other {# people}} through the relay' }, { count: state.viaRelay }),
    }
  }
  if (state.direct > 0) {
    const count = state.direct
    return {
      tone: 'good',
      summary:
        state.relay === 'none'
          ? t({ id: 'convening.connection.connected', defaultMessage: 'Connected to {count, plural, one {# person} other {# people}}' }, { count })
          : t({ id: 'convening.connection.liveDirect', defaultMessage: 'Live with {count, plural, one {# person} other {# people}} directly' }, { count }),
    }
  }
  // Nobody else is online, but what this person writes waits on the relay for the others.
  if (state.relay === 'connected') return { tone: 'good', summary: t({ id: 'convening.connection.onRelay', defaultMessage: 'On the relay · nobody else online now' }) }
  if (state.signaling === 'connected') return { tone: 'wait', summary: t({ id: 'convening.connection.waiting', defaultMessage: 'Waiting for others' }) }
  if (!state.online) return { tone: 'off', summary: t({ id: 'convening.connection.offline', defaultMessage: 'Offline — your edits are saved here' }) }
  if (state.signaling === 'unreachable' && (state.relay === 'unreachable' || state.relay === 'none')) {
    return {
      tone: 'off',
      summary:
        state.relay === 'none'
          ? t({ id: 'convening.connection.noSignaling', defaultMessage: 'Cannot reach the signaling server' })
          : t({ id: 'convening.connection.noSignalingOrRelay', defaultMessage: 'Cannot reach the signaling server or the relay' }),
    }
  }
  return { tone: 'wait', summary: t({ id: 'convening.connection.connecting', defaultMessage: 'Connecting…' }) }
}

const RELAY_TEXT: Record<ConnectionState['relay'], Message> = {
  none: { id: 'convening.connection.relay.none', defaultMessage: 'none (this invite names no relay)' },
  connecting: { id: 'convening.connection.state.connecting', defaultMessage: 'connecting' },
  connected: { id: 'convening.connection.state.connected', defaultMessage: 'connected' },
  unreachable: { id: 'convening.connection.relay.unreachable', defaultMessage: 'not reachable (retrying; your edits wait here)' },
  refused: { id: 'convening.connection.relay.refused', defaultMessage: 'refused this room' },
  paused: { id: 'convening.connection.state.paused', defaultMessage: 'off (working offline)' },
}

const SIGNALING_TEXT: Record<ConnectionState['signaling'], Message> = {
  connected: RELAY_TEXT.connected,
  connecting: RELAY_TEXT.connecting,
  unreachable: { id: 'convening.connection.signaling.unreachable', defaultMessage: 'not reachable (retrying)' },
  paused: RELAY_TEXT.paused,
}

/** Whether the relay has everything this person wrote, in words. */
function relayHolds(state: ConnectionState): Message | null {
  if (state.relay === 'none') return null
  if (state.relay !== 'connected') return { id: 'convening.connection.relayLater', defaultMessage: 'Your latest edits go to the relay when it is reachable again.' }
  return state.relayPending > 0
    ? { id: 'convening.connection.relaySending', defaultMessage: 'Sending your latest edits to the relay…' }
    : { id: 'convening.connection.relayHasAll', defaultMessage: 'The relay has everything you wrote.' }
}

/** This peer's connection: a summary always in view, details and "work offline" on demand. */
export function ConnectionStatus(props: { session: ConveningSession }) {
  const { session } = props
  const state = useStore(session.connection)
  const [paused, setPaused] = useState(session.isPaused)
  const t = useT()
  const { tone, summary } = describeConnection(state, t)
  const holds = relayHolds(state)
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
          <dt>{t({ id: 'convening.connection.signaling', defaultMessage: 'Signaling' })}</dt>
          <dd data-testid="signaling-state">{t(SIGNALING_TEXT[state.signaling])}</dd>
          <dt>{t({ id: 'convening.connection.relay', defaultMessage: 'Relay' })}</dt>
          <dd data-testid="relay-state">{t(RELAY_TEXT[state.relay])}</dd>
          <dt>{t({ id: 'convening.connection.peers', defaultMessage: 'People connected' })}</dt>
          <dd data-testid="peer-count">{state.peers}</dd>
          <dt>{t({ id: 'convening.connection.direct', defaultMessage: 'Directly' })}</dt>
          <dd data-testid="direct-count">{state.direct}</dd>
          <dt>{t({ id: 'convening.connection.viaRelay', defaultMessage: 'Through the relay' })}</dt>
          <dd data-testid="relay-count">{state.viaRelay}</dd>
          <dt>{t({ id: 'convening.connection.network', defaultMessage: 'Network' })}</dt>
          <dd>{state.online ? t({ id: 'convening.connection.online', defaultMessage: 'online' }) : t({ id: 'convening.connection.networkOffline', defaultMessage: 'offline' })}</dd>
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
          <span>{t({ id: 'convening.connection.workOffline', defaultMessage: 'Work offline' })}</span>
        </label>
        {holds && (
          <p className="small" data-testid="relay-holds">
            {t(holds)}
          </p>
        )}
        <p className="muted small">
          {t({
            id: 'convening.connection.savedHere',
            defaultMessage: 'Everything you do is saved on this computer as you go. When you are back online, your edits and everyone else’s merge.',
          })}
        </p>
      </div>
    </details>
  )
}
