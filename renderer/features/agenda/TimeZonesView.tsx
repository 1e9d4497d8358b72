import { useState } from 'react'
import {
  HOUR_BANDS,
  bandCounts,
  formatDayTime,
  hoursOfDay,
  howItFalls,
  parseLocalDateTime,
  readSchedule,
  setSchedule,
  toLocalDateTimeInput,
  zoneCity,
  zonedToUtc,
  type HourBand,
} from '../../../shared/facilitation'
import { peopleMap, readPeople } from '../../../shared/session'
import { sameRecords, useY, type ConveningSession } from '../../sync'
import { runTypes } from '../facilitation'
import { Notice, submitted, useNotice } from '../../ui'

const BAND_ORDER: HourBand[] = ['normal', 'early', 'late', 'night']
const BAND_PHRASE: Record<HourBand, string> = { normal: 'in usual hours', early: 'early', late: 'late', night: 'at night' }

/**
 * The convening's start time in everyone's own time, and a helper to find a time:
 * how a proposed time falls for each person (early, usual hours, late, night), and
 * each hour of that day at a glance.
 */
export function TimeZonesView(props: { session: ConveningSession; readOnly: boolean }) {
  const { session, readOnly } = props
  const doc = session.doc
  const zone = session.me.timeZone
  const schedule = useY(runTypes(doc), () => readSchedule(doc), Object.is)
  const people = useY(peopleMap(doc), () => readPeople(doc).map((p) => ({ id: p.id, name: p.name, timeZone: p.timeZone })), sameRecords)
  const [proposed, setProposed] = useState(() => toLocalDateTimeInput(schedule ?? nextHour(session.clock.now()), zone))
  const { notice, run, say, tell } = useNotice()
  const parsed = parseLocalDateTime(proposed)
  const at = parsed ? zonedToUtc(parsed, zone) : null

  const useAsStart = (): void => {
    if (at === null) return say('Pick a date and a time first.')
    if (run(setSchedule(doc, session.me.id, at))) tell(`The start time is now ${formatDayTime(at, zone)} your time.`)
  }

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="ag-start-heading">
        <h3 id="ag-start-heading">Start time</h3>
        {schedule !== null ? (
          <>
            <p data-testid="ag-start-time">
              Starts <strong>{formatDayTime(schedule, zone)}</strong> your time ({zoneCity(zone)}).
            </p>
            <FallsTable at={schedule} people={people} zone={zone} caption="The start time where each person is" />
            {!readOnly && (
              <div>
                <button type="button" className="button quiet" onClick={() => run(setSchedule(doc, session.me.id, null))}>
                  Clear the start time
                </button>
              </div>
            )}
          </>
        ) : (
          <p className="muted">No start time set yet.{readOnly ? '' : ' Find one below and use it as the start time.'}</p>
        )}
      </section>
      <section className="stack" aria-labelledby="ag-find-heading">
        <h3 id="ag-find-heading">Find a time</h3>
        <form className="row wrap" aria-label="Try a time" onSubmit={submitted(useAsStart)}>
          <label className="field" htmlFor="ag-proposed">
            <span>A time in your zone ({zoneCity(zone)})</span>
            <input id="ag-proposed" type="datetime-local" value={proposed} onChange={(e) => setProposed(e.target.value)} />
          </label>
          {!readOnly && (
            <button type="submit" className="button">
              Use as the start time
            </button>
          )}
        </form>
        <Notice text={notice} />
        {at !== null && people.length > 0 && (
          <>
            <HourStrip day={parsed!} zone={zone} people={people} selected={at} onPick={(t) => setProposed(toLocalDateTimeInput(t, zone))} />
            <FallsTable at={at} people={people} zone={zone} caption="How this time falls for each person" />
          </>
        )}
      </section>
    </div>
  )
}

function nextHour(now: number): number {
  return Math.ceil(now / 3_600_000) * 3_600_000
}

function FallsTable(props: { at: number; people: readonly { id: string; name: string; timeZone: string }[]; zone: string; caption: string }) {
  const rows = howItFalls(props.at, props.people, props.zone)
  const counts = bandCounts(rows)
  return (
    <div className="stack">
      <p className="muted small" data-testid="ag-fit-summary">
        {BAND_ORDER.filter((b) => counts[b] > 0)
          .map((b) => `${counts[b]} ${BAND_PHRASE[b]}`)
          .join(', ')}
      </p>
      <table className="ag-zones">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Their time</th>
            <th scope="col">Day</th>
            <th scope="col">For them</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <th scope="row">{r.name}</th>
              <td>
                {r.clock} <span className="muted small">{zoneCity(r.timeZone)}, {r.offset}</span>
              </td>
              <td>
                {r.day}
                {r.dayShift !== 0 && <span className="muted small"> ({r.dayShift > 0 ? 'the next day' : 'the day before'})</span>}
              </td>
              <td>
                <span className={`ag-band ag-band-${r.band}`}>{HOUR_BANDS[r.band].label}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Each hour of the day: how many people it suits; pick one to try it. */
function HourStrip(props: { day: { year: number; month: number; day: number }; zone: string; people: readonly { id: string; name: string; timeZone: string }[]; selected: number; onPick: (at: number) => void }) {
  const hours = hoursOfDay(props.day, props.zone, props.people)
  const total = props.people.length
  return (
    <div className="ag-hours" role="group" aria-label="Hours of that day, by how many people they suit">
      {hours.map((h) => {
        const good = h.counts.normal
        const share = total > 0 ? good / total : 0
        const tone = share === 1 ? 'all' : share >= 0.5 ? 'most' : h.counts.night > 0 ? 'night' : 'some'
        return (
          <button
            key={h.at}
            type="button"
            className={`ag-hour ag-hour-${tone}${h.at === props.selected ? ' is-on' : ''}`}
            aria-pressed={h.at === props.selected}
            aria-label={`${h.label}: ${good} of ${total} in usual hours${h.counts.night ? `, ${h.counts.night} at night` : ''}`}
            title={`${h.label}: ${good} of ${total} in usual hours`}
            onClick={() => props.onPick(h.at)}
          >
            {h.label.slice(0, 2)}
          </button>
        )
      })}
    </div>
  )
}
