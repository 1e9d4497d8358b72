import { useT } from '../../../i18n'
import { useLocalDebrief } from '../localContent'

/** Questions to close the negotiation with (resources/climate/debrief.json), in the person's language where they are translated. */
export function Debrief() {
  const t = useT()
  const debrief = useLocalDebrief()
  return (
    <section className="world-debrief stack" aria-labelledby="debrief-heading">
      <h3 id="debrief-heading">{t({ id: 'climate.debrief.heading', defaultMessage: 'Debrief' })}</h3>
      <p className="muted">
        {t({
          id: 'climate.debrief.intro',
          defaultMessage: 'Take your time with these; a facilitator picks the ones that fit the group. Write what comes up in the shared notes.',
        })}
      </p>
      <div className="debrief-groups">
        {debrief.groups.map((group, g) => (
          <section key={g} className="debrief-group" aria-label={group.title}>
            <h4>{group.title}</h4>
            <ol>
              {group.questions.map((q, i) => <li key={i}>{q}</li>)}
            </ol>
          </section>
        ))}
      </div>
    </section>
  )
}
