import { useState, type FormEvent } from 'react'
import { useApp } from '../../app/context'
import { Dialog } from '../../ui'
import { defaultRelays, defaultSignaling } from '../../sync'
import { useT } from '../../i18n'

const SIGNAL = /^wss?:\/\/[^\s/]+(\/\S*)?$/i
/** An address, the same in every language. */
const ICE_EXAMPLE = 'stun:stun.example.org:3478'
const ICE = /^(stun|turn|turns):[^\s]+$/i

/**
 * Where new convenings find each other (signaling) and, for networks that need them,
 * STUN/TURN servers. Invites carry their own signaling address; these are the
 * defaults for convenings started here.
 */
export function NetworkSettingsButton() {
  const app = useApp()
  const t = useT()
  const [open, setOpen] = useState(false)
  const [signaling, setSignaling] = useState('')
  const [relays, setRelays] = useState('')
  const [ice, setIce] = useState('')
  const [username, setUsername] = useState('')
  const [credential, setCredential] = useState('')
  const [error, setError] = useState<string | null>(null)

  function show() {
    setSignaling(app.network.signaling.join('\n'))
    setRelays(app.network.relays.join('\n'))
    setIce(app.network.iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls])).join('\n'))
    const withCredentials = app.network.iceServers.find((s) => s.username)
    setUsername(withCredentials?.username ?? '')
    setCredential(typeof withCredentials?.credential === 'string' ? withCredentials.credential : '')
    setError(null)
    setOpen(true)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    const signalUrls = lines(signaling)
    const iceUrls = lines(ice)
    const relayUrls = lines(relays)
    const badSignal = signalUrls.find((url) => !SIGNAL.test(url))
    if (badSignal) return setError(t({ id: 'home.network.badSignal', defaultMessage: '“{url}” is not a signaling address: it starts with ws:// or wss://.' }, { url: badSignal }))
    const badRelay = relayUrls.find((url) => !SIGNAL.test(url))
    if (badRelay) return setError(t({ id: 'home.network.badRelay', defaultMessage: '“{url}” is not a relay address: it starts with ws:// or wss://.' }, { url: badRelay }))
    if (relayUrls.length > 4) return setError(t({ id: 'home.network.tooManyRelays', defaultMessage: 'Up to 4 relays.' }))
    const badIce = iceUrls.find((url) => !ICE.test(url))
    if (badIce) return setError(t({ id: 'home.network.badIce', defaultMessage: '“{url}” is not a STUN or TURN address: it starts with stun:, turn: or turns:.' }, { url: badIce }))
    if (signalUrls.length > 4 || iceUrls.length > 8) return setError(t({ id: 'home.network.tooMany', defaultMessage: 'Up to 4 signaling servers and 8 STUN/TURN servers.' }))
    const iceServers = iceUrls.map((urls) =>
      /^turns?:/i.test(urls) && username ? { urls, username, credential } : { urls },
    )
    await app.saveNetwork({
      signaling: signalUrls.length > 0 ? signalUrls : defaultSignaling(),
      relays: relays.trim() === '-' ? [] : relayUrls.length > 0 ? relayUrls : defaultRelays(),
      iceServers,
    })
    setOpen(false)
  }

  return (
    <>
      <button type="button" className="button quiet" onClick={show}>
        {t({ id: 'home.network.title', defaultMessage: 'Connection settings' })}
      </button>
      <Dialog title={t({ id: 'home.network.title', defaultMessage: 'Connection settings' })} open={open} onClose={() => setOpen(false)}>
        <form className="stack" onSubmit={(event) => void submit(event)}>
          <label className="field" htmlFor="net-signaling">
            <span>{t({ id: 'home.network.signaling', defaultMessage: 'Signaling servers (one per line)' })}</span>
            <textarea id="net-signaling" rows={2} className="mono" value={signaling} onChange={(e) => setSignaling(e.target.value)} />
          </label>
          <p className="muted small">
            {t({
              id: 'home.network.signalingHelp',
              defaultMessage:
                'Used for convenings you start on this computer. A signaling server only introduces peers to each other; it never sees the convening (everything it passes on is encrypted with the invite secret).',
            })}
          </p>
          <label className="field" htmlFor="net-relays">
            <span>{t({ id: 'home.network.relays', defaultMessage: 'Relays (one per line)' })}</span>
            <textarea id="net-relays" rows={2} className="mono" value={relays} onChange={(e) => setRelays(e.target.value)} />
          </label>
          <p className="muted small">
            {t(
              {
                id: 'home.network.relaysHelp',
                defaultMessage:
                  'A relay keeps each convening and cohort you start for people who are never online at the same time, and carries a large room. It stores only what the invite secret encrypts: it cannot read it. Your organisation can run its own (<code>npx convene relay</code>); several relays that share Redis serve the same rooms. Leave empty for the default; write a single <code>-</code> for none.',
              },
              { code: (chunks) => <code>{chunks}</code> },
            )}
          </p>
          <label className="field" htmlFor="net-ice">
            <span>{t({ id: 'home.network.ice', defaultMessage: 'STUN and TURN servers (one per line, optional)' })}</span>
            <textarea id="net-ice" rows={2} className="mono" value={ice} placeholder={ICE_EXAMPLE} onChange={(e) => setIce(e.target.value)} />
          </label>
          <div className="row wrap">
            <label className="field grow" htmlFor="net-user">
              <span>{t({ id: 'home.network.turnUser', defaultMessage: 'TURN user name' })}</span>
              <input id="net-user" value={username} autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label className="field grow" htmlFor="net-credential">
              <span>{t({ id: 'home.network.turnPassword', defaultMessage: 'TURN password' })}</span>
              <input id="net-credential" type="password" value={credential} autoComplete="off" onChange={(e) => setCredential(e.target.value)} />
            </label>
          </div>
          <p className="muted small">
            {t({
              id: 'home.network.iceHelp',
              defaultMessage:
                'Without STUN or TURN, people connect on the same network only. Across the internet, most networks need a STUN server, and some need a TURN server that relays the (encrypted) traffic.',
            })}
          </p>
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          <div className="row end">
            <button type="submit" className="button primary">
              {t({ id: 'common.save', defaultMessage: 'Save' })}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  )
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
}
