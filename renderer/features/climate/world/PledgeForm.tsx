import { useEffect, useMemo, useState, type FormEvent } from 'react'
import type uPlot from 'uplot'
import { FIRST_PLEDGE_YEAR, LAST_PLEDGE_YEAR, checkPledges, runWorldClimate, savePledge } from '../../../../shared/climate'
import type { Bloc, BlocSet, PledgeInput, SavedPledge } from '../../../../shared/climate'
import type { Message } from '../../../../shared/i18n'
import { useIntl, useT, useRefusal } from '../../../i18n'
import { ChartFigure } from '../charts/ChartFigure'
import { COLOURS, axes, line } from '../charts/palette'
import { useClimate } from '../context'
import { fixed, measure, percent } from '../format'
import { CLIMATE_ORIGIN } from '../liveScenario'
import { blocName } from '../names'

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

const UNIT_YEAR = { id: 'climate.pledge.unitYear', defaultMessage: '(year)' }

const FIELDS: { key: keyof Draft & keyof PledgeInput; label: Message; unit: Message; help: Message; min: number; max: number; step: number }[] = [
  {
    key: 'peakYear',
    label: { id: 'climate.pledge.peakYear', defaultMessage: 'Year fossil CO2 stops growing' },
    unit: UNIT_YEAR,
    help: { id: 'climate.pledge.peakYearHelp', defaultMessage: 'Leave empty for no commitment.' },
    min: FIRST_PLEDGE_YEAR, max: LAST_PLEDGE_YEAR, step: 1,
  },
  {
    key: 'reductionStartYear',
    label: { id: 'climate.pledge.reductionStartYear', defaultMessage: 'Year reductions start' },
    unit: UNIT_YEAR,
    help: { id: 'climate.pledge.reductionStartYearHelp', defaultMessage: 'Not before emissions stop growing. Empty: no reductions.' },
    min: FIRST_PLEDGE_YEAR, max: LAST_PLEDGE_YEAR, step: 1,
  },
  {
    key: 'reductionRate',
    label: { id: 'climate.pledge.reductionRate', defaultMessage: 'Yearly reduction' },
    unit: { id: 'climate.pledge.unitPercentPerYear', defaultMessage: '(% per year)' },
    help: { id: 'climate.pledge.reductionRateHelp', defaultMessage: 'Compounding: 3 % a year halves emissions in about 23 years.' },
    min: 0, max: 100, step: 0.5,
  },
  {
    key: 'deforestationCut',
    label: { id: 'climate.pledge.deforestationCut', defaultMessage: 'Deforestation stopped' },
    unit: { id: 'climate.pledge.unitPercent', defaultMessage: '(%)' },
    help: { id: 'climate.pledge.deforestationCutHelp', defaultMessage: 'Share of forest clearing stopped, phased in by 2035.' },
    min: 0, max: 100, step: 5,
  },
  {
    key: 'afforestation',
    label: { id: 'climate.pledge.afforestation', defaultMessage: 'New forests planted' },
    unit: { id: 'climate.pledge.unitPercentOfPotential', defaultMessage: '(% of potential)' },
    help: { id: 'climate.pledge.afforestationHelp', defaultMessage: 'Share of the delegation’s land suitable for new forest.' },
    min: 0, max: 100, step: 5,
  },
]

const WITH_PLEDGE = { id: 'climate.pledge.withPledge', defaultMessage: 'With this pledge' }
const BASELINE = { id: 'climate.chart.baseline', defaultMessage: 'Baseline' }

