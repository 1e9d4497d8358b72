// `convene://` invite links. The operating system hands a link to the app in three
// ways: macOS sends 'open-url' (possibly before the window exists), Windows and
// Linux start a second instance whose argv holds the link (or put it in the first
// instance's own argv at launch). Links wait in InviteRelay until the window has
// loaded, then travel as the `invite.opened` event.
import { isInviteLink } from '../../shared/ipc'

export const INVITE_SCHEME = 'convene'

/** The first argument that is a valid invite link (argv also holds the executable, flags and paths). */
export function findInviteLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${INVITE_SCHEME}:`) && isInviteLink(arg))
}

/** The part of Electron's app that registers the scheme. */
export interface ProtocolApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean
}

/**
 * Makes this app the handler of convene: links. When run unpackaged (`electron .`),
 * the OS must start Electron with the app's path, or the link would open a bare Electron.
 */
export function registerInviteScheme(
  app: ProtocolApp,
  proc: { defaultApp?: boolean; execPath: string; argv: readonly string[] },
  resolvePath: (path: string) => string,
): boolean {
  const appPath = proc.argv[1]
  if (proc.defaultApp && appPath) {
    return app.setAsDefaultProtocolClient(INVITE_SCHEME, proc.execPath, [resolvePath(appPath)])
  }
  return app.setAsDefaultProtocolClient(INVITE_SCHEME)
}

/** Holds invite links until the window can take them; at most `limit` wait (the newest). */
export class InviteRelay {
  private pending: string[] = []
  private deliver: ((link: string) => void) | undefined

  constructor(private readonly limit = 8) {}

  /** Returns false (and drops the link) when it is not a convene: link. */
  open(link: string): boolean {
    if (!isInviteLink(link)) return false
    if (this.deliver) {
      this.deliver(link)
    } else {
      this.pending.push(link)
      if (this.pending.length > this.limit) this.pending.shift()
    }
    return true
  }

  /** The window has loaded: send what waited, then every new link at once. */
  ready(deliver: (link: string) => void): void {
    this.deliver = deliver
    for (const link of this.pending.splice(0)) deliver(link)
  }

  /** The window is reloading or gone: hold links again. */
  notReady(): void {
    this.deliver = undefined
  }

  get waiting(): number {
    return this.pending.length
  }
}
