import { useMemo, useState } from 'react'
import { assignRandom, groupSizes, openBreakout, type BreakoutMode } from '../../../shared/facilitation'
import { PANELS, canFacilitate, readTitle, type Panel } from '../../../shared/session'
import { usePresentPeople, type ConveningSession } from '../../sync'
import type { Message } from '../../../shared/i18n'
import { Notice, submitted, useNotice } from '../../ui'
import { useIntl, useT } from '../../i18n'

const MODES: { id: BreakoutMode; label: Message; about: Message }[] = [
  {
    id: 'random',
    label: { id: 'agenda.setup.mode.random', defaultMessage: 'At random' },
    about: { id: 'agenda.setup.mode.randomAbout', defaultMessage: 'Convene shuffles the people here into groups of the size you choose.' },
  },
  {
    id: 'hand',
    label: { id: 'agenda.setup.mode.hand', defaultMessage: 'By hand' },
    about: { id: 'agenda.setup.mode.handAbout', defaultMessage: 'You put each person in a group.' },
  },
  {
    id: 'choice',
    label: { id: 'agenda.setup.mode.choice', defaultMessage: 'By choice' },
    about: { id: 'agenda.setup.mode.choiceAbout', defaultMessage: 'Each person picks a group with room for them.' },
  },
]

const PANEL_NAMES: Record<Panel, Message> = {
  notes: { id: 'agenda.panel.notes', defaultMessage: 'Notes' },
  diagram: { id: 'agenda.panel.diagram', defaultMessage: 'Diagrams' },
  conversation: { id: 'agenda.panel.conversation', defaultMessage: 'Conversation' },
  climate: { id: 'agenda.panel.climate', defaultMessage: 'Climate' },
  harvest: { id: 'agenda.panel.harvest', defaultMessage: 'Harvest' },
  agenda: { id: 'agenda.panel.agenda', defaultMessage: 'Agenda' },
}

