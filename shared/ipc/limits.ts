// Sizes that bound what crosses between the window and the main process. They live
// apart from the zod contract so the browser fallbacks can share them without zod.

/** Largest file Convene opens or saves: a convening archive with its diagrams is far smaller. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** Largest HTML page printed to PDF (a harvest of a long convening is a few hundred kB). */
export const MAX_PRINT_HTML_CHARS = 16 * 1024 * 1024

/** Longest file name a page may suggest; the saved name is cut to MAX_SAVED_NAME_CHARS. */
export const MAX_SUGGESTED_NAME_CHARS = 1024
export const MAX_SAVED_NAME_CHARS = 120

/** Longest link handed to the system browser or arriving as an invite. */
export const MAX_URL_CHARS = 4096

export function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024)
  return mib >= 1 ? `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`
}
