// Saving and opening files through the system dialogs. The dialogs and the file
// system come in as arguments (see index.ts), so tests run without Electron.
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { basename, join } from 'node:path'
import {
  MAX_FILE_BYTES,
  formatBytes,
  sanitiseFileName,
  type ChannelParsedArgs,
  type FileFilter,
  type OpenedFile,
  type SaveFileResult,
} from '../../shared/ipc'
import { errorMessage } from '../../shared/errors'

export interface FileDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>
  writeFile(path: string, data: string | Uint8Array): Promise<void>
  readFile(path: string): Promise<Uint8Array>
  fileSize(path: string): Promise<number>
  /** The folder the save dialog starts in (the user's Documents folder). */
  defaultFolder?: string
}

export interface SaveRequest {
  suggestedName: string
  data: string | Uint8Array
  filters?: FileFilter[]
}

export function createFileHandlers(deps: FileDeps) {
  async function save(request: SaveRequest): Promise<SaveFileResult> {
    const name = sanitiseFileName(request.suggestedName)
    const { canceled, filePath } = await deps.showSaveDialog({
      defaultPath: deps.defaultFolder ? join(deps.defaultFolder, name) : name,
      filters: request.filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    })
    if (canceled || !filePath) return { saved: false }
    try {
      await deps.writeFile(filePath, request.data)
    } catch (error) {
      throw new Error(`Could not save ${basename(filePath)}: ${reason(error)}`, { cause: error })
    }
    return { saved: true, path: filePath }
  }

  async function open(args: ChannelParsedArgs<'files.open'>): Promise<OpenedFile | null> {
    const { canceled, filePaths } = await deps.showOpenDialog({
      filters: args?.filters,
      properties: ['openFile'],
    })
    const path = filePaths[0]
    if (canceled || !path) return null
    const name = basename(path)
    // Check the size before reading, so a huge file is refused without filling memory.
    const size = await deps.fileSize(path)
    if (size > MAX_FILE_BYTES) {
      throw new Error(`${name} is ${formatBytes(size)}; Convene opens files up to ${formatBytes(MAX_FILE_BYTES)}.`)
    }
    let data: Uint8Array
    try {
      data = await deps.readFile(path)
    } catch (error) {
      throw new Error(`Could not open ${name}: ${reason(error)}`, { cause: error })
    }
    // A small Buffer is a window onto a shared pool, and IPC copies a view's whole
    // backing store: hand over a copy unless the view is exactly this file.
    const whole = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
    return { name, data: whole && data.buffer instanceof ArrayBuffer ? new Uint8Array(data.buffer) : new Uint8Array(data) }
  }

  return { save, open }
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = error.code
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
    if (code === 'ENOSPC') return 'the disk is full'
    if (code === 'ENOENT') return 'the file or folder no longer exists'
  }
  return errorMessage(error)
}
