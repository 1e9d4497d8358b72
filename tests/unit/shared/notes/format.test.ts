import { describe, expect, it } from 'vitest'
import { applyNoteFormat, continueList, type NoteFormat, type TextSelection } from '../../../../shared/notes'

/** `|` marks the selection: `a|b|c` selects "b"; a single `|` is the caret. */
function sel(marked: string): TextSelection {
  const start = marked.indexOf('|')
  const second = marked.indexOf('|', start + 1)
  const end = second === -1 ? start : second - 1
  return { value: marked.replace(/\|/g, ''), start, end }
}

function show(s: TextSelection): string {
  return s.start === s.end ? s.value.slice(0, s.start) + '|' + s.value.slice(s.start) : s.value.slice(0, s.start) + '|' + s.value.slice(s.start, s.end) + '|' + s.value.slice(s.end)
}

const apply = (marked: string, format: NoteFormat): string => show(applyNoteFormat(sel(marked), format))

describe('the notes toolbar', () => {
  it('makes the selection bold, and takes bold away again', () => {
    expect(apply('say |hello| there', 'bold')).toBe('say **|hello|** there')
    expect(apply('say **|hello|** there', 'bold')).toBe('say |hello| there')
    expect(apply('say |**hello**| there', 'bold')).toBe('say |hello| there')
    // Spaces caught in the selection stay outside the marks.
    expect(apply('say| hello |there', 'bold')).toBe('say **|hello|** there')
    expect(apply('caret |', 'bold')).toBe('caret **|**')
  })

  it('tells italics from bold', () => {
    expect(apply('**|word|**', 'italic')).toBe('***|word|***')
    expect(apply('***|word|***', 'italic')).toBe('**|word|**')
    expect(apply('*|word|*', 'italic')).toBe('|word|')
    expect(apply('***|word|***', 'bold')).toBe('*|word|*')
  })

  it('turns lines into a heading, bullets, checkboxes or a numbered list, and back', () => {
    expect(apply('one|', 'heading')).toBe('## one|')
    expect(apply('## one|', 'heading')).toBe('one|')
    expect(apply('|one\ntwo|\nthree', 'bullet')).toBe('|- one\n- two|\nthree')
    expect(apply('|- one\n- two|', 'bullet')).toBe('|one\ntwo|')
    expect(apply('|- one\n- two|', 'checkbox')).toBe('|- [ ] one\n- [ ] two|')
    expect(apply('|- [ ] one\n- [x] two|', 'checkbox')).toBe('|one\ntwo|')
    expect(apply('|a\n\nb|', 'numbered')).toBe('|1. a\n\n2. b|')
    expect(apply('|', 'bullet')).toBe('- |')
  })

  it('continues a list on Enter and ends it on an empty item', () => {
    const next = (marked: string): string | null => {
      const out = continueList(sel(marked))
      return out ? show(out) : null
    }
    expect(next('- one|')).toBe('- one\n- |')
    expect(next('  - [x] done|')).toBe('  - [x] done\n  - [ ] |')
    expect(next('9. nine|')).toBe('9. nine\n10. |')
    expect(next('a\n- |')).toBe('a\n|')
    expect(next('plain text|')).toBeNull()
    expect(next('- in the |middle')).toBeNull()
  })
})
