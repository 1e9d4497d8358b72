import { errorMessage } from '../../shared/errors'
// Electron rejects a failed invoke with "Error invoking remote method 'files.open':
// Error: big.json is 80 MB; ...". The window shows messages to people, so it gets
// main's own words without the wrapper.
const WRAPPER = /^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/

export function ipcErrorMessage(error: unknown): string {
  const message = errorMessage(error)
  return message.replace(WRAPPER, '')
}
