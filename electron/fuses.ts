// Electron's fuses: switches baked into the Electron binary that a packager flips before
// code signing, so the signature then guards them (Electron's security checklist, and
// https://www.electronjs.org/docs/latest/tutorial/fuses). This replaces Electronegativity,
// which is unmaintained and does not understand current Electron. The window's own
// settings are checked in electron/main/security.ts; these are the binary's.
//
// A packager applies them to the binary it ships (never to node_modules/electron):
//   npm run fuses -- path/to/Convene.app            (macOS: the bundle)
//   npm run fuses -- path/to/convene                (Linux: the executable)
//   npm run fuses -- path/to/Convene.exe            (Windows)
// with --app-folder when the app is shipped as a resources/app folder, not app.asar.
// `npm start` runs the unpacked out/ folder with the stock Electron binary, so nothing
// here applies to it; tests/unit/electron/fuses.test.ts flips a fake binary instead.
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { flipFuses, FuseState, FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses'
import type { FuseConfig, FuseV1Config } from '@electron/fuses'
import { errorMessage } from '../shared/errors'

export interface FusePackaging {
  /**
   * The app is shipped as resources/app.asar, by a packager that embeds the archive's
   * integrity hash (Electron Forge, @electron/packager and electron-builder do). False
   * for an app shipped as a plain resources/app folder.
   */
  asar: boolean
}

/** Every V1 fuse with the state Convene ships it in (`strictlyRequireAllFuses` makes a new fuse fail loudly). */
export type ConveneFuses = FuseV1Config & Record<FuseV1Options, boolean> & { strictlyRequireAllFuses: true }

/** The fuses of a packaged Convene, by what the package holds. */
export function conveneFuses(packaging: FusePackaging): ConveneFuses {
  return {
    version: FuseVersion.V1,
    // A later Electron with a fuse this list does not name refuses to be flipped, rather
    // than shipping that fuse at whatever Electron's default is.
    strictlyRequireAllFuses: true,
    // ELECTRON_RUN_AS_NODE turns the signed app into a general Node.js runtime for
    // whoever starts it ("living off the land"). Convene never uses it: the `convene`
    // command runs on plain Node (bin/convene.cjs), and the main process forks nothing.
    [FuseV1Options.RunAsNode]: false,
    // Chromium's cookie store on disk is encrypted with the OS keychain, as in Chrome.
    // One-way: turning it off again later leaves the stored cookies unreadable.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) would let the environment inject code or
    // trust into the main process; production never needs them.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect, --inspect-brk and SIGUSR1 would open a debugger on the main process,
    // which holds the keys and the files: nobody debugs a shipped app that way.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // These two only make sense for an app shipped as app.asar, and together they are
    // the point: Electron loads only app.asar, and only if its hash matches the one the
    // packager embedded (macOS and Windows check it), so nobody can swap the app's code
    // under a valid signature. For an app shipped as a folder, OnlyLoadAppFromAsar would
    // leave Electron with nothing to start, and there is no archive to validate: both
    // stay off, and the folder is protected only by the OS's signature checks.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: packaging.asar,
    [FuseV1Options.OnlyLoadAppFromAsar]: packaging.asar,
    // Convene ships no custom V8 snapshot; on, the main process would look for a
    // browser_v8_context_snapshot.bin that is not there.
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The checklist (item 18) asks apps to serve their pages from a custom protocol and
    // then to switch this off. Convene's window still loads out/renderer/index.html from
    // file:// (electron/main/window.ts), with its script and stylesheet `crossorigin`:
    // without these privileges file: is treated as in a browser, which blocks both
    // ("Cross origin requests are only supported for protocol schemes: … http, https",
    // as Chromium itself says for out/renderer/index.html) and leaves an empty window;
    // nor are files inside app.asar served to file: pages. Switching this off waits for
    // the window to move to a custom protocol (protocol.handle); until then it stays on,
    // as Electron ships it.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: true,
    // WebAssembly bounds checks by guard pages; off, V8 emits explicit checks that make
    // code bigger and slower without making it safer. Electron's default.
    [FuseV1Options.WasmTrapHandlers]: true,
  }
}

export interface ApplyFusesOptions extends FusePackaging {
  /** macOS on Apple silicon: re-sign the bundle ad hoc after flipping (only when there is no real signature to come). */
  resetAdHocDarwinSignature?: boolean
}

/** The state a fuse is written as: FuseState.ENABLE or FuseState.DISABLE. */
export function fuseState(on: boolean): FuseState {
  return on ? FuseState.ENABLE : FuseState.DISABLE
}

/**
 * Flips Convene's fuses in the Electron binary at `electronPath` (an executable, or a
 * macOS .app bundle), then reads them back and throws if any did not take. Run it on the
 * packaged binary before code signing. Returns the fuses as read back.
 */
export async function applyFuses(electronPath: string, options: ApplyFusesOptions): Promise<FuseConfig<FuseState>> {
  const wanted = conveneFuses(options)
  await flipFuses(electronPath, { ...wanted, resetAdHocDarwinSignature: options.resetAdHocDarwinSignature ?? false })
  const wire = await getCurrentFuseWire(electronPath)
  const wrong = Object.values(FuseV1Options)
    .filter((fuse): fuse is FuseV1Options => typeof fuse === 'number')
    .filter((fuse) => wire[fuse] !== fuseState(wanted[fuse]))
  if (wrong.length > 0) throw new Error(`These fuses did not take in ${electronPath}: ${wrong.map((fuse) => FuseV1Options[fuse]).join(', ')}`)
  return wire
}

const usage = `Usage: npm run fuses -- ELECTRON [options]

Flips Convene's Electron fuses in the packaged binary ELECTRON (the executable, or the
macOS .app bundle), before it is code signed. See electron/fuses.ts for each fuse.

Options:
  --app-folder                the app is shipped as resources/app, not app.asar: leave the
                              asar-only fuses off (Electron would not start otherwise)
  --reset-adhoc-signature     macOS on Apple silicon: re-sign the bundle ad hoc afterwards
  -h, --help                  show this help`

/** The `npm run fuses` command; returns the exit code (2 for a usage error). */
export async function runFusesCommand(args: string[], out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  let values: { 'app-folder'?: boolean; 'reset-adhoc-signature'?: boolean; help?: boolean }
  let positionals: string[]
  try {
    ;({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { 'app-folder': { type: 'boolean' }, 'reset-adhoc-signature': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }))
  } catch (error) {
    out.error(`${errorMessage(error)}\n\n${usage}`)
    return 2
  }
  if (values.help) {
    out.log(usage)
    return 0
  }
  if (positionals.length !== 1) {
    out.error(`Name one Electron binary (got ${positionals.length}).\n\n${usage}`)
    return 2
  }
  const target = resolve(positionals[0])
  try {
    const wire = await applyFuses(target, { asar: !values['app-folder'], resetAdHocDarwinSignature: values['reset-adhoc-signature'] })
    out.log(`Fuses flipped in ${target}:`)
    for (const [key, state] of Object.entries(wire)) {
      const name = FuseV1Options[Number(key)]
      if (name !== undefined) out.log(`  ${name}: ${state === FuseState.ENABLE ? 'on' : 'off'}`)
    }
    return 0
  } catch (error) {
    out.error(`fuses: ${errorMessage(error)}`)
    return 1
  }
}

// Run directly (`npm run fuses`, i.e. tsx electron/fuses.ts), not when imported.
const entry = process.argv[1]
if (entry !== undefined && resolve(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runFusesCommand(process.argv.slice(2))
}
