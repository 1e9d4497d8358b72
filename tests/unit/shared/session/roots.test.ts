import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DOC_KEYS, DOC_ROOTS, checkDocument, seedConvening } from '../../../../shared/session'
import { ADA, CONVENING_ID } from '../notes/sample'

function seeded(edit: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc()
  seedConvening(doc, { id: CONVENING_ID, title: 'T', createdBy: ADA, now: 1 })
  edit(doc)
  return doc
}

describe('the document’s roots, listed once', () => {
  it('names each root of DOC_ROOTS in DOC_KEYS, and no other', () => {
    expect(Object.entries(DOC_KEYS)).toEqual(Object.keys(DOC_ROOTS).map((name) => [name, name]))
  })

  it('lets an archive hold every root of its kind, and refuses one that is not in the list', () => {
    const full = seeded((doc) => {
      for (const [name, kind] of Object.entries(DOC_ROOTS)) {
        if (kind === 'map') doc.getMap(name).set('probe', 1)
        else if (kind === 'array') doc.getArray(name).push([1])
        else doc.getText(name).insert(0, 'probe')
      }
    })
    expect(checkDocument(full)).toBeNull()
    // A name every object answers to is still no root of a convening.
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(checkDocument(seeded((doc) => doc.getMap(name).set('a', 1)))).toMatch(/does not know/)
    }
  })
})
