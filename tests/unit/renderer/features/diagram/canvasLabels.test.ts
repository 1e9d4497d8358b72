import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DIAGRAM_LIMITS, addLink, addVariable, createDiagram, diagramParts, setLoopName } from '../../../../../shared/diagram'
import { translator } from '../../../../../shared/i18n'
import { CanvasStore } from '../../../../../renderer/features/diagram/cld/canvasStore'
import type { Translate } from '../../../../../renderer/features/diagram/words'
import { ORIGIN, value } from '../../../shared/diagram/graphs'

function setup() {
  const doc = new Y.Doc()
  const d = value(createDiagram(doc, { title: 'T' }, ORIGIN))
  const a = value(addVariable(doc, d, { label: 'Trust', x: 0, y: 0 }, ORIGIN))
  const b = value(addVariable(doc, d, { label: 'Cooperation', x: 300, y: 0 }, ORIGIN))
  value(addLink(doc, d, { from: a, to: b, delay: true }, ORIGIN))
  return { doc, d, a, b, store: new CanvasStore(diagramParts(doc, d)!) }
}

describe('the canvas’s screen-reader labels in the person’s language', () => {
  it('are English until the studio hands over a translator, then rebuilt in its words', () => {
    const { a, store } = setup()
    const before = store.get()
    expect(before.nodes.find((n) => n.id === a)?.ariaLabel).toBe('Variable: Trust, 1 link')
    expect(before.edges[0].ariaLabel).toBe('Trust increases Cooperation, delay')
    const danish = translator('da', {
      'diagram.canvas.variableLabel': 'Variabel: {label}, {degree, plural, one {# forbindelse} other {# forbindelser}}{locked, select, yes {, låst} other {}}',
      'diagram.canvas.linkLabel': '{from} {polarity, select, plus {øger} minus {mindsker} other {påvirker}} {to}{delay, select, yes {, forsinket} other {}}{labelled, select, yes {, »{label}«} other {}}',
    })
    store.setTranslator((message, values) => danish.formatMessage(message, values))
    const after = store.get()
    expect(after.nodes.find((n) => n.id === a)?.ariaLabel).toBe('Variabel: Trust, 1 forbindelse')
    expect(after.edges[0].ariaLabel).toBe('Trust øger Cooperation, forsinket')
    // The same translator again changes nothing: no node is rebuilt.
    const translate: Translate = (message, values) => danish.formatMessage(message, values)
    store.setTranslator(translate)
    const once = store.get()
    store.setTranslator(translate)
    expect(store.get()).toBe(once)
  })

  it('cuts loop names at the schema’s cap', () => {
    const { doc, d, store } = setup()
    value(setLoopName(doc, d, 'loop-1', 'Trust builds trust', ORIGIN))
    expect(store.loopNames.get()).toEqual({ 'loop-1': 'Trust builds trust' })
    // A peer's build that skipped the check: the name is read at the cap all the same.
    diagramParts(doc, d)!.loopNames.set('loop-2', 'x'.repeat(DIAGRAM_LIMITS.loopNameMax + 50))
    expect(store.loopNames.get()['loop-2']).toHaveLength(DIAGRAM_LIMITS.loopNameMax)
  })
})
