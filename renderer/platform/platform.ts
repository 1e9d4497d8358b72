// The one place the app asks "desktop or browser?". Components call these functions
// and never look at `window.convene` themselves.
import {
  isExternalLink,
  type ConveneBridge,
  type FileFilter,
  type HostAddresses,
  type HostOptions,
  type HostStatus,
  type OpenedFile,
  type SaveFileResult,
} from '../../shared/ipc'
import { copyText, downloadFile, pickFile, type BrowserEnv } from './browser'

export interface SaveFileOptions {
  suggestedName: string
  data: string | Uint8Array
  mimeType: string
  /** For the desktop save dialog; by default the suggested name's extension. */
  filters?: FileFilter[]
}

export interface PrintOptions {
  html: string
  suggestedName: string
  pageSize?: 'A4' | 'Letter'
}

export interface Host {
  start(options: HostOptions): Promise<HostAddresses>
  stop(): Promise<void>
  status(): Promise<HostStatus>
}

export interface Platform {
  readonly kind: 'desktop' | 'browser'
  /** Resolves false when the browser refused every way to copy. */
  copyText(text: string): Promise<boolean>
  /** In a browser the file is downloaded: `saved` then means the download started. */
  saveFile(options: SaveFileOptions): Promise<SaveFileResult>
  /** Null when the person cancels. Rejects for a file over the size limit. */
  openFile(options?: { accept?: FileFilter[] }): Promise<OpenedFile | null>
  /** Desktop only: a browser guest prints with the browser's own Print dialog. */
  readonly printToPdf: ((options: PrintOptions) => Promise<SaveFileResult>) | undefined
  /** Desktop only: hosting the signaling server and web app on this computer. */
  readonly host: Host | undefined
  /** `convene:` links the operating system opens; returns the unsubscribe function. */
  onInviteLink(listener: (url: string) => void): () => void
  /** Opens an https: link in the system browser (desktop) or a new tab; rejects other links. */
  openExternal(url: string): Promise<void>
}

function extensionFilters(name: string): FileFilter[] | undefined {
  const match = /\.([A-Za-z0-9]{1,16})$/.exec(name)
  return match ? [{ name: `${match[1].toUpperCase()} file`, extensions: [match[1]] }] : undefined
}

function refuseLink(): Promise<never> {
  return Promise.reject(new Error('Only https: links open in the browser.'))
}

export function createPlatform(bridge: ConveneBridge | undefined, env: BrowserEnv): Platform {
  if (bridge) return desktopPlatform(bridge, env)
  return {
    kind: 'browser',
    copyText: (text) => copyText(env, text),
    saveFile: (options) => {
      downloadFile(env, options)
      return Promise.resolve({ saved: true })
    },
    openFile: (options) => pickFile(env, options?.accept ?? []),
    printToPdf: undefined,
    host: undefined,
    onInviteLink: () => () => undefined,
    openExternal: (url) => {
      if (!isExternalLink(url)) return refuseLink()
      env.open(url, '_blank', 'noopener,noreferrer')
      return Promise.resolve()
    },
  }
}

function desktopPlatform(bridge: ConveneBridge, env: BrowserEnv): Platform {
  return {
    kind: 'desktop',
    // The page's own clipboard API works in the app (main grants clipboard writes).
    copyText: (text) => copyText(env, text),
    saveFile: ({ suggestedName, data, filters }) =>
      bridge.files.save({ suggestedName, data, filters: filters ?? extensionFilters(suggestedName) }),
    openFile: (options) => bridge.files.open(options?.accept ? { filters: options.accept } : undefined),
    printToPdf: (options) => bridge.print.toPdf(options),
    host: {
      start: (options) => bridge.host.start(options),
      stop: () => bridge.host.stop(),
      status: () => bridge.host.status(),
    },
    onInviteLink: (listener) => bridge.invite.onOpened(listener),
    openExternal: (url) => (isExternalLink(url) ? bridge.shell.openExternal({ url }) : refuseLink()),
  }
}
