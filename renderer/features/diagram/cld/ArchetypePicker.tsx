import { useMemo, useState } from 'react'
import { ARCHETYPES, findLoops, toSvg, type Archetype, type CausalLink, type Variable } from '../../../../shared/diagram'
import { useStore } from '../../../sync'
import { Dialog } from '../../../ui'
import { useIntl, useT } from '../../../i18n'
import { useLocalArchetypes } from '../localContent'
import { nameList } from '../words'
import { useCld } from './context'
import { placeInView } from './keys'

/** Room each of a pattern's variables takes around its centre. */
const ARCHETYPE_VARIABLE = { width: 170, height: 56 }

function preview(archetype: Archetype): string {
  const variables: Variable[] = archetype.variables.map((v) => ({ id: v.key, label: v.label, x: v.x, y: v.y }))
  const links: CausalLink[] = archetype.links.map((l, i) => ({ id: `l${i}`, from: l.from, to: l.to, polarity: l.polarity, delay: l.delay, curve: l.curve ?? 0 }))
  const svg = toSvg({ variables, links }, { loops: findLoops({ variables, links }).loops, padding: 16 })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

/**
 * The nine systems archetypes: read what each one is about (in the person's language
 * where it is translated), then add it as editable variables and links (as authored).
 */
export function ArchetypePicker() {
  const cld = useCld()
  const open = useStore(cld.patterns)
  const t = useT()
  return (
    <Dialog title={t({ id: 'diagram.archetypes.title', defaultMessage: 'Start from a pattern' })} open={open} onClose={() => cld.patterns.set(false)} wide>
      {open && <PickerBody />}
    </Dialog>
  )
}

function PickerBody() {
  const cld = useCld()
  const t = useT()
  const { locale } = useIntl()
  const shown = useLocalArchetypes()
  const [chosen, setChosen] = useState(ARCHETYPES[0]?.id ?? '')
  const archetype = shown.find((a) => a.id === chosen)
  const image = useMemo(() => (archetype ? preview(archetype) : ''), [archetype])
  if (ARCHETYPES.length === 0) {
    return (
      <p className="error">
        {t({ id: 'diagram.archetypes.damaged', defaultMessage: 'The pattern library could not be read. Please report this: the file resources/diagram/archetypes.json is damaged.' })}
      </p>
    )
  }
  const insert = (): void => {
    // The pattern's shape is the authored one; its variables are named in the language the
    // person read it in (content, like a new diagram's title: written in the inserter's words).
    const english = ARCHETYPES.find((a) => a.id === chosen)
    if (!english || !archetype) return
    const labels = new Map(archetype.variables.map((v) => [v.key, v.label]))
    const authored = { ...english, variables: english.variables.map((v) => ({ ...v, label: labels.get(v.key) ?? v.label })) }
    // The pattern goes into free space in view (beside the map when the view is full), never on top of what is drawn.
    const xs = authored.variables.map((v) => v.x)
    const ys = authored.variables.map((v) => v.y)
    const size = { width: Math.max(...xs) - Math.min(...xs) + ARCHETYPE_VARIABLE.width, height: Math.max(...ys) - Math.min(...ys) + ARCHETYPE_VARIABLE.height }
    const outcome = cld.actions.insertArchetype(authored, placeInView(cld, size, cld.viewCentre(), false), archetype.name)
    if (!outcome) return
    cld.patterns.set(false)
    cld.store.setSelection([...Object.values(outcome.variableIds), ...outcome.linkIds])
    cld.showVariables(Object.values(outcome.variableIds))
  }
  return (
    <div className="dg-archetypes">
      <fieldset className="dg-archetype-list">
        <legend className="sr-only">{t({ id: 'diagram.archetypes.list', defaultMessage: 'Patterns' })}</legend>
        {shown.map((a) => (
          <label key={a.id} className="dg-archetype-option">
            <input type="radio" name="archetype" value={a.id} checked={a.id === chosen} onChange={() => setChosen(a.id)} />
            <span>{a.name}</span>
          </label>
        ))}
      </fieldset>
      {archetype && (
        <article className="dg-archetype-detail stack" aria-live="polite">
          <h3>{archetype.name}</h3>
          <p>{archetype.summary}</p>
          <img
            className="dg-archetype-preview"
            src={image}
            alt={t(
              { id: 'diagram.archetypes.preview', defaultMessage: 'The {name} pattern: {variables}' },
              { name: archetype.name, variables: nameList(locale, archetype.variables.map((v) => v.label)) },
            )}
          />
          <div>
            <h4>{t({ id: 'diagram.archetypes.example', defaultMessage: 'An example' })}</h4>
            <p>{archetype.story}</p>
          </div>
          <div>
            <h4>{t({ id: 'diagram.archetypes.leverage', defaultMessage: 'Where to push' })}</h4>
            <p>{archetype.leverage}</p>
          </div>
          <div className="row end">
            <button type="button" className="button" onClick={() => cld.patterns.set(false)}>
              {t({ id: 'common.cancel', defaultMessage: 'Cancel' })}
            </button>
            <button type="button" className="button primary" onClick={insert} disabled={cld.readOnly}>
              {t({ id: 'diagram.archetypes.add', defaultMessage: 'Add “{name}” to the diagram' }, { name: archetype.name })}
            </button>
          </div>
        </article>
      )}
    </div>
  )
}
