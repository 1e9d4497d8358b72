import { analyseRound, readEarlierRounds, removeEarlierRounds } from '../../../../shared/climate'
import { sameJson, useY } from '../../../sync'
import { useIntl, useT } from '../../../i18n'
import { climateTypes, useClimate } from '../context'
import { degrees, measure, shortRange } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'

/** Rounds another group played, brought in from a cohort to set beside this room's. */
export function EarlierGroups(props: { amFacilitator: boolean }) {
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const earlier = useY(climateTypes(session.doc), () => readEarlierRounds(session.doc), sameJson)
  if (earlier.length === 0) return null
  return (
    <section className="world-rounds stack" aria-labelledby="earlier-heading">
      <h3 id="earlier-heading">{t({ id: 'climate.earlier.heading', defaultMessage: 'Other groups’ rounds' })}</h3>
      <p className="small muted">{t({ id: 'climate.earlier.intro', defaultMessage: 'Brought in from a cohort, for comparison: they are not this convening’s rounds.' })}</p>
      <div className="table-scroll">
        <table className="climate-table">
          <caption className="sr-only">{t({ id: 'climate.earlier.caption', defaultMessage: 'Rounds other groups played' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'climate.earlier.columnRound', defaultMessage: 'Group and round' })}</th>
              <th scope="col">{t({ id: 'climate.column.warmingLikely', defaultMessage: 'Warming in 2100 (likely)' })}</th>
              <th scope="col">{t({ id: 'climate.fact.co2In2100', defaultMessage: 'CO2 in 2100' })}</th>
              <th scope="col">{t({ id: 'climate.column.seaLevel', defaultMessage: 'Sea-level rise' })}</th>
              {props.amFacilitator && <th scope="col"><span className="sr-only">{t({ id: 'common.remove', defaultMessage: 'Remove' })}</span></th>}
            </tr>
          </thead>
          {earlier.map((set) => (
            <tbody key={set.id}>
              {set.rounds.map((round, i) => {
                const o = analyseRound(round)
                return (
                  <tr key={round.number}>
                    <th scope="row">{t({ id: 'climate.rounds.otherGroupRound', defaultMessage: '{group}, round {number}' }, { group: set.name, number: round.number })}</th>
                    <td className="num">
                      <strong>{degrees(o.warming2100, intl)}</strong> <span className="muted small">{shortRange(o.warming2100Low, o.warming2100High, intl)}</span>
                    </td>
                    <td className="num">{measure('ppm', o.co2Ppm2100, 0, intl)}</td>
                    <td className="num">{measure('cm', o.seaLevel2100 * 100, 0, intl)}</td>
                    {props.amFacilitator && (
                      <td>
                        {i === 0 && (
                          <button
                            type="button"
                            className="button quiet danger-text"
                            disabled={readOnly}
                            onClick={() => removeEarlierRounds(session.doc, set.id, { by: session.me.id }, CLIMATE_ORIGIN)}
                            aria-label={t({ id: 'climate.earlier.removeLabel', defaultMessage: 'Remove the rounds of “{name}”' }, { name: set.name })}
                          >
                            {t({ id: 'common.remove', defaultMessage: 'Remove' })}
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
