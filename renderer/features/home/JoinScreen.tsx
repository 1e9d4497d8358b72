import { useEffect, useState } from 'react'
import { parseInvite } from '../../../shared/session'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { JoinForm } from './JoinForm'
import { useT } from '../../i18n'

/**
 * Reached from an invite link: the invite is filled in, the person adds their name.
 * The page names what they are joining: the title of the copy already on this computer,
 * else the title the invite carries (a hint from whoever made the link), else the kind.
 */
export function JoinScreen(props: { query: string }) {
  const { db } = useApp()
  const t = useT()
  const link = `convene://join?${props.query}`
  const parsed = parseInvite(link)
  const invite = parsed.ok ? parsed.invite : null
  const what = invite?.kind === 'cohort' ? 'cohort' : 'convening'
  const [known, setKnown] = useState<string | null>(null)
  const room = invite?.room ?? null
  useEffect(() => {
    if (!room) return
    let live = true
    void (what === 'cohort' ? db.cohorts : db.convenings).get(room).then((record) => {
      if (live && record?.title) setKnown(record.title)
    })
    return () => {
      live = false
    }
  }, [db, room, what])
  const title = known ?? invite?.title ?? null
  return (
    <div className="page narrow">
      <header className="page-header">
        <button type="button" className="link-button" onClick={() => navigate({ name: 'home' })}>
          {t({ id: 'home.join.back', defaultMessage: '← All convenings' })}
        </button>
      </header>
      <main>
        <h1 className="page-title">
          {title
            ? t({ id: 'home.join.invitedTo', defaultMessage: 'You are invited to “{title}”' }, { title })
            : t({ id: 'home.join.invitedToKind', defaultMessage: 'You are invited to a {kind, select, cohort {cohort} other {convening}}' }, { kind: what })}
        </h1>
        <p className="muted">
          {title
            ? t(
                { id: 'home.join.introTitled', defaultMessage: 'A {kind, select, cohort {cohort} other {convening}}. Tell the others who you are, then join. Your name is kept on this computer for next time.' },
                { kind: what },
              )
            : t({ id: 'home.join.intro', defaultMessage: 'Tell the others who you are, then join. Your name is kept on this computer for next time.' })}
        </p>
        <JoinForm initialInvite={link} autoFocusName inviteFolded={invite !== null} />
      </main>
    </div>
  )
}
