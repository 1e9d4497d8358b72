// The desktop app's main process: one instance, one window, and the wiring of the
// tested modules beside this file to Electron. Logic lives in those modules; this
// file only connects them, because Electron cannot run in our tests.
import { BrowserWindow, Menu, app, dialog, ipcMain, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../shared/security'
import { createFileHandlers } from './files'
import { createHandlers } from './handlers'
import { lanAddresses, startConveneHost } from './host'
import { closeHostBeforeQuit, createHostController } from './hosting'
import { registerIpc, sendEvent } from './ipc'
import { menuTemplate } from './menu'
import { PRINT_PARTITION, createPdfRenderer } from './pdf'
import { InviteRelay, findInviteLink, registerInviteScheme } from './protocol'
import { guardContents, guardSession, isAppPage, type SecurityOptions } from './security'
import { appLocation, mainWindowOptions } from './window'
import { errorMessage } from '../../shared/errors'

const mainDir = import.meta.dirname
const rendererDir = join(mainDir, '../renderer')
const preloadPath = join(mainDir, '../preload/index.cjs')
const location = appLocation({ packaged: app.isPackaged, env: process.env, mainDir })

const security: SecurityOptions = {
  appUrl: location.url,
  openExternal: (url) => shell.openExternal(url),
  // Vite's dev server injects an inline module script for React Fast Refresh, which
  // the strict policy forbids; the dev server only ever runs on this machine.
  contentSecurityPolicy: location.kind === 'file' ? CONTENT_SECURITY_POLICY : undefined,
}

const invites = new InviteRelay()
const host = createHostController({
  startConveneHost,
  lanAddresses,
  // Browser guests on the LAN load the built app from the host; from source there may be none yet.
  staticDir: existsSync(join(rendererDir, 'index.html')) ? rendererDir : undefined,
  // The host also runs the relay, keeping its (encrypted) rooms with the app's data.
  relayDataDir: join(app.getPath('userData'), 'relay'),
})
let mainWindow: BrowserWindow | undefined

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath))
  mainWindow = win
  win.once('ready-to-show', () => win.show())
  win.webContents.on('did-start-loading', () => invites.notReady())
  win.webContents.on('did-finish-load', () => invites.ready((link) => sendEvent(win.webContents, 'invite.opened', link)))
  win.on('closed', () => {
    invites.notReady()
    if (mainWindow === win) mainWindow = undefined
  })
  const loaded = location.kind === 'url' ? win.loadURL(location.url) : win.loadFile(location.path)
  loaded.catch((error: unknown) => console.error('Convene could not load its window', error))
  return win
}

/** Brings the window forward when an invite or a second launch arrives. */
function showWindow(): void {
  if (!app.isReady()) return
  const win = mainWindow ?? createMainWindow()
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
}

function documentsFolder(): string | undefined {
  try {
    return app.getPath('documents')
  } catch {
    return undefined
  }
}

function registerHandlers(): void {
  const files = createFileHandlers({
    showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    writeFile: (path, data) => writeFile(path, data),
    readFile: (path) => readFile(path),
    fileSize: async (path) => (await stat(path)).size,
    defaultFolder: documentsFolder(),
  })
  const pdf = createPdfRenderer({
    createWindow: (options) => new BrowserWindow(options),
    makeTempDir: () => mkdtemp(join(tmpdir(), 'convene-print-')),
    writeFile: (path, text) => writeFile(path, text, 'utf8'),
    removeDir: (path) => rm(path, { recursive: true, force: true }),
  })
  const printSession = session.fromPartition(PRINT_PARTITION)
  printSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !pdf.isAllowedRequest(details.url) }))
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  printSession.setPermissionCheckHandler(() => false)

  registerIpc(
    ipcMain,
    createHandlers({
      appInfo: () => ({ version: app.getVersion(), platform: process.platform, electron: process.versions.electron }),
      files,
      host,
      renderPdf: (html, pageSize) => pdf.render(html, pageSize),
      openExternal: (url) => shell.openExternal(url),
    }),
    { isTrustedSender: (url) => isAppPage(url, location.url) },
  )
}

function onReady(): void {
  guardSession(session.defaultSession, security)
  app.setAboutPanelOptions({ applicationName: 'Convene', applicationVersion: app.getVersion() })
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ platform: process.platform, appName: 'Convene', developer: !app.isPackaged, onAbout: () => app.showAboutPanel() }),
    ),
  )
  registerHandlers()
  createMainWindow()
}

function start(): void {
  registerInviteScheme(app, process, (path) => resolve(path))
  // Every WebContents, including the print window and any the page might try to open.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, security))
  // macOS delivers links this way, possibly before 'ready'; InviteRelay holds them.
  app.on('open-url', (event, url) => {
    event.preventDefault()
    invites.open(url)
    showWindow()
  })
  // Windows and Linux start a second instance with the link in its argv.
  app.on('second-instance', (_event, argv) => {
    const link = findInviteLink(argv)
    if (link) invites.open(link)
    showWindow()
  })
  const launchLink = findInviteLink(process.argv)
  if (launchLink) invites.open(launchLink)

  closeHostBeforeQuit(app, host)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && !mainWindow) createMainWindow()
  })
  app.whenReady().then(onReady).catch((error: unknown) => {
    console.error(error)
    dialog.showErrorBox('Convene could not start', errorMessage(error))
    app.exit(1)
  })
}

if (app.requestSingleInstanceLock()) start()
else app.quit()
