import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runExport } from '../../../../../electron/cli/commands/export'
import { commands } from '../../../../../electron/cli/commands'
import { writeArchive } from '../../../../../shared/session'
import { sampleConvening } from '../../../shared/notes/sample'

let dir = ''
let archive = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-export-'))
  archive = join(dir, 'spring.convene')
  await writeFile(archive, writeArchive(sampleConvening().doc))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runExport(args, { out: (t) => out.push(t), err: (t) => err.push(t) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

async function tree(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(folder.length + 1)).sort()
}

describe('convene export', () => {
  it('is a registered command', () => {
    expect(commands.export.summary).toMatch(/Markdown or HTML/)
  })

  it('writes a Markdown folder: the note named after the title, and its images', async () => {
    const out = join(dir, 'notes-md')
    const result = await run([archive, '--format', 'md', '--out', out])
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    const files = await tree(out)
    expect(files).toHaveLength(2)
    expect(files).toContain(join('images', 'diagram-1.svg'))
    const note = files.find((f) => f.endsWith('.md'))!
    // The title holds "/", ":" and quotes: none of them reaches the file name.
    expect(note).toMatch(/^Spring - gathering- -day one- --- -script-alert\(1\)--script-\.md$/)
    const markdown = await readFile(join(out, note), 'utf8')
    expect(parse(/^---\n([\s\S]*?)\n---\n/.exec(markdown)![1])).toMatchObject({ date: '2026-03-12', people: expect.any(Array) })
    expect(markdown).toContain('](images/diagram-1.svg)')
    expect(result.out).toContain('Wrote 2 files')
  })

  it('writes one HTML page, to a named file or into a folder', async () => {
    const named = join(dir, 'page', 'harvest.html')
    expect((await run([archive, '--format', 'html', '--out', named])).code).toBe(0)
    const html = await readFile(named, 'utf8')
    expect(html).toContain('<img src="data:image/svg+xml;base64,')
    const folder = join(dir, 'pages')
    expect((await run([archive, '--format', 'html', '--out', folder, '--time-zone', 'Asia/Tokyo'])).code).toBe(0)
    const [page] = await tree(folder)
    expect(page).toMatch(/^Spring - gathering.*\.html$/)
    expect(await readFile(join(folder, page), 'utf8')).toContain('Convened on 12 March 2026')
  })

  it('refuses to write into a folder that is not empty, or over a page, unless forced', async () => {
    const out = join(dir, 'busy')
    await mkdir(out)
    await writeFile(join(out, 'keep.txt'), 'mine')
    const refused = await run([archive, '--format', 'md', '--out', out])
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/is not empty; choose an empty folder or add --force/)
    expect(await tree(out)).toEqual(['keep.txt'])
    expect((await run([archive, '--format', 'md', '--out', out, '--force'])).code).toBe(0)
    expect(await tree(out)).toHaveLength(3)

    const page = join(dir, 'existing.html')
    await writeFile(page, 'old')
    expect((await run([archive, '--format', 'html', '--out', page])).err).toMatch(/exists; add --force to replace it/)
    expect(await readFile(page, 'utf8')).toBe('old')
    expect((await run([archive, '--format', 'html', '--out', page, '--force'])).code).toBe(0)
    expect(await readFile(page, 'utf8')).toContain('<!doctype html>')
  })

  it('rejects a bad archive with a clear message and writes nothing', async () => {
    const good = await readFile(archive)
    const cases: [string, Uint8Array, RegExp][] = [
      ['cut.convene', good.subarray(0, good.length - 10), /cut off/],
      ['text.convene', new TextEncoder().encode('hello'), /not a Convene archive/],
      ['flipped.convene', Uint8Array.from(good, (b, i) => (i === 100 ? b ^ 1 : b)), /damaged/],
    ]
    for (const [name, bytes, message] of cases) {
      const file = join(dir, name)
      await writeFile(file, bytes)
      const out = join(dir, `out-${name}`)
      const result = await run([file, '--format', 'md', '--out', out])
      expect(result.code, name).toBe(1)
      expect(result.err).toMatch(message)
      await expect(readdir(out)).rejects.toThrow()
    }
  })

  it('explains what is wrong with the command line', async () => {
    expect((await run([])).err).toMatch(/which archive\?/)
    expect((await run([archive, '--format', 'pdf', '--out', 'x'])).err).toMatch(/--format must be md or html/)
    expect((await run([archive, '--format', 'md'])).err).toMatch(/--out PATH is needed/)
    expect((await run([archive, '--format', 'md', '--out', 'x', '--time-zone', 'Mars/Base'])).err).toMatch(/not a time zone/)
    expect((await run([join(dir, 'missing.convene'), '--format', 'md', '--out', 'x'])).code).toBe(1)
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^Usage: convene export FILE.convene --format md\|html --out PATH/)
  })
})