/** Setting up breakouts: who, how many per group, how they are formed, the prompt, where everyone comes back to. */
export function BreakoutSetup(props: { session: ConveningSession }) {
  const { session } = props
  const doc = session.doc
  const present = usePresentPeople(session)
  const [mode, setMode] = useState<BreakoutMode>('random')
  const [size, setSize] = useState(3)
  const [groupCount, setGroupCount] = useState(2)
  const [withFacilitators, setWithFacilitators] = useState(false)
  const [prompt, setPrompt] = useState('')
  const [withDiagrams, setWithDiagrams] = useState(true)
  const [returnTo, setReturnTo] = useState<Panel>('diagram')
  const [autoPlace, setAutoPlace] = useState(true)
  const [seed, setSeed] = useState(() => Math.floor(Math.random() * 2 ** 31))
  const [byHand, setByHand] = useState<Record<string, number>>({})
  const { notice, run } = useNotice()
  const t = useT()

  const people = present.filter((p) => withFacilitators || !canFacilitate(doc, p.id))
  const ids = people.map((p) => p.id)
  const names = Object.fromEntries(present.map((p) => [p.id, p.name]))
  const idsKey = ids.join(' ')
  const random = useMemo(() => assignRandom(idsKey ? idsKey.split(' ') : [], { size }, seed), [idsKey, size, seed])
  const count = mode === 'random' ? random.length : mode === 'hand' ? Math.max(1, groupCount) : Math.max(1, groupSizes(ids.length, { size }).length)

  const groups = Array.from({ length: count }, (_, i) => ({
    // Written into the convening as the group's name, in the language of the facilitator who opens them.
    name: t({ id: 'agenda.setup.groupName', defaultMessage: 'Group {number}' }, { number: i + 1 }),
    prompt,
    members: mode === 'random' ? random[i] ?? [] : mode === 'hand' ? ids.filter((id) => byHand[id] === i) : [],
  }))

  const open = (): void => {
    const capacity = mode === 'hand' ? Math.max(1, Math.ceil(ids.length / count), ...groups.map((g) => g.members.length)) : size
    run(openBreakout(doc, session.me.id, { mode, size: capacity, groups, returnTo, withDiagrams, autoPlace, title: readTitle(doc) || t({ id: 'agenda.setup.defaultTitle', defaultMessage: 'Breakout' }) }, session.clock))
  }

  return (
    <form className="stack ag-setup" aria-label={t({ id: 'agenda.setup.label', defaultMessage: 'Set up breakouts' })} onSubmit={submitted(open)}>
      <fieldset className="field">
        <legend>{t({ id: 'agenda.setup.how', defaultMessage: 'How are groups formed?' })}</legend>
        {MODES.map((m) => (
          <label key={m.id} className="toggle">
            <input type="radio" name="ag-mode" checked={mode === m.id} onChange={() => setMode(m.id)} />
            <span>
              {t(m.label)} <span className="muted small">{t(m.about)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row wrap">
        {mode === 'hand' ? (
          <label className="field" htmlFor="ag-group-count">
            <span>{t({ id: 'agenda.setup.groupCount', defaultMessage: 'Number of groups' })}</span>
            <input id="ag-group-count" type="number" min={1} max={40} value={groupCount} onChange={(e) => setGroupCount(Math.max(1, Math.min(40, Number(e.target.value) || 1)))} />
          </label>
        ) : (
          <label className="field" htmlFor="ag-group-size">
            <span>{t({ id: 'agenda.setup.groupSize', defaultMessage: 'At most this many per group' })}</span>
            <input id="ag-group-size" type="number" min={1} max={50} value={size} onChange={(e) => setSize(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
          </label>
        )}
        <label className="field" htmlFor="ag-return">
          <span>{t({ id: 'agenda.setup.returnTo', defaultMessage: 'Afterwards everyone comes back to' })}</span>
          <select id="ag-return" value={returnTo} onChange={(e) => setReturnTo(e.target.value as Panel)}>
            {PANELS.map((p) => (
              <option key={p} value={p}>
                {t(PANEL_NAMES[p])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor="ag-prompt">
        <span>{t({ id: 'agenda.setup.prompt', defaultMessage: 'Prompt for the groups' })}</span>
        <textarea id="ag-prompt" rows={2} maxLength={1000} value={prompt} placeholder={t({ id: 'agenda.setup.promptPlaceholder', defaultMessage: 'What should each group explore?' })} onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label className="toggle">
        <input type="checkbox" checked={withDiagrams} onChange={(e) => setWithDiagrams(e.target.checked)} />
        {t({ id: 'agenda.setup.withDiagrams', defaultMessage: 'Give each group its own causal loop diagram' })}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={withFacilitators} onChange={(e) => setWithFacilitators(e.target.checked)} />
        {t({ id: 'agenda.setup.withFacilitators', defaultMessage: 'Put facilitators in groups too' })}
      </label>
      {mode !== 'choice' && (
        <label className="toggle">
          <input type="checkbox" checked={autoPlace} onChange={(e) => setAutoPlace(e.target.checked)} />
          {t({ id: 'agenda.setup.autoPlace', defaultMessage: 'Place anyone not in a group, and anyone who arrives later, in the smallest group' })}
        </label>
      )}
      <Preview mode={mode} groups={groups} names={names} ids={ids} byHand={byHand} onHand={(id, g) => setByHand((m) => ({ ...m, [id]: g }))} onShuffle={() => setSeed((s) => s + 1)} size={size} />
      <div className="row end">
        <button type="submit" className="button primary" disabled={ids.length === 0 && mode !== 'choice'}>
          {t({ id: 'agenda.setup.open', defaultMessage: 'Open breakouts' })}
        </button>
      </div>
      <Notice text={notice} />
    </form>
  )
}

function Preview(props: {
  mode: BreakoutMode
  groups: { name: string; members: string[] }[]
  names: Record<string, string>
  ids: string[]
  byHand: Record<string, number>
  onHand: (id: string, group: number) => void
  onShuffle: () => void
  size: number
}) {
  const { mode, groups, names, ids } = props
  const t = useT()
  const intl = useIntl()
  const someone = t({ id: 'agenda.someone', defaultMessage: 'Someone' })
  if (ids.length === 0) return <p className="muted">{t({ id: 'agenda.setup.nobody', defaultMessage: 'Nobody to place yet: the people here all facilitate.' })}</p>
  if (mode === 'choice') {
    return (
      <p className="muted">
        {t(
          {
            id: 'agenda.setup.choicePreview',
            defaultMessage:
              '{groups, plural, one {# group} other {# groups}} of up to {size} for {people, plural, one {# person} other {# people}}. Everyone picks a group once breakouts open.',
          },
          { groups: groups.length, size: props.size, people: ids.length },
        )}
      </p>
    )
  }
  if (mode === 'hand') {
    return (
      <ul className="ag-by-hand" aria-label={t({ id: 'agenda.setup.byHand', defaultMessage: 'Who goes where' })}>
        {ids.map((id) => (
          <li key={id} className="row">
            <label className="grow" htmlFor={`ag-hand-${id}`}>
              {names[id] ?? someone}
            </label>
            <select id={`ag-hand-${id}`} value={props.byHand[id] ?? -1} onChange={(e) => props.onHand(id, Number(e.target.value))}>
              <option value={-1}>{t({ id: 'agenda.setup.noGroupYet', defaultMessage: 'No group yet' })}</option>
              {groups.map((g, i) => (
                <option key={g.name} value={i}>
                  {g.name}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    )
  }
  return (
    <div className="stack">
      <ul className="ag-preview" aria-label={t({ id: 'agenda.groups', defaultMessage: 'Groups' })}>
        {groups.map((g) => (
          <li key={g.name}>
            {t(
              { id: 'agenda.setup.previewGroup', defaultMessage: '<strong>{group}</strong>: {members}' },
              { group: g.name, members: intl.formatList(g.members.map((m) => names[m] ?? someone), { type: 'unit', style: 'short' }), strong: (chunks) => <strong>{chunks}</strong> },
            )}
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="button" onClick={props.onShuffle}>
          {t({ id: 'agenda.setup.shuffle', defaultMessage: 'Shuffle again' })}
        </button>
      </div>
    </div>
  )
}
