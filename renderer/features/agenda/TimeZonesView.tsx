import { useState } from 'react'
import {
  bandCounts,
  hoursOfDay,
  howItFalls,
  parseLocalDateTime,
  readSchedule,
  setSchedule,
  toLocalDateTimeInput,
  zonedToUtc,
  type HourBand,
} from '../../../shared/facilitation'
import { peopleMap, readPeople } from '../../../shared/session'
import { sameRecords, useY, type ConveningSession } from '../../sync'
import { runTypes } from '../facilitation'
import { Notice, submitted, useNotice } from '../../ui'
import { useIntl, useT } from '../../i18n'
import type { Message } from '../../../shared/i18n'
import { BAND, clock, day, dayTime, hourDigits, offset, zoneCity, zonePlace } from './format'

const BAND_ORDER: HourBand[] = ['normal', 'early', 'late', 'night']
const BAND_COUNT: Record<HourBand, Message> = {
  normal: { id: 'agenda.zones.count.normal', defaultMessage: '{count} in usual hours' },
  early: { id: 'agenda.zones.count.early', defaultMessage: '{count} early' },
  late: { id: 'agenda.zones.count.late', defaultMessage: '{count} late' },
  night: { id: 'agenda.zones.count.night', defaultMessage: '{count} at night' },
}

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
  const t = useT()
  const intl = useIntl()
  const parsed = parseLocalDateTime(proposed)
  const at = parsed ? zonedToUtc(parsed, zone) : null

  const useAsStart = (): void => {
    if (at === null) return say(t({ id: 'agenda.zones.pickFirst', defaultMessage: 'Pick a date and a time first.' }))
    if (run(setSchedule(doc, session.me.id, at))) tell(t({ id: 'agenda.zones.startSet', defaultMessage: 'The start time is now {time} your time.' }, { time: dayTime(intl, at, zone) }))
  }

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="ag-start-heading">
        <h3 id="ag-start-heading">{t({ id: 'agenda.zones.startHeading', defaultMessage: 'Start time' })}</h3>
        {schedule !== null ? (
          <>
            <p data-testid="ag-start-time">
              {t(
                { id: 'agenda.zones.starts', defaultMessage: 'Starts <strong>{time}</strong> your time ({zone}).' },
                { time: dayTime(intl, schedule, zone), zone: zonePlace(t, intl, schedule, zone), strong: (chunks) => <strong>{chunks}</strong> },
              )}
            </p>
            <FallsTable at={schedule} people={people} zone={zone} caption={t({ id: 'agenda.zones.startCaption', defaultMessage: 'The start time where each person is' })} />
            {!readOnly && (
              <div>
                <button type="button" className="button quiet" onClick={() => run(setSchedule(doc, session.me.id, null))}>
                  {t({ id: 'agenda.zones.clear', defaultMessage: 'Clear the start time' })}
                </button>
              </div>
            )}
          </>
        ) : (
          <p className="muted">
            {readOnly
              ? t({ id: 'agenda.zones.noStart', defaultMessage: 'No start time set yet.' })
              : t({ id: 'agenda.zones.noStartFind', defaultMessage: 'No start time set yet. Find one below and use it as the start time.' })}
          </p>
        )}
      </section>
      <section className="stack" aria-labelledby="ag-find-heading">
        <h3 id="ag-find-heading">{t({ id: 'agenda.zones.findHeading', defaultMessage: 'Find a time' })}</h3>
        <form className="row wrap" aria-label={t({ id: 'agenda.zones.try', defaultMessage: 'Try a time' })} onSubmit={submitted(useAsStart)}>
          <label className="field" htmlFor="ag-proposed">
            <span>{t({ id: 'agenda.zones.proposed', defaultMessage: 'A time in your zone ({zone})' }, { zone: zonePlace(t, intl, at ?? session.clock.now(), zone) })}</span>
            <input id="ag-proposed" type="datetime-local" value={proposed} onChange={(e) => setProposed(e.target.value)} />
          </label>
          {!readOnly && (
            <button type="submit" className="button">
              {t({ id: 'agenda.zones.use', defaultMessage: 'Use as the start time' })}
            </button>
          )}
        </form>
        <Notice text={notice} />
        {at !== null && people.length > 0 && (
          <>
            <HourStrip day={parsed!} zone={zone} people={people} selected={at} onPick={(time) => setProposed(toLocalDateTimeInput(time, zone))} />
            <FallsTable at={at} people={people} zone={zone} caption={t({ id: 'agenda.zones.fallsCaption', defaultMessage: 'How this time falls for each person' })} />
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
  const t = useT()
  const intl = useIntl()
  const rows = howItFalls(props.at, props.people, props.zone)
  const counts = bandCounts(rows)
  return (
    <div className="stack">
      <p className="muted small" data-testid="ag-fit-summary">
        {intl.formatList(
          BAND_ORDER.filter((b) => counts[b] > 0).map((b) => t(BAND_COUNT[b], { count: counts[b] })),
          { type: 'unit', style: 'short' },
        )}
      </p>
      <table className="ag-zones">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ id: 'agenda.zones.person', defaultMessage: 'Person' })}</th>
            <th scope="col">{t({ id: 'agenda.zones.theirTime', defaultMessage: 'Their time' })}</th>
            <th scope="col">{t({ id: 'agenda.zones.day', defaultMessage: 'Day' })}</th>
            <th scope="col">{t({ id: 'agenda.zones.forThem', defaultMessage: 'For them' })}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.personId}>
              <th scope="row">{r.name}</th>
              <td>
                {clock(intl, props.at, r.timeZone)}{' '}
                <span className="muted small">{t({ id: 'agenda.zones.place', defaultMessage: '{city}, {zone}' }, { city: zoneCity(r.timeZone), zone: offset(intl, props.at, r.timeZone) })}</span>
              </td>
              <td>
                {day(intl, props.at, r.timeZone)}
                {r.dayShift !== 0 && (
                  <span className="muted small">
                    {' '}
                    {r.dayShift > 0
                      ? t({ id: 'agenda.zones.nextDay', defaultMessage: '(the next day)' })
                      : t({ id: 'agenda.zones.dayBefore', defaultMessage: '(the day before)' })}
                  </span>
                )}
              </td>
              <td>
                <span className={`ag-band ag-band-${r.band}`}>{t(BAND[r.band])}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The hour's colour class: it suits all, most, or some, or it is night for someone. */
