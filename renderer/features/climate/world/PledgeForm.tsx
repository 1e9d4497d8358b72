import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type uPlot from 'uplot'
import { FIRST_PLEDGE_YEAR, LAST_PLEDGE_YEAR, checkPledges, runWorldClimate, savePledge } from '../../../../shared/climate'
import type { Bloc, BlocSet, PledgeInput, SavedPledge } from '../../../../shared/climate'
import { ChartFigure } from '../charts/ChartFigure'
import { COLOURS, axes, line } from '../charts/palette'
import { useClimate } from '../context'
import { fixed } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'

type Draft = Record<'peakYear' | 'reductionStartYear' | 'reductionRate' | 'deforestationCut' | 'afforestation' | 'fundAmount', string> & {
  fund: 'none' | 'contribute' | 'request'
}

function toDraft(pledge: PledgeInput | undefined): Draft {
  const fund = pledge?.climateFund ?? 0
  return {
    peakYear: pledge?.peakYear?.toString() ?? '',
    reductionStartYear: pledge?.reductionStartYear?.toString() ?? '',
    reductionRate: String(pledge?.reductionRate ?? 0),
    deforestationCut: String(pledge?.deforestationCut ?? 0),
    afforestation: String(pledge?.afforestation ?? 0),
    fund: fund > 0 ? 'contribute' : fund < 0 ? 'request' : 'none',
    fundAmount: String(Math.abs(fund)),
  }
}

/** Empty means "no commitment" for years and 0 for amounts; anything else goes to the checker as typed. */
function toPledge(draft: Draft): Record<string, unknown> {
  const year = (text: string): number | null => (text.trim() === '' ? null : Number(text))
  const amount = (text: string): number => (text.trim() === '' ? 0 : Number(text))
  const fund = draft.fund === 'none' ? 0 : amount(draft.fundAmount) * (draft.fund === 'request' ? -1 : 1)
  return {
    peakYear: year(draft.peakYear), reductionStartYear: year(draft.reductionStartYear), reductionRate: amount(draft.reductionRate),
    deforestationCut: amount(draft.deforestationCut), afforestation: amount(draft.afforestation), climateFund: fund,
  }
}

const FIELDS: { key: keyof Draft & keyof PledgeInput; label: string; unit: string; help: string; min: number; max: number; step: number }[] = [
  { key: 'peakYear', label: 'Year fossil CO2 stops growing', unit: 'year', help: 'Leave empty for no commitment.', min: FIRST_PLEDGE_YEAR, max: LAST_PLEDGE_YEAR, step: 1 },
  { key: 'reductionStartYear', label: 'Year reductions start', unit: 'year', help: 'Not before emissions stop growing. Empty: no reductions.', min: FIRST_PLEDGE_YEAR, max: LAST_PLEDGE_YEAR, step: 1 },
  { key: 'reductionRate', label: 'Yearly reduction', unit: '% per year', help: 'Compounding: 3 % a year halves emissions in about 23 years.', min: 0, max: 100, step: 0.5 },
  { key: 'deforestationCut', label: 'Deforestation stopped', unit: '%', help: 'Share of forest clearing stopped, phased in by 2035.', min: 0, max: 100, step: 5 },
  { key: 'afforestation', label: 'New forests planted', unit: '% of potential', help: 'Share of the delegation’s land suitable for new forest.', min: 0, max: 100, step: 5 },
]

