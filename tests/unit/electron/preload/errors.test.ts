import { describe, expect, it } from 'vitest'
import { ipcErrorMessage } from '../../../../electron/preload/errors'

describe('ipcErrorMessage', () => {
  it("gives the window main's own words", () => {
    const wrapped = new Error("Error invoking remote method 'host.start': Error: Port 4444 is already in use on this computer; choose another port.")
    expect(ipcErrorMessage(wrapped)).toBe('Port 4444 is already in use on this computer; choose another port.')
    expect(ipcErrorMessage(new Error("Error invoking remote method 'files.save': TypeError: bad"))).toBe('bad')
  })

  it('leaves other messages alone', () => {
    expect(ipcErrorMessage(new Error('files.save: invalid argument: data: is required'))).toBe('files.save: invalid argument: data: is required')
    expect(ipcErrorMessage('plain')).toBe('plain')
  })
})
