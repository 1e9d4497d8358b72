// Electron's fuses as Convene ships them (issue 13: Electron's security checklist and
// @electron/fuses instead of Electronegativity). Electron's binary cannot run here, so
// the fuses are flipped in a fake binary that holds only what @electron/fuses looks
// for: the sentinel, then the fuse wire (version, length, one byte per fuse).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterEach, describe, expect, it } from 'vitest'
import { applyFuses, conveneFuses, fuseState, runFusesCommand } from '../../../electron/fuses'

/** Where the fuse wire starts in an Electron binary (docs/tutorial/fuses.md, "the hard way"). */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron 45's wire as it ships (build/fuses/fuses.json5): run_as_node on … wasm_trap_handlers on. */
const STOCK_WIRE = '101100011'

const folders: string[] = []
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

const before = Buffer.from('\x7fELF fake Electron, code before the fuses '.repeat(100))
const after = Buffer.from(' code after the fuses'.repeat(100))

/** A file laid out as an Electron binary around its fuse wire (`wire`: one '0'/'1'/'r' per fuse). */
async function fakeElectron(wire = STOCK_WIRE, sentinel = SENTINEL): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'convene-fuses-'))
  folders.push(folder)
  const path = join(folder, 'electron')
  await writeFile(path, Buffer.concat([before, Buffer.from(sentinel), Buffer.from([1, wire.length]), Buffer.from(wire), after]))
  return path
}

const on = true
const off = false
// Each fuse as the checklist asks for a packaged app shipped as app.asar, and why.
const expectations: [FuseV1Options, boolean, string][] = [
  [FuseV1Options.RunAsNode, off, 'ELECTRON_RUN_AS_NODE would make the signed app a general Node runtime'],
  [FuseV1Options.EnableCookieEncryption, on, 'cookies on disk are encrypted with the OS keychain'],
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable, off, 'NODE_OPTIONS could inject code into the main process'],
  [FuseV1Options.EnableNodeCliInspectArguments, off, '--inspect and SIGUSR1 would open a debugger on the main process'],
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, on, 'app.asar must match the hash the packager embedded'],
  [FuseV1Options.OnlyLoadAppFromAsar, on, 'only the validated app.asar is loaded, never a folder beside it'],
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot, off, 'Convene ships no custom V8 snapshot'],
  [FuseV1Options.GrantFileProtocolExtraPrivileges, on, 'the window still loads its module script from file:// (until it moves to a custom protocol)'],
  [FuseV1Options.WasmTrapHandlers, on, 'guard pages check WebAssembly bounds; Electron’s default'],
]
const asarFuses = [FuseV1Options.EnableEmbeddedAsarIntegrityValidation, FuseV1Options.OnlyLoadAppFromAsar]

describe('the fuse configuration', () => {
  it.each(expectations.map(([fuse, state, reason]) => [FuseV1Options[fuse], state ? 'on' : 'off', reason, fuse, state] as const))(
    '%s is %s: %s',
    (_name, _word, _reason, fuse, state) => {
      expect(conveneFuses({ asar: true })[fuse]).toBe(state)
    },
  )

  it('names every fuse this @electron/fuses knows, and requires the binary to have no others', () => {
    const all = Object.values(FuseV1Options).filter((fuse) => typeof fuse === 'number')
    expect(expectations.map(([fuse]) => fuse).sort()).toEqual([...all].sort())
    const config = conveneFuses({ asar: true })
    for (const fuse of all) expect(typeof config[fuse]).toBe('boolean')
    expect(config.strictlyRequireAllFuses).toBe(true)
  })

  it('leaves the asar-only fuses off for an app shipped as a folder, and nothing else', () => {
    const folder = conveneFuses({ asar: false })
    for (const [fuse, state] of expectations) expect(folder[fuse]).toBe(asarFuses.includes(fuse) ? false : state)
  })
})

describe('flipping a binary', () => {
  it('writes every fuse into the wire and nothing else in the file', async () => {
    const path = await fakeElectron()
    const length = (await readFile(path)).length
    await applyFuses(path, { asar: true })

    const wire = await getCurrentFuseWire(path)
    for (const [fuse, state] of expectations) expect(wire[fuse], FuseV1Options[fuse]).toBe(fuseState(state))
    const bytes = await readFile(path)
    expect(bytes.length).toBe(length)
    expect(bytes.subarray(0, before.length).equals(before)).toBe(true)
    expect(bytes.subarray(bytes.length - after.length).equals(after)).toBe(true)
  })

  it('refuses a binary with a fuse it has no setting for, and changes nothing', async () => {
    const path = await fakeElectron(`${STOCK_WIRE}1`)
    const original = await readFile(path)
    await expect(applyFuses(path, { asar: true })).rejects.toThrow(/strictlyRequireAllFuses/)
    expect((await readFile(path)).equals(original)).toBe(true)
  })

  it('refuses a file that is not an Electron binary', async () => {
    const path = await fakeElectron(STOCK_WIRE, 'not the sentinel, just some bytes')
    await expect(applyFuses(path, { asar: true })).rejects.toThrow(/Could not find sentinel/)
  })
})

describe('npm run fuses', () => {
  function output(): { lines: string[]; out: Pick<Console, 'log' | 'error'> } {
    const lines: string[] = []
    return { lines, out: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) } }
  }

  it('flips a binary and lists the fuses; --app-folder leaves the asar fuses off', async () => {
    const path = await fakeElectron()
    const { lines, out } = output()
    expect(await runFusesCommand([path, '--app-folder'], out)).toBe(0)
    expect(lines).toContain('  RunAsNode: off')
    expect(lines).toContain('  OnlyLoadAppFromAsar: off')
    const wire = await getCurrentFuseWire(path)
    for (const fuse of asarFuses) expect(wire[fuse]).toBe(FuseState.DISABLE)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE)

    expect(await runFusesCommand([path], out)).toBe(0)
    expect(lines).toContain('  OnlyLoadAppFromAsar: on')
  })

  it('answers usage errors with 2, and a failure with 1 and the reason', async () => {
    const { lines, out } = output()
    expect(await runFusesCommand([], out)).toBe(2)
    expect(await runFusesCommand(['a', 'b'], out)).toBe(2)
    expect(await runFusesCommand(['--colour'], out)).toBe(2)
    expect(lines.filter((line) => line.includes('Usage: npm run fuses')).length).toBe(3)
    expect(await runFusesCommand([join(tmpdir(), 'convene-no-such-electron')], out)).toBe(1)
    expect(lines.at(-1)).toMatch(/^fuses: .*ENOENT/)
  })
})