/** A delegation's pledge: checked as it is typed (each problem beside its field), saved on submit. */
export function PledgeForm(props: { bloc: Bloc; blocSet: BlocSet; saved: SavedPledge | undefined; savedByName: string | null }) {
  const { bloc, blocSet, saved } = props
  const { session, readOnly } = useClimate()
  const t = useT()
  const intl = useIntl()
  const refusal = useRefusal()
  const name = blocName(intl, bloc)
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
  const savedBy = props.savedByName ?? t({ id: 'climate.pledge.someone', defaultMessage: 'someone' })
  const key = JSON.stringify(input)
  const preview = useMemo(() => {
    if (!valid) return null
    const result = runWorldClimate({ [bloc.id]: JSON.parse(key) as PledgeInput }, { blocs: blocSet })
    return result.blocs.find((b) => b.id === bloc.id) ?? null
  }, [valid, key, bloc.id, blocSet])
  const previewOptions = useMemo(() => ({
    axes: axes(intl.formatMessage({ id: 'climate.chart.gtPerYear', defaultMessage: 'GtCO2 per year' }), 0, intl),
    scales: { x: { time: false }, y: { range: (_u: unknown, _min: number, max: number): [number, number] => [0, Math.max(5, Math.ceil(max / 5) * 5)] } },
    legend: { show: false }, padding: [12, 28, 0, 0] as [number, number, number, number],
    series: [{}, line(intl.formatMessage(BASELINE), COLOURS.baseline, 2, [8, 6]), line(intl.formatMessage({ id: 'climate.pledge.series', defaultMessage: 'Pledge' }), COLOURS.scenario, 3.5)],
  }), [intl])
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
      setStatus(t({ id: 'climate.pledge.saved', defaultMessage: 'Pledge saved for {bloc}. The facilitator runs the round when every delegation is ready.' }, { bloc: name }))
    } else setStatus(refusal(result))
  }
  const at = (series: Float64Array, year: number): string => fixed(series[year - 2024], 1, intl)
  const facts = [
    t({ id: 'climate.pledge.factPeople', defaultMessage: '{count} billion people' }, { count: fixed(bloc.population, 2, intl) }),
    t({ id: 'climate.pledge.factIncome', defaultMessage: '{share} of world income' }, { share: percent(bloc.gdpShare, intl) }),
    t(
      { id: 'climate.pledge.factCo2', defaultMessage: '{today} of world fossil CO2 today and {cumulative} of all since 1850' },
      { today: percent(bloc.share.co2Fossil, intl), cumulative: percent(bloc.share.co2FossilCumulative, intl) },
    ),
    ...(preview ? [t({ id: 'climate.pledge.factPerPerson', defaultMessage: '{tonnes} t CO2 per person a year' }, { tonnes: fixed(preview.fossilPerPerson2024, 1, intl) })] : []),
  ]

  return (
    <form className="pledge-form" aria-label={t({ id: 'climate.pledge.label', defaultMessage: 'Pledge of {bloc}' }, { bloc: name })} onSubmit={submit} noValidate>
      <p className="bloc-facts">{facts.join(' · ')}</p>
      <div className="pledge-fields">
        {FIELDS.map((f) => (
          <div key={f.key} className="field">
            <label htmlFor={`pledge-${f.key}`}>{t(f.label)} <span className="muted small">{t(f.unit)}</span></label>
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
            <p id={`pledge-${f.key}-help`} className="small muted">{t(f.help)}</p>
            {problems[f.key] && <p id={`pledge-${f.key}-problem`} className="field-problem small">{problems[f.key]}</p>}
          </div>
        ))}
        <fieldset className="field">
          <legend>
            {t({ id: 'climate.pledge.fund', defaultMessage: 'Climate fund' })}{' '}
            <span className="muted small">{t({ id: 'climate.pledge.fundUnit', defaultMessage: '($ billion per year)' })}</span>
          </legend>
          <div className="row">
            <select
              aria-label={t({ id: 'climate.pledge.fundDirection', defaultMessage: 'Climate fund: contribute or request' })}
              value={draft.fund}
              disabled={readOnly}
              onChange={(event) => change({ fund: event.target.value as Draft['fund'] })}
            >
              <option value="none">{t({ id: 'climate.pledge.fundNeither', defaultMessage: 'Neither' })}</option>
              <option value="contribute">{t({ id: 'climate.pledge.fundContributes', defaultMessage: 'Contributes' })}</option>
              <option value="request">{t({ id: 'climate.pledge.fundRequests', defaultMessage: 'Requests' })}</option>
            </select>
            <input
              type="number"
              aria-label={t({ id: 'climate.pledge.fundAmount', defaultMessage: 'Climate fund amount, $ billion per year' })}
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
          title={t({ id: 'climate.pledge.chartTitle', defaultMessage: 'Fossil CO2 of {bloc}' }, { bloc: name })}
          options={previewOptions}
          data={previewData}
          legend={[{ label: t(WITH_PLEDGE), colour: COLOURS.scenario, kind: 'line' }, { label: t(BASELINE), colour: COLOURS.baseline, kind: 'dash' }]}
          summary={t(
            {
              id: 'climate.pledge.chartSummary',
              defaultMessage: 'With this pledge: {y2030} Gt in 2030, {y2050} in 2050 and {y2100} in 2100 (baseline {baseline} in 2100).',
            },
            { y2030: at(preview.fossilCo2, 2030), y2050: at(preview.fossilCo2, 2050), y2100: at(preview.fossilCo2, 2100), baseline: at(preview.baselineFossilCo2, 2100) },
          )}
          table={() => ({
            columns: [
              t({ id: 'climate.chart.year', defaultMessage: 'Year' }),
              t({ id: 'climate.pledge.columnPledge', defaultMessage: 'With this pledge, Gt' }),
              t({ id: 'climate.pledge.columnBaseline', defaultMessage: 'Baseline, Gt' }),
            ],
            rows: [2024, 2030, 2040, 2050, 2060, 2070, 2080, 2090, 2100].map((y) => [String(y), at(preview.fossilCo2, y), at(preview.baselineFossilCo2, y)]),
          })}
          readout={(year) => [
            { label: t(WITH_PLEDGE), value: measure('gt', preview.fossilCo2[year - 2024], 1, intl), colour: COLOURS.scenario },
            { label: t(BASELINE), value: measure('gt', preview.baselineFossilCo2[year - 2024], 1, intl), colour: COLOURS.baseline },
          ]}
          height={180}
        />
      )}
      <div className="row wrap">
        <button type="submit" className="button primary" disabled={readOnly || !valid}>{t({ id: 'climate.pledge.save', defaultMessage: 'Save the pledge' })}</button>
        <p className="small muted">
          {!saved
            ? t({ id: 'climate.pledge.notSaved', defaultMessage: 'No pledge saved yet.' })
            : dirty
              ? t({ id: 'climate.pledge.savedByChanged', defaultMessage: 'Saved pledge: {name} saved it; you have changes not saved yet.' }, { name: savedBy })
              : t({ id: 'climate.pledge.savedBy', defaultMessage: 'Saved pledge: {name} saved it.' }, { name: savedBy })}
        </p>
      </div>
      <p role="status" className="small">{status}</p>
    </form>
  )
}
