// Where a relay keeps its rooms: one LevelDB folder (classic-level).
//
// Why LevelDB through classic-level: the npm package ships N-API prebuilt binaries, so
// it installs with no compiler and no download and loads unchanged in Node and in
// Electron's main process (N-API is ABI-stable); LevelDB has a write-ahead log and
// atomic batches, so a crash loses at most the write in flight and never leaves a
// half-written room; the Level project maintains it. The official
// @hocuspocus/extension-sqlite needs better-sqlite3, which must be compiled on this
// machine and rebuilt for Electron's ABI.
//
// LevelDB locks its folder: one relay process per data folder.
import { mkdir } from 'node:fs/promises'
import { ClassicLevel } from 'classic-level'
import { errorMessage } from '../../../shared/errors'

const DOC = 'doc:'
const VERIFIER = 'verifier:'

export interface RelayStore {
  readonly dataDir: string
  /** A room's stored Yjs state (its encrypted log), or null when it has none. */
  fetch(room: string): Promise<Uint8Array | null>
  store(room: string, state: Uint8Array): Promise<void>
  verifier(room: string): Promise<Uint8Array | null>
  /** Stores `hash` as the room's verifier unless it has one; returns the one it has now. */
  claimVerifier(room: string, hash: Uint8Array): Promise<Uint8Array>
  close(): Promise<void>
}

function isLocked(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause
  return cause?.code === 'LEVEL_LOCKED'
}

export async function openRelayStore(dataDir: string): Promise<RelayStore> {
  await mkdir(dataDir, { recursive: true })
  const db = new ClassicLevel<string, Uint8Array>(dataDir, { keyEncoding: 'utf8', valueEncoding: 'view' })
  try {
    await db.open()
  } catch (error) {
    if (isLocked(error)) {
      throw new Error(`The relay data folder ${dataDir} is in use by another relay (LevelDB locks it): run one relay per data folder, or choose another folder.`, { cause: error })
    }
    throw new Error(`Could not open the relay data folder ${dataDir}: ${errorMessage(error)}`, { cause: error })
  }
  // Claims are read-then-write; one at a time per room, so two first connections agree.
  const claims = new Map<string, Promise<Uint8Array>>()
  const get = async (key: string): Promise<Uint8Array | null> => (await db.get(key)) ?? null

  return {
    dataDir,
    fetch: (room) => get(DOC + room),
    store: (room, state) => db.put(DOC + room, state),
    verifier: (room) => get(VERIFIER + room),
    claimVerifier(room, hash) {
      const previous = claims.get(room) ?? Promise.resolve(hash)
      const next = previous.then(async () => {
        const existing = await get(VERIFIER + room)
        if (existing) return existing
        await db.put(VERIFIER + room, hash)
        return hash
      })
      const settled = next.catch(() => hash)
      claims.set(room, settled)
      void settled.then(() => {
        if (claims.get(room) === settled) claims.delete(room)
      })
      return next
    },
    close: () => db.close(),
  }
}