/** A delegation's pledge: checked as it is typed (each problem beside its field), saved on submit. */
export function PledgeForm(props: { bloc: Bloc; blocSet: BlocSet; saved: SavedPledge | undefined; savedByName: string | null }) {
  const { bloc, blocSet, saved } = props
  const { session, readOnly } = useClimate()
  const [draft, setDraft] = useState<Draft>(() => toDraft(saved?.pledge))
  const [dirty, setDirty] = useState(false)
  const [status, setStatus] = useState('')
  // Another member of the delegation saved: show their pledge unless I am in the middle of mine.
  useEffect(() => {
    if (!dirty) setDraft(toDraft(saved?.pledge))
  }, [saved, dirty])

  const input = toPledge(draft)
  const { issues } = checkPledges({ [bloc.id]: input }, blocSet)
  const problems: Record<string, string> = {}
  for (const issue of issues) {
    const field = issue.field?.split('.')[1] ?? 'form'
    problems[field] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1)
  }
  const valid = issues.length === 0
  const key = JSON.stringify(input)
  const preview = useMemo(() => {
    if (!valid) return null
    const result = runWorldClimate({ [bloc.id]: JSON.parse(key) as PledgeInput }, { blocs: blocSet })
    return result.blocs.find((b) => b.id === bloc.id) ?? null
  }, [valid, key, bloc.id, blocSet])
  const previewOptions = useMemo(() => ({
    axes: axes('GtCO2 per year', 0), scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(5, Math.ceil(max / 5) * 5)] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, line('Baseline', COLOURS.baseline, 2, [8, 6]), line('Pledge', COLOURS.scenario, 3.5)],
  }), [])
  const previewData = useMemo((): uPlot.AlignedData | null => {
    if (!preview) return null
    return [Float64Array.from(preview.fossilCo2, (_, k) => 2024 + k), preview.baselineFossilCo2, preview.fossilCo2]
  }, [preview])

  const change = (patch: Partial<Draft>): void => {
    setDraft((d) => ({ ...d, ...patch }))
    setDirty(true)
    setStatus('')
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const result = savePledge(session.doc, bloc.id, input, { by: session.me.id }, CLIMATE_ORIGIN)
    if (result.ok) {
      setDirty(false)
      setStatus(`Pledge saved for ${bloc.name}. The facilitator runs the round when every delegation is ready.`)
    } else setStatus(result.message)
  }
  const at = (series: Float64Array, year: number): string => fixed(series[year - 2024], 1)

  return (
    <form className="pledge-form" aria-label={`Pledge of ${bloc.name}`} onSubmit={submit} noValidate>
      <p className="bloc-facts">
        {fixed(bloc.population, 2)} billion people · {Math.round(bloc.gdpShare * 100)} % of world income ·{' '}
        {Math.round(bloc.share.co2Fossil * 100)} % of world fossil CO2 today and {Math.round(bloc.share.co2FossilCumulative * 100)} % of all since 1850
        {preview && <> · {fixed(preview.fossilPerPerson2024, 1)} t CO2 per person a year</>}
      </p>
      <div className="pledge-fields">
        {FIELDS.map((f) => (
          <div key={f.key} className="field">
            <label htmlFor={`pledge-${f.key}`}>{f.label} <span className="muted small">({f.unit})</span></label>
            <input
              id={`pledge-${f.key}`}
              type="number"
              inputMode="decimal"
              min={f.min}
              max={f.max}
              step={f.step}
              value={draft[f.key]}
              disabled={readOnly}
              aria-invalid={problems[f.key] ? true : undefined}
              aria-describedby={`pledge-${f.key}-help${problems[f.key] ? ` pledge-${f.key}-problem` : ''}`}
              onChange={(event) => change({ [f.key]: event.target.value })}
            />
            <p id={`pledge-${f.key}-help`} className="small muted">{f.help}</p>
            {problems[f.key] && <p id={`pledge-${f.key}-problem`} className="field-problem small">{problems[f.key]}</p>}
          </div>
        ))}
        <fieldset className="field">
          <legend>Climate fund <span className="muted small">($ billion per year)</span></legend>
          <div className="row">
            <select aria-label="Climate fund: contribute or request" value={draft.fund} disabled={readOnly} onChange={(event) => change({ fund: event.target.value as Draft['fund'] })}>
              <option value="none">Neither</option>
              <option value="contribute">Contributes</option>
              <option value="request">Requests</option>
            </select>
            <input
              type="number"
              aria-label="Climate fund amount, $ billion per year"
              min={0}
              step={10}
              value={draft.fundAmount}
              disabled={readOnly || draft.fund === 'none'}
              aria-invalid={problems.climateFund ? true : undefined}
              onChange={(event) => change({ fundAmount: event.target.value })}
            />
          </div>
          {problems.climateFund && <p className="field-problem small">{problems.climateFund}</p>}
        </fieldset>
      </div>
      {problems.form && <p className="field-problem">{problems.form}</p>}
      {preview && previewData && (
        <ChartFigure
          title={`Fossil CO2 of ${bloc.name}`}
          options={previewOptions}
          data={previewData}
          legend={[{ label: 'With this pledge', colour: COLOURS.scenario, kind: 'line' }, { label: 'Baseline', colour: COLOURS.baseline, kind: 'dash' }]}
          summary={`With this pledge: ${at(preview.fossilCo2, 2030)} Gt in 2030, ${at(preview.fossilCo2, 2050)} in 2050 and ${at(preview.fossilCo2, 2100)} in 2100 (baseline ${at(preview.baselineFossilCo2, 2100)} in 2100).`}
          table={() => ({
            columns: ['Year', 'With this pledge, Gt', 'Baseline, Gt'],
            rows: [2024, 2030, 2040, 2050, 2060, 2070, 2080, 2090, 2100].map((y) => [String(y), at(preview.fossilCo2, y), at(preview.baselineFossilCo2, y)]),
          })}
          readout={(year) => [
            { label: 'With this pledge', value: `${at(preview.fossilCo2, year)} Gt`, colour: COLOURS.scenario },
            { label: 'Baseline', value: `${at(preview.baselineFossilCo2, year)} Gt`, colour: COLOURS.baseline },
          ]}
          height={180}
        />
      )}
      <div className="row wrap">
        <button type="submit" className="button primary" disabled={readOnly || !valid}>Save the pledge</button>
        <p className="small muted">
          {saved ? `Saved pledge: ${props.savedByName ?? 'someone'} saved it${dirty ? '; you have changes not saved yet' : ''}.` : 'No pledge saved yet.'}
        </p>
      </div>
      <p role="status" className="small">{status}</p>
    </form>
  )
}
