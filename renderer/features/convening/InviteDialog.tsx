import { useState } from 'react'
import { inviteCode, inviteLink, readTitle, relayBeside, webInviteLink, type Invite } from '../../../shared/session'
import { cohortTitle } from '../../../shared/cohort'
import type { ConveningSession } from '../../sync'
import { platform } from '../../platform'
import { Dialog } from '../../ui'
import { errorMessage } from '../../../shared/errors'

interface Hosting {
  lanUrls: string[]
  webUrls: string[]
}

/** `kind="cohort"`: the same dialog for a cohort's own invite (shared/cohort). */
export function InviteButton(props: { session: ConveningSession; kind?: 'cohort' }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        Invite
      </button>
      <Dialog title={props.kind === 'cohort' ? 'Invite people to the cohort' : 'Invite people'} open={open} onClose={() => setOpen(false)} wide>
        <InviteContent session={props.session} kind={props.kind} />
      </Dialog>
    </>
  )
}

/** The title the join page shows before the first copy arrives (links only; see Invite.title). */
function titleHint(session: ConveningSession, kind?: 'cohort'): { title?: string } {
  const title = (kind === 'cohort' ? cohortTitle(session.doc) : readTitle(session.doc)).trim()
  return title ? { title } : {}
}

function InviteContent({ session, kind }: { session: ConveningSession; kind?: 'cohort' }) {
  const [hosting, setHosting] = useState<Hosting | null>(null)
  const [hostError, setHostError] = useState<string | null>(null)
  const lanHosting = hosting && hosting.lanUrls.length > 0
  const signaling = lanHosting ? hosting.lanUrls : session.signalingUrls
  // The app's network host serves a relay beside its signaling (electron/main/host), at /relay.
  const relays = lanHosting && session.relayUrls.every(isLoopback) ? hosting.lanUrls.map(relayBeside) : session.relayUrls
  const invite: Invite = { room: session.id, secret: session.secret, signaling, ...(relays.length > 0 ? { relays } : {}), ...(kind ? { kind } : {}), ...(session.founderKey ? { founder: session.founderKey } : {}), ...titleHint(session, kind) }
  const what = kind ?? 'convening'
  const browserLink =
    platform.kind === 'browser' ? webInviteLink(invite, location.href) : hosting?.webUrls.at(-1) ? webInviteLink(invite, hosting.webUrls.at(-1) ?? '') : null

  async function startHosting() {
    setHostError(null)
    try {
      const result = await platform.host?.start({ lan: true })
      if (result) setHosting({ lanUrls: result.lanUrls, webUrls: result.webUrls })
    } catch (failure) {
      setHostError(errorMessage(failure))
    }
  }

  const onlyThisComputer = platform.kind === 'desktop' && [...signaling, ...relays].every(isLoopback)

  return (
    <div className="stack">
      {onlyThisComputer && (
        <p className="banner-inline" role="note">
          This invite points at a signaling server on this computer only, which nobody else can reach. Host on the
          local network below, or set a signaling server in Connection settings on the home screen.
        </p>
      )}
      <p>
        Anyone with this invite can join and see everything in this {what}. Share it only with the people you are
        convening.
      </p>
      {browserLink && <CopyField id="invite-web" label="Link for a web browser" value={browserLink} />}
      <CopyField id="invite-link" label="Link for the Convene app" value={inviteLink(invite)} />
      <CopyField id="invite-code" label="Invite code (paste it on the Convene home screen)" value={inviteCode(invite)} />
      <p className="muted small">
        The invite carries this {what}&rsquo;s room, the signaling address ({signaling.join(', ')}) and its secret.
        The secret encrypts how peers find each other; once connected, everything travels directly between you,
        encrypted.
      </p>
      {relays.length > 0 ? (
        <p className="muted small" data-testid="invite-relay">
          It also names a relay ({relays.join(', ')}) that keeps this {what} for people who are not online at the same
          time. The relay stores only what the secret has encrypted: it cannot read a word of it, and it cannot let in
          anyone without the invite.
        </p>
      ) : (
        <p className="muted small" data-testid="invite-relay">
          This {what} has no relay: people see each other&rsquo;s work only while they are online at the same time.
        </p>
      )}
      {platform.host && (
        <section className="stack subtle-box" aria-labelledby="host-heading">
          <h3 id="host-heading">Host on this computer</h3>
          <p className="muted small">
            Let people on the same network find each other through this computer, with no server elsewhere. They can
            also open Convene in a web browser from here.
          </p>
          {hosting ? (
            <p role="status">Hosting. Browser guests on your network can open {hosting.webUrls.slice(1).join(' or ') || hosting.webUrls[0]}.</p>
          ) : (
            <button type="button" className="button" onClick={() => void startHosting()}>
              Host on this computer (local network)
            </button>
          )}
          {hostError && (
            <p className="error" role="alert">
              {hostError}
            </p>
          )}
        </section>
      )}
    </div>
  )
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || host.startsWith('127.')
  } catch {
    return false
  }
}

function CopyField(props: { id: string; label: string; value: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <div className="row">
        <input id={props.id} className="grow mono" value={props.value} readOnly onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="button"
          aria-label={`Copy ${props.label.toLowerCase()}`}
          onClick={() => {
            void platform.copyText(props.value).then((ok) => {
              setCopied(ok ? 'yes' : 'failed')
              setTimeout(() => setCopied(null), 2500)
            })
          }}
        >
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copied === 'failed' && (
        <span className="error small" role="alert">
          Copying was refused here: select the text and copy it yourself.
        </span>
      )}
    </div>
  )
}
