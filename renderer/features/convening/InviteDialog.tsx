import { useState } from 'react'
import { inviteCode, inviteLink, readTitle, relayBeside, webInviteLink, type Invite } from '../../../shared/session'
import { cohortTitle } from '../../../shared/cohort'
import type { ConveningSession } from '../../sync'
import { platform } from '../../platform'
import { Dialog } from '../../ui'
import { errorMessage } from '../../../shared/errors'
import type { Message } from '../../../shared/i18n'
import { useIntl, useT } from '../../i18n'

interface Hosting {
  lanUrls: string[]
  webUrls: string[]
}

/** `kind="cohort"`: the same dialog for a cohort's own invite (shared/cohort). */
export function InviteButton(props: { session: ConveningSession; kind?: 'cohort' }) {
  const [open, setOpen] = useState(false)
  const t = useT()
  return (
    <>
      <button type="button" className="button primary" onClick={() => setOpen(true)}>
        {t({ id: 'convening.invite.button', defaultMessage: 'Invite' })}
      </button>
      <Dialog
        title={
          props.kind === 'cohort'
            ? t({ id: 'convening.invite.titleCohort', defaultMessage: 'Invite people to the cohort' })
            : t({ id: 'convening.invite.title', defaultMessage: 'Invite people' })
        }
        open={open}
        onClose={() => setOpen(false)}
        wide
      >
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

/** The three ways to pass an invite on: what each field is called, and its copy button (whose English has always been lower case). */
const FIELDS = {
  web: {
    label: { id: 'convening.invite.web', defaultMessage: 'Link for a web browser' },
    copy: { id: 'convening.invite.copyWeb', defaultMessage: 'Copy link for a web browser' },
  },
  app: {
    label: { id: 'convening.invite.app', defaultMessage: 'Link for the Convene app' },
    copy: { id: 'convening.invite.copyApp', defaultMessage: 'Copy link for the convene app' },
  },
  code: {
    label: { id: 'convening.invite.code', defaultMessage: 'Invite code (paste it on the Convene home screen)' },
    copy: { id: 'convening.invite.copyCode', defaultMessage: 'Copy invite code (paste it on the convene home screen)' },
  },
} as const

function InviteContent({ session, kind }: { session: ConveningSession; kind?: 'cohort' }) {
  const t = useT()
  const intl = useIntl()
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
          {t({
            id: 'convening.invite.onlyHere',
            defaultMessage:
              'This invite points at a signaling server on this computer only, which nobody else can reach. Host on the local network below, or set a signaling server in Connection settings on the home screen.',
          })}
        </p>
      )}
      <p>
        {t(
          {
            id: 'convening.invite.anyone',
            defaultMessage:
              'Anyone with this invite can join and see everything in this {what, select, cohort {cohort} other {convening}}. Share it only with the people you are convening.',
          },
          { what },
        )}
      </p>
      {browserLink && <CopyField id="invite-web" field={FIELDS.web} value={browserLink} />}
      <CopyField id="invite-link" field={FIELDS.app} value={inviteLink(invite)} />
      <CopyField id="invite-code" field={FIELDS.code} value={inviteCode(invite)} />
      <p className="muted small">
        {t(
          {
            id: 'convening.invite.carries',
            defaultMessage:
              'The invite carries this {what, select, cohort {cohort’s} other {convening’s}} room, the signaling address ({addresses}) and its secret. The secret encrypts how peers find each other; once connected, everything travels directly between you, encrypted.',
          },
          { what, addresses: signaling.join(', ') },
        )}
      </p>
      {relays.length > 0 ? (
        <p className="muted small" data-testid="invite-relay">
          {t(
            {
              id: 'convening.invite.relay',
              defaultMessage:
                'It also names a relay ({addresses}) that keeps this {what, select, cohort {cohort} other {convening}} for people who are not online at the same time. The relay stores only what the secret has encrypted: it cannot read a word of it, and it cannot let in anyone without the invite.',
            },
            { what, addresses: relays.join(', ') },
          )}
        </p>
      ) : (
        <p className="muted small" data-testid="invite-relay">
          {t(
            {
              id: 'convening.invite.noRelay',
              defaultMessage:
                'This {what, select, cohort {cohort} other {convening}} has no relay: people see each other’s work only while they are online at the same time.',
            },
            { what },
          )}
        </p>
      )}
      {platform.host && (
        <section className="stack subtle-box" aria-labelledby="host-heading">
          <h3 id="host-heading">{t({ id: 'convening.invite.host.title', defaultMessage: 'Host on this computer' })}</h3>
          <p className="muted small">
            {t({
              id: 'convening.invite.host.explain',
              defaultMessage:
                'Let people on the same network find each other through this computer, with no server elsewhere. They can also open Convene in a web browser from here.',
            })}
          </p>
          {hosting ? (
            <p role="status">
              {t(
                { id: 'convening.invite.host.hosting', defaultMessage: 'Hosting. Browser guests on your network can open {addresses}.' },
                { addresses: hosting.webUrls.length > 1 ? intl.formatList(hosting.webUrls.slice(1), { type: 'disjunction' }) : (hosting.webUrls[0] ?? '') },
              )}
            </p>
          ) : (
            <button type="button" className="button" onClick={() => void startHosting()}>
              {t({ id: 'convening.invite.host.start', defaultMessage: 'Host on this computer (local network)' })}
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

function CopyField(props: { id: string; field: { label: Message; copy: Message }; value: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const t = useT()
  return (
    <div className="field">
      <label htmlFor={props.id}>{t(props.field.label)}</label>
      <div className="row">
        <input id={props.id} className="grow mono" value={props.value} readOnly onFocus={(event) => event.target.select()} />
        <button
          type="button"
          className="button"
          aria-label={t(props.field.copy)}
          onClick={() => {
            void platform.copyText(props.value).then((ok) => {
              setCopied(ok ? 'yes' : 'failed')
              setTimeout(() => setCopied(null), 2500)
            })
          }}
        >
          {copied === 'yes' ? t({ id: 'convening.invite.copied', defaultMessage: 'Copied' }) : t({ id: 'convening.invite.copy', defaultMessage: 'Copy' })}
        </button>
      </div>
      {copied === 'failed' && (
        <span className="error small" role="alert">
          {t({ id: 'convening.invite.copyRefused', defaultMessage: 'Copying was refused here: select the text and copy it yourself.' })}
        </span>
      )}
    </div>
  )
}