function toneOf(good: number, total: number, night: number): string {
  const share = total > 0 ? good / total : 0
  return share === 1 ? 'all' : share >= 0.5 ? 'most' : night > 0 ? 'night' : 'some'
}

/** Each hour of the day: how many people it suits; pick one to try it. */
function HourStrip(props: { day: { year: number; month: number; day: number }; zone: string; people: readonly { id: string; name: string; timeZone: string }[]; selected: number; onPick: (at: number) => void }) {
  const t = useT()
  const intl = useIntl()
  const hours = hoursOfDay(props.day, props.zone, props.people)
  const total = props.people.length
  return (
    <div className="ag-hours" role="group" aria-label={t({ id: 'agenda.zones.hours', defaultMessage: 'Hours of that day, by how many people they suit' })}>
      {hours.map((h) => {
        const good = h.counts.normal
        const tone = toneOf(good, total, h.counts.night)
        const values = { time: clock(intl, h.at, props.zone), good, total, night: h.counts.night }
        const fits = t({ id: 'agenda.zones.hourFits', defaultMessage: '{time}: {good} of {total} in usual hours' }, values)
        return (
          <button
            key={h.at}
            type="button"
            className={`ag-hour ag-hour-${tone}${h.at === props.selected ? ' is-on' : ''}`}
            aria-pressed={h.at === props.selected}
            aria-label={h.counts.night ? t({ id: 'agenda.zones.hourFitsNight', defaultMessage: '{time}: {good} of {total} in usual hours, {night} at night' }, values) : fits}
            title={fits}
            onClick={() => props.onPick(h.at)}
          >
            {hourDigits(intl, h.at, props.zone)}
          </button>
        )
      })}
    </div>
  )
}
