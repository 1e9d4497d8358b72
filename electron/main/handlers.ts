// The handler of every IPC channel, built from the pieces that do the work. The
// arguments arrive already validated (ipc.ts); the checks here are the ones a
// schema cannot make.
import { sanitiseFileName, withExtension, type AppInfo } from '../../shared/ipc'
import type { createFileHandlers } from './files'
import type { HostController } from './hosting'
import type { IpcHandlers } from './ipc'
import type { PageSize } from './pdf'
import { isHttpsLink } from './security'

export interface HandlerDeps {
  appInfo: () => AppInfo
  files: ReturnType<typeof createFileHandlers>
  host: HostController
  renderPdf: (html: string, pageSize?: PageSize) => Promise<Uint8Array>
  openExternal: (url: string) => Promise<void>
}

export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'app.info': () => deps.appInfo(),
    'host.start': (options) => deps.host.start(options),
    'host.stop': () => deps.host.stop(),
    'host.status': () => deps.host.status(),
    'files.save': (request) => deps.files.save(request),
    'files.open': (request) => deps.files.open(request),
    'print.toPdf': async ({ html, suggestedName, pageSize }) => {
      const pdf = await deps.renderPdf(html, pageSize)
      return deps.files.save({
        suggestedName: withExtension(sanitiseFileName(suggestedName), 'pdf'),
        data: pdf,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      })
    },
    'shell.openExternal': async ({ url }) => {
      // The schema already demands this; main checks again with the URL parser it
      // will hand the link to, because a wrong answer here launches a program.
      if (!isHttpsLink(url)) throw new Error('Only https: links open in the browser.')
      await deps.openExternal(url)
    },
  }
}
