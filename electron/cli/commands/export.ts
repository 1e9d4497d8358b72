// `convene export FILE.convene --format md|html --out PATH`: the notes of an archived
// convening, written without the app (for scripts, shared drives and servers).
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, isAbsolute, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { ARCHIVE_LIMITS, readArchive } from '../../../shared/session'
import { collectHarvest, harvestFolder, harvestName, harvestToHtml, isValidTimeZone } from '../../../shared/notes'
import { sanitiseFileName, withExtension } from '../../../shared/ipc'
import type { Command } from './index'
import { errorMessage } from '../../../shared/errors'

const usage = `Usage: convene export FILE.convene --format md|html --out PATH [options]

Writes the notes of a convening archive (a .convene file saved from Convene).

  --format md     a Markdown folder: PATH/<title>.md with its images in PATH/images/
  --format html   one self-contained web page: PATH itself when it ends in .html,
                  otherwise PATH/<title>.html
  --out PATH      where to write (folders are created)

Options:
  --force         write into a folder that is not empty, or replace an existing page
  --time-zone TZ  write dates in this time zone (default: the facilitator's)
  -h, --help      show this help`

export interface ExportIo {
  out(text: string): void
  err(text: string): void
}

const nodeIo: ExportIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}

class UsageError extends Error {}

interface Options {
  file: string
  format: 'md' | 'html'
  out: string
  force: boolean
  timeZone?: string
}

function parse(args: string[]): Options | 'help' {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      'time-zone': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give one archive only' : 'which archive? Give FILE.convene')
  if (values.format !== 'md' && values.format !== 'html') throw new UsageError('--format must be md or html')
  if (!values.out || values.out.trim() === '') throw new UsageError('--out PATH is needed')
  const timeZone = values['time-zone']
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) throw new UsageError(`--time-zone: "${timeZone}" is not a time zone (try Europe/Lisbon or UTC)`)
  return { file: positionals[0], format: values.format, out: values.out, force: values.force ?? false, timeZone }
}

async function readArchiveFile(path: string): Promise<Uint8Array> {
  const info = await stat(path)
  if (!info.isFile()) throw new Error('not a file')
  if (info.size > ARCHIVE_LIMITS.maxBytes) throw new Error(`larger than ${ARCHIVE_LIMITS.maxBytes / 1024 / 1024} MB, the most Convene opens`)
  return new Uint8Array(await readFile(path))
}

async function kindOf(path: string): Promise<'missing' | 'file' | 'folder' | 'other'> {
  try {
    const info = await stat(path)
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

/** A path inside `folder`, refusing anything that would land outside it. */
function inside(folder: string, path: string): string {
  const target = resolve(folder, path)
  const rel = relative(resolve(folder), target)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`refusing to write outside ${folder}: ${path}`)
  return target
}

/** Every file to write, as absolute paths, checked before the first one is written. */
async function plan(options: Options, files: { path: string; data: string | Uint8Array }[]): Promise<{ path: string; data: string | Uint8Array }[]> {
  const folder = resolve(options.out)
  const kind = await kindOf(folder)
  if (kind === 'file' || kind === 'other') throw new Error(`${options.out} exists and is not a folder`)
  if (kind === 'folder' && !options.force && (await readdir(folder)).length > 0) {
    throw new Error(`${options.out} is not empty; choose an empty folder or add --force to write into it`)
  }
  return files.map((file) => ({ path: inside(folder, file.path), data: file.data }))
}

async function planPage(options: Options, name: string, html: string): Promise<{ path: string; data: string }[]> {
  const wantsFile = /\.html?$/i.test(options.out)
  const folder = resolve(wantsFile ? dirname(options.out) : options.out)
  const kind = await kindOf(folder)
  if (kind === 'file' || kind === 'other') throw new Error(`${folder} exists and is not a folder`)
  const fileName = wantsFile ? sanitiseFileName(basename(options.out)) : withExtension(name, 'html')
  const target = inside(folder, extname(fileName) ? fileName : withExtension(fileName, 'html'))
  const existing = await kindOf(target)
  if (existing !== 'missing' && (existing !== 'file' || !options.force)) {
    throw new Error(existing === 'file' ? `${target} exists; add --force to replace it` : `${target} exists and is not a file`)
  }
  return [{ path: target, data: html }]
}

export async function runExport(args: string[], overrides: Partial<ExportIo> = {}): Promise<number> {
  const io: ExportIo = { ...nodeIo, ...overrides }
  let options: Options
  try {
    const parsed = parse(args)
    if (parsed === 'help') {
      io.out(usage)
      return 0
    }
    options = parsed
  } catch (error) {
    io.err(`convene export: ${errorMessage(error)}\n\n${usage}`)
    return 2
  }

  let bytes: Uint8Array
  try {
    bytes = await readArchiveFile(options.file)
  } catch (error) {
    io.err(`convene export: ${options.file}: ${errorMessage(error)}`)
    return 1
  }
  const archive = readArchive(bytes)
  if (!archive.ok) {
    io.err(`convene export: ${options.file}: ${archive.message}`)
    return 1
  }
  try {
    const harvest = collectHarvest(archive.doc, { timeZone: options.timeZone })
    const writes =
      options.format === 'md'
        ? await plan(options, harvestFolder(harvest).files)
        : await planPage(options, sanitiseFileName(harvestName(harvest), 100), harvestToHtml(harvest))
    for (const file of writes) {
      await mkdir(dirname(file.path), { recursive: true })
      await writeFile(file.path, file.data)
    }
    io.out(`Wrote ${writes.length === 1 ? writes[0].path : `${writes.length} files to ${resolve(options.out)}`}`)
    if (writes.length > 1) for (const file of writes) io.out(`  ${relative(resolve(options.out), file.path)}`)
    return 0
  } catch (error) {
    io.err(`convene export: ${errorMessage(error)}`)
    return 1
  } finally {
    archive.doc.destroy()
  }
}

export const exportCommand: Command = {
  summary: 'write the notes of a .convene archive as Markdown or HTML',
  run: (args) => runExport(args),
}
