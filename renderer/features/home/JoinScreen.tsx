import { useEffect, useState } from 'react'
import { parseInvite } from '../../../shared/session'
import { useApp } from '../../app/context'
import { navigate } from '../../app/router'
import { JoinForm } from './JoinForm'

/**
 * Reached from an invite link: the invite is filled in, the person adds their name.
 * The page names what they are joining: the title of the copy already on this computer,
 * else the title the invite carries (a hint from whoever made the link), else the kind.
 */
export function JoinScreen(props: { query: string }) {
  const { db } = useApp()
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
          ← All convenings
        </button>
      </header>
      <main>
        <h1 className="page-title">{title ? <>You are invited to “{title}”</> : <>You are invited to a {what}</>}</h1>
        <p className="muted">
          {title ? `A ${what}. ` : ''}Tell the others who you are, then join. Your name is kept on this computer for next time.
        </p>
        <JoinForm initialInvite={link} autoFocusName inviteFolded={invite !== null} />
      </main>
    </div>
  )
}
