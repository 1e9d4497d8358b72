import { analyseRound, readEarlierRounds, removeEarlierRounds } from '../../../../shared/climate'
import { sameJson, useY } from '../../../sync'
import { climateTypes, useClimate } from '../context'
import { degrees, fixed } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'

/** Rounds another group played, brought in from a cohort to set beside this room's. */
export function EarlierGroups(props: { amFacilitator: boolean }) {
  const { session, readOnly } = useClimate()
  const earlier = useY(climateTypes(session.doc), () => readEarlierRounds(session.doc), sameJson)
  if (earlier.length === 0) return null
  return (
    <section className="world-rounds stack" aria-labelledby="earlier-heading">
      <h3 id="earlier-heading">Other groups’ rounds</h3>
      <p className="small muted">Brought in from a cohort, for comparison: they are not this convening’s rounds.</p>
      <div className="table-scroll">
        <table className="climate-table">
          <caption className="sr-only">Rounds other groups played</caption>
          <thead>
            <tr>
              <th scope="col">Group and round</th><th scope="col">Warming in 2100 (likely)</th><th scope="col">CO2 in 2100</th><th scope="col">Sea-level rise</th>
              {props.amFacilitator && <th scope="col"><span className="sr-only">Remove</span></th>}
            </tr>
          </thead>
          {earlier.map((set) => (
            <tbody key={set.id}>
              {set.rounds.map((round, i) => {
                const o = analyseRound(round)
                return (
                  <tr key={round.number}>
                    <th scope="row">{set.name}, round {round.number}</th>
                    <td className="num"><strong>{degrees(o.warming2100)}</strong> <span className="muted small">({fixed(o.warming2100Low, 1)}–{fixed(o.warming2100High, 1)})</span></td>
                    <td className="num">{fixed(o.co2Ppm2100, 0)} ppm</td>
                    <td className="num">{fixed(o.seaLevel2100 * 100, 0)} cm</td>
                    {props.amFacilitator && (
                      <td>
                        {i === 0 && (
                          <button type="button" className="button quiet danger-text" disabled={readOnly} onClick={() => removeEarlierRounds(session.doc, set.id, { by: session.me.id }, CLIMATE_ORIGIN)} aria-label={`Remove the rounds of “${set.name}”`}>
                            Remove
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                )
              })}
            </tbody>
          ))}
        </table>
      </div>
    </section>
  )
}
