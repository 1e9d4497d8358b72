import { MAX_SAVED_NAME_CHARS } from './limits'

// A page suggests a file name; the file system gets only a plain name. Separators
// would let a name climb out of the chosen folder, control and bidirectional
// override characters make names lie about their extension ("harvest\u202Efdp.exe"),
// and Windows refuses reserved device names and trailing dots or spaces.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i
const FALLBACK = 'Untitled'

export function sanitiseFileName(suggested: string, maxChars = MAX_SAVED_NAME_CHARS): string {
  let name = suggested
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '')
  if (name === '' || /^-+$/.test(name)) name = FALLBACK
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`
  return truncateKeepingExtension(name, maxChars)
}

// Counts code points so an emoji is never cut in half; keeps a short extension
// because it is what tells the system which program opens the file.
function truncateKeepingExtension(name: string, maxChars: number): string {
  const chars = Array.from(name)
  if (chars.length <= maxChars) return name
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? Array.from(name.slice(dot)) : []
  if (extension.length > 1 && extension.length <= 16 && extension.length < maxChars) {
    const stem = Array.from(name.slice(0, dot)).slice(0, maxChars - extension.length)
    return stem.join('').trimEnd() + extension.join('')
  }
  return chars.slice(0, maxChars).join('').trimEnd()
}

/** The name with `extension` (without dot) appended unless it already ends with it. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension.toLowerCase()}`) ? name : `${name}.${extension}`
}
