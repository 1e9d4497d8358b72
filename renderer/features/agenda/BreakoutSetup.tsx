import { useMemo, useState } from 'react'
import { assignRandom, groupSizes, openBreakout, type BreakoutMode } from '../../../shared/facilitation'
import { PANELS, canFacilitate, readTitle, type Panel } from '../../../shared/session'
import { usePresentPeople, type ConveningSession } from '../../sync'
import { plural, Notice, submitted, useNotice } from '../../ui'

const MODES: { id: BreakoutMode; label: string; about: string }[] = [
  { id: 'random', label: 'At random', about: 'Convene shuffles the people here into groups of the size you choose.' },
  { id: 'hand', label: 'By hand', about: 'You put each person in a group.' },
  { id: 'choice', label: 'By choice', about: 'Each person picks a group with room for them.' },
]

const PANEL_NAMES: Record<Panel, string> = { notes: 'Notes', diagram: 'Diagrams', conversation: 'Conversation', climate: 'Climate', harvest: 'Harvest', agenda: 'Agenda' }

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

  const people = present.filter((p) => withFacilitators || !canFacilitate(doc, p.id))
  const ids = people.map((p) => p.id)
  const names = Object.fromEntries(present.map((p) => [p.id, p.name]))
  const idsKey = ids.join(' ')
  const random = useMemo(() => assignRandom(idsKey ? idsKey.split(' ') : [], { size }, seed), [idsKey, size, seed])
  const count = mode === 'random' ? random.length : mode === 'hand' ? Math.max(1, groupCount) : Math.max(1, groupSizes(ids.length, { size }).length)

  const groups = Array.from({ length: count }, (_, i) => ({
    name: `Group ${i + 1}`,
    prompt,
    members: mode === 'random' ? random[i] ?? [] : mode === 'hand' ? ids.filter((id) => byHand[id] === i) : [],
  }))

  const open = (): void => {
    const capacity = mode === 'hand' ? Math.max(1, Math.ceil(ids.length / count), ...groups.map((g) => g.members.length)) : size
    run(openBreakout(doc, session.me.id, { mode, size: capacity, groups, returnTo, withDiagrams, autoPlace, title: readTitle(doc) || 'Breakout' }, session.clock))
  }

  return (
    <form className="stack ag-setup" aria-label="Set up breakouts" onSubmit={submitted(open)}>
      <fieldset className="field">
        <legend>How are groups formed?</legend>
        {MODES.map((m) => (
          <label key={m.id} className="toggle">
            <input type="radio" name="ag-mode" checked={mode === m.id} onChange={() => setMode(m.id)} />
            <span>
              {m.label} <span className="muted small">{m.about}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="row wrap">
        {mode === 'hand' ? (
          <label className="field" htmlFor="ag-group-count">
            <span>Number of groups</span>
            <input id="ag-group-count" type="number" min={1} max={40} value={groupCount} onChange={(e) => setGroupCount(Math.max(1, Math.min(40, Number(e.target.value) || 1)))} />
          </label>
        ) : (
          <label className="field" htmlFor="ag-group-size">
            <span>At most this many per group</span>
            <input id="ag-group-size" type="number" min={1} max={50} value={size} onChange={(e) => setSize(Math.max(1, Math.min(50, Number(e.target.value) || 1)))} />
          </label>
        )}
        <label className="field" htmlFor="ag-return">
          <span>Afterwards everyone comes back to</span>
          <select id="ag-return" value={returnTo} onChange={(e) => setReturnTo(e.target.value as Panel)}>
            {PANELS.map((p) => (
              <option key={p} value={p}>
                {PANEL_NAMES[p]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor="ag-prompt">
        <span>Prompt for the groups</span>
        <textarea id="ag-prompt" rows={2} maxLength={1000} value={prompt} placeholder="What should each group explore?" onChange={(e) => setPrompt(e.target.value)} />
      </label>
      <label className="toggle">
        <input type="checkbox" checked={withDiagrams} onChange={(e) => setWithDiagrams(e.target.checked)} />
        Give each group its own causal loop diagram
      </label>
      <label className="toggle">
        <input type="checkbox" checked={withFacilitators} onChange={(e) => setWithFacilitators(e.target.checked)} />
        Put facilitators in groups too
      </label>
      {mode !== 'choice' && (
        <label className="toggle">
          <input type="checkbox" checked={autoPlace} onChange={(e) => setAutoPlace(e.target.checked)} />
          Place anyone not in a group, and anyone who arrives later, in the smallest group
        </label>
      )}
      <Preview mode={mode} groups={groups} names={names} ids={ids} byHand={byHand} onHand={(id, g) => setByHand((m) => ({ ...m, [id]: g }))} onShuffle={() => setSeed((s) => s + 1)} size={size} />
      <div className="row end">
        <button type="submit" className="button primary" disabled={ids.length === 0 && mode !== 'choice'}>
          Open breakouts
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
  if (ids.length === 0) return <p className="muted">Nobody to place yet: the people here all facilitate.</p>
  if (mode === 'choice') return <p className="muted">{plural(groups.length, 'group')} of up to {props.size} for {plural(ids.length, 'person', 'people')}. Everyone picks a group once breakouts open.</p>
  if (mode === 'hand') {
    return (
      <ul className="ag-by-hand" aria-label="Who goes where">
        {ids.map((id) => (
          <li key={id} className="row">
            <label className="grow" htmlFor={`ag-hand-${id}`}>
              {names[id] ?? 'Someone'}
            </label>
            <select id={`ag-hand-${id}`} value={props.byHand[id] ?? -1} onChange={(e) => props.onHand(id, Number(e.target.value))}>
              <option value={-1}>No group yet</option>
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
      <ul className="ag-preview" aria-label="Groups">
        {groups.map((g) => (
          <li key={g.name}>
            <strong>{g.name}</strong>: {g.members.map((m) => names[m] ?? 'Someone').join(', ')}
          </li>
        ))}
      </ul>
      <div>
        <button type="button" className="button" onClick={props.onShuffle}>
          Shuffle again
        </button>
      </div>
    </div>
  )
}
