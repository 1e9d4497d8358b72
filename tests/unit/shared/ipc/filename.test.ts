import { describe, expect, it } from 'vitest'
import { MAX_SAVED_NAME_CHARS, sanitiseFileName, withExtension } from '../../../../shared/ipc'

describe('sanitiseFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(sanitiseFileName('Harvest – 12 May 2026.md')).toBe('Harvest – 12 May 2026.md')
  })

  it('cannot climb out of the chosen folder', () => {
    expect(sanitiseFileName('../../.ssh/authorized_keys')).toBe('-..-.ssh-authorized_keys')
    expect(sanitiseFileName('..\\..\\Windows\\win.ini')).toBe('-..-Windows-win.ini')
    expect(sanitiseFileName('/etc/passwd')).toBe('-etc-passwd')
    expect(sanitiseFileName('..')).toBe('Untitled')
  })

  it('removes control and direction-override characters that disguise an extension', () => {
    expect(sanitiseFileName('notes\u0000.md')).toBe('notes-.md')
    expect(sanitiseFileName('harvest\u202Efdp.exe')).toBe('harvest-fdp.exe')
    expect(sanitiseFileName('a\nb\tc.txt')).toBe('a-b-c.txt')
  })

  it('avoids names Windows refuses', () => {
    expect(sanitiseFileName('CON')).toBe('_CON')
    expect(sanitiseFileName('nul.txt')).toBe('_nul.txt')
    expect(sanitiseFileName('notes. . ')).toBe('notes')
    expect(sanitiseFileName('a:b*c?.md')).toBe('a-b-c-.md')
  })

  it('caps the length and keeps the extension and whole characters', () => {
    const long = sanitiseFileName(`${'🌍'.repeat(300)}.pdf`)
    expect(Array.from(long)).toHaveLength(MAX_SAVED_NAME_CHARS)
    expect(long.endsWith('🌍.pdf')).toBe(true)
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })

  it('falls back to a name when nothing is left', () => {
    expect(sanitiseFileName('   ')).toBe('Untitled')
    expect(sanitiseFileName('///')).toBe('Untitled')
  })
})

describe('withExtension', () => {
  it('adds the extension once', () => {
    expect(withExtension('notes', 'pdf')).toBe('notes.pdf')
    expect(withExtension('notes.PDF', 'pdf')).toBe('notes.PDF')
  })
})
