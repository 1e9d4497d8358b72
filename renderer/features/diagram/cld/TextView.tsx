import { useMemo } from 'react'
import { toMermaid, toSvg, type CausalLink } from '../../../../shared/diagram'
import { platform } from '../../../platform'
import { useStore } from '../../../sync'
import { useCld } from './context'
import { useIntl, useT } from '../../../i18n'
import { polarityKey } from '../words'
import { loopLines } from './loopWords'

function describe(link: CausalLink, label: (id: string) => string, t: ReturnType<typeof useT>): string {
  return t(
    {
      id: 'diagram.text.link',
      defaultMessage:
        '{polarity, select, plus {increases} minus {decreases} other {affects}} {to}{delay, select, yes {, after a delay} other {}}{labelled, select, yes { (“{label}”)} other {}}',
    },
    { polarity: polarityKey(link.polarity), to: label(link.to), delay: link.delay ? 'yes' : 'no', labelled: link.label ? 'yes' : 'no', label: link.label ?? '' },
  )
}

/** The whole diagram in words (for screen readers, and for anyone): each variable and what it affects, then the loops. */
export function TextView(props: { title: string }) {
  const cld = useCld()
  const t = useT()
  const { locale } = useIntl()
  const content = useStore(cld.store.content)
  const state = useStore(cld.loops.state)
  const names = useStore(cld.store.loopNames)
  const assigned = useStore(cld.store.loopNumbers)
  const model = useMemo(() => {
    void content
    const variables = [...cld.store.variables.values()].sort((a, b) => a.label.localeCompare(b.label, locale))
    const links = cld.store.drawnLinks()
    return { variables, links, labels: new Map(variables.map((v) => [v.id, v.label])) }
  }, [cld, content, locale])
  const label = (id: string) => model.labels.get(id) ?? '…'
  const loops = state.analysis?.loops ?? []
  const snapshot = () => ({ variables: [...cld.store.variables.values()], links: cld.store.drawnLinks() })

  const copyMermaid = async (): Promise<void> => {
    const ok = await platform.copyText(toMermaid(snapshot(), { loops, loopNames: names, loopNumbers: assigned }))
    if (ok) cld.notices.tell(t({ id: 'diagram.text.copiedMermaid', defaultMessage: 'Copied the diagram as Mermaid text.' }))
    else cld.notices.say(t({ id: 'diagram.text.copyRefused', defaultMessage: 'The browser did not allow copying.' }))
  }
  const saveSvg = async (): Promise<void> => {
    const svg = toSvg(snapshot(), { loops, loopNames: names, loopNumbers: assigned, title: props.title })
    const result = await platform.saveFile({ suggestedName: `${props.title || t({ id: 'diagram.text.fileName', defaultMessage: 'diagram', description: 'The file name of a saved picture of an untitled diagram (before .svg).' })}.svg`, data: svg, mimeType: 'image/svg+xml' })
    if (result.saved) cld.notices.tell(t({ id: 'diagram.text.savedSvg', defaultMessage: 'Saved the diagram as an SVG picture.' }))
  }

  return (
    <div className="dg-text-view stack">
      <div className="row wrap">
        <button type="button" className="button quiet small" onClick={() => void copyMermaid()}>
          {t({ id: 'diagram.text.copyMermaid', defaultMessage: 'Copy as Mermaid' })}
        </button>
        <button type="button" className="button quiet small" onClick={() => void saveSvg()}>
          {t({ id: 'diagram.text.saveSvg', defaultMessage: 'Save as SVG' })}
        </button>
      </div>
      <h3 className="dg-side-heading">{t({ id: 'diagram.text.variables', defaultMessage: 'Variables ({count})' }, { count: model.variables.length })}</h3>
      {model.variables.length === 0 ? (
        <p className="muted small">{t({ id: 'diagram.text.noVariables', defaultMessage: 'No variables yet.' })}</p>
      ) : (
        <ul className="dg-text-list">
          {model.variables.map((v) => {
            const out = model.links.filter((l) => l.from === v.id)
            return (
              <li key={v.id}>
                <strong>{v.label}</strong>
                {out.length === 0 ? (
                  <span className="muted small"> {t({ id: 'diagram.text.noLinksOut', defaultMessage: 'has no links out.' })}</span>
                ) : (
                  <ul>
                    {out.map((l) => (
                      <li key={l.id}>{describe(l, label, t)}</li>
                    ))}
                  </ul>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <h3 className="dg-side-heading">{t({ id: 'diagram.text.loops', defaultMessage: 'Loops ({count})' }, { count: loops.length })}</h3>
      {loops.length === 0 ? (
        <p className="muted small">{t({ id: 'diagram.text.noLoops', defaultMessage: 'No loops yet.' })}</p>
      ) : (
        <ul className="dg-text-list">
          {loopLines(t, loops.slice(0, 200), model.labels, names, assigned).map((line, i) => (
            <li key={loops[i].id}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
