import { useMemo } from 'react'
import { loopSummaries, toMermaid, toSvg, type CausalLink } from '../../../../shared/diagram'
import { platform } from '../../../platform'
import { useStore } from '../../../sync'
import { useCld } from './context'

const VERB = { '+': 'increases', '-': 'decreases', '?': 'affects' } as const

function describe(link: CausalLink, label: (id: string) => string): string {
  return `${VERB[link.polarity]} ${label(link.to)}${link.delay ? ', after a delay' : ''}${link.label ? ` (“${link.label}”)` : ''}`
}

/** The whole diagram in words (for screen readers, and for anyone): each variable and what it affects, then the loops. */
export function TextView(props: { title: string }) {
  const cld = useCld()
  const content = useStore(cld.store.content)
  const state = useStore(cld.loops.state)
  const names = useStore(cld.store.loopNames)
  const assigned = useStore(cld.store.loopNumbers)
  const model = useMemo(() => {
    void content
    const variables = [...cld.store.variables.values()].sort((a, b) => a.label.localeCompare(b.label))
    const links = cld.store.drawnLinks()
    return { variables, links, labels: new Map(variables.map((v) => [v.id, v.label])) }
  }, [cld, content])
  const label = (id: string) => model.labels.get(id) ?? '…'
  const loops = state.analysis?.loops ?? []
  const snapshot = () => ({ variables: [...cld.store.variables.values()], links: cld.store.drawnLinks() })

  const copyMermaid = async (): Promise<void> => {
    const ok = await platform.copyText(toMermaid(snapshot(), { loops, loopNames: names, loopNumbers: assigned }))
    if (ok) cld.notices.tell('Copied the diagram as Mermaid text.')
    else cld.notices.say('The browser did not allow copying.')
  }
  const saveSvg = async (): Promise<void> => {
    const svg = toSvg(snapshot(), { loops, loopNames: names, loopNumbers: assigned, title: props.title })
    const result = await platform.saveFile({ suggestedName: `${props.title || 'diagram'}.svg`, data: svg, mimeType: 'image/svg+xml' })
    if (result.saved) cld.notices.tell('Saved the diagram as an SVG picture.')
  }

  return (
    <div className="dg-text-view stack">
      <div className="row wrap">
        <button type="button" className="button quiet small" onClick={() => void copyMermaid()}>
          Copy as Mermaid
        </button>
        <button type="button" className="button quiet small" onClick={() => void saveSvg()}>
          Save as SVG
        </button>
      </div>
      <h3 className="dg-side-heading">Variables ({model.variables.length})</h3>
      {model.variables.length === 0 ? (
        <p className="muted small">No variables yet.</p>
      ) : (
        <ul className="dg-text-list">
          {model.variables.map((v) => {
            const out = model.links.filter((l) => l.from === v.id)
            return (
              <li key={v.id}>
                <strong>{v.label}</strong>
                {out.length === 0 ? (
                  <span className="muted small"> has no links out.</span>
                ) : (
                  <ul>
                    {out.map((l) => (
                      <li key={l.id}>{describe(l, label)}</li>
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <h3 className="dg-side-heading">Loops ({loops.length})</h3>
      {loops.length === 0 ? (
        <p className="muted small">No loops yet.</p>
      ) : (
        <ul className="dg-text-list">
          {loopSummaries(loops.slice(0, 200), model.labels, names, assigned).map((line, i) => (
            <li key={loops[i].id}>{line.replace(/ -> /g, ' → ')}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
