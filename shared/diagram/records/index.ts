import * as Y from 'yjs'
import { DOC_KEYS } from '../../session/schema'
import { recordSteps, type Migration } from '../../migrations'
import { DIAGRAM_MIGRATIONS } from './diagram'
import { VARIABLE_MIGRATIONS } from './variable'
import { LINK_MIGRATIONS } from './link'
import { LOOP_NAME_MIGRATIONS } from './loopName'

// The records a diagram is made of, one file each (type, schema, migrations).
export * from './diagram'
export * from './variable'
export * from './link'
export * from './loopName'

/** Every diagram's map, and the maps inside it under `key`. */
function* diagramMaps(doc: Y.Doc): Generator<Y.Map<unknown>> {
  for (const root of doc.getMap(DOC_KEYS.diagrams).values()) if (root instanceof Y.Map) yield root as Y.Map<unknown>
}
function* inner(doc: Y.Doc, key: string): Generator<Y.Map<unknown>> {
  for (const root of diagramMaps(doc)) {
    const part = root.get(key)
    if (part instanceof Y.Map) yield part as Y.Map<unknown>
  }
}
function* entriesOf(doc: Y.Doc, key: string): Generator<Y.Map<unknown>> {
  for (const part of inner(doc, key)) for (const record of part.values()) if (record instanceof Y.Map) yield record as Y.Map<unknown>
}

/** The diagram records' migrations as steps of the convening's document version (MIGRATIONS). */
export const DIAGRAM_RECORD_STEPS: readonly Migration[] = [
  ...recordSteps('diagram', DIAGRAM_MIGRATIONS, diagramMaps),
  ...recordSteps('variable', VARIABLE_MIGRATIONS, (doc) => entriesOf(doc, 'variables')),
  ...recordSteps('link', LINK_MIGRATIONS, (doc) => entriesOf(doc, 'links')),
  ...recordSteps('loop names', LOOP_NAME_MIGRATIONS, (doc) => inner(doc, 'loopNames')),
]
