import { DEBRIEF } from '../../../../shared/climate'

/** Questions to close the negotiation with (resources/climate/debrief.json). */
export function Debrief() {
  return (
    <section className="world-debrief stack" aria-labelledby="debrief-heading">
      <h3 id="debrief-heading">Debrief</h3>
      <p className="muted">Take your time with these; a facilitator picks the ones that fit the group. Write what comes up in the shared notes.</p>
      <div className="debrief-groups">
        {DEBRIEF.groups.map((group) => (
          <section key={group.title} className="debrief-group" aria-label={group.title}>
            <h4>{group.title}</h4>
            <ol>
              {group.questions.map((q) => <li key={q}>{q}</li>)}
            </ol>
          </section>
        ))}
      </div>
    </section>
  )
}
