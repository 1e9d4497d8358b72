// What the app does without the desktop bridge: it runs as a plain web page for
// browser guests, so files become downloads and file inputs.
import { MAX_FILE_BYTES, formatBytes, sanitiseFileName, type FileFilter, type OpenedFile } from '../../shared/ipc'

/** The browser objects the fallbacks use, passed in so tests can give fakes. */
export interface BrowserEnv {
  document: Document
  navigator: Pick<Navigator, 'clipboard'>
  open: (url: string, target: string, features: string) => unknown
  createObjectURL: (blob: Blob) => string
  revokeObjectURL: (url: string) => void
  /** Schedules the revoke of a download's object URL. */
  later: (run: () => void, ms: number) => void
}

export async function copyText(env: BrowserEnv, text: string): Promise<boolean> {
  try {
    if (env.navigator.clipboard?.writeText) {
      await env.navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Refused (no focus, no permission, or an insecure http: page on the LAN): fall back.
  }
  return copyWithSelection(env.document, text)
}

// The old way, which also works on http: pages where navigator.clipboard is missing.
// Focus goes back where it was, so a keyboard user does not lose their place.
function copyWithSelection(doc: Document, text: string): boolean {
  // HTML and SVG elements, the only ones that take focus, both have focus().
  const previous = doc.activeElement as HTMLOrSVGElement | null
  const area = doc.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.setAttribute('aria-hidden', 'true')
  area.style.position = 'fixed'
  area.style.top = '0'
  area.style.left = '-9999px'
  doc.body.appendChild(area)
  area.select()
  try {
    // Deprecated, yet the only copy that works where the async Clipboard API is missing.
    return doc.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
    previous?.focus()
  }
}

export function downloadFile(env: BrowserEnv, options: { suggestedName: string; data: string | Uint8Array; mimeType: string }): void {
  // Blob wants bytes that live in a plain ArrayBuffer; copying also detaches us from the caller's array.
  const part = typeof options.data === 'string' ? options.data : new Uint8Array(options.data)
  const url = env.createObjectURL(new Blob([part], { type: options.mimeType }))
  const link = env.document.createElement('a')
  link.href = url
  link.download = sanitiseFileName(options.suggestedName)
  link.rel = 'noopener'
  link.style.display = 'none'
  env.document.body.appendChild(link)
  link.click()
  link.remove()
  // Revoking at once can cancel the download in some browsers.
  env.later(() => env.revokeObjectURL(url), 40_000)
}

/** The `accept` attribute for filters: ".json,.md", or nothing when one of them is "*". */
export function acceptAttribute(filters: readonly FileFilter[]): string {
  const extensions = filters.flatMap((filter) => filter.extensions)
  if (extensions.includes('*')) return ''
  return [...new Set(extensions.map((extension) => `.${extension.toLowerCase()}`))].join(',')
}

/**
 * Asks for one file with a hidden file input. Resolves null when the person cancels
 * (the input's 'cancel' event; a browser without it leaves the promise waiting).
 */
export function pickFile(env: BrowserEnv, filters: readonly FileFilter[]): Promise<OpenedFile | null> {
  const input = env.document.createElement('input')
  input.type = 'file'
  input.accept = acceptAttribute(filters)
  input.style.display = 'none'
  return new Promise<OpenedFile | null>((resolve, reject) => {
    input.addEventListener(
      'change',
      () => {
        const file = input.files?.[0]
        input.remove()
        if (!file) return resolve(null)
        if (file.size > MAX_FILE_BYTES) {
          return reject(new Error(`${file.name} is ${formatBytes(file.size)}; Convene opens files up to ${formatBytes(MAX_FILE_BYTES)}.`))
        }
        file.arrayBuffer().then((buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }), reject)
      },
      { once: true },
    )
    input.addEventListener(
      'cancel',
      () => {
        input.remove()
        resolve(null)
      },
      { once: true },
    )
    env.document.body.appendChild(input)
    input.click()
  })
}
