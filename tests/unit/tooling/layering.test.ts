import { describe, expect, it } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import tseslint from 'typescript-eslint'

// The layering rule of eslint.config.js, checked on small probe files: shared/ imports
// no DOM, Node, React or Electron; renderer/ and electron/ never import each other; a
// feature, renderer/ui or sync, or a shared/ module is reached only through its index.ts.
// Loaded by path so the type-checker does not need declarations for a plain JS config.
const configPath = '../../../eslint.config.js'
const { default: config } = (await import(/* @vite-ignore */ configPath)) as { default: Linter.Config[] }
const layering = config
  .filter((block) => block.rules && 'no-restricted-imports' in block.rules)
  .map((block) => ({ files: block.files, rules: { 'no-restricted-imports': block.rules!['no-restricted-imports'] } }))

const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [{ languageOptions: { parser: tseslint.parser } }, ...layering] as Linter.Config[],
})

// The syntax rules, in the config's order (flat config lets a later block replace a
// rule for the files it matches, which is exactly what could switch one off unseen).
const syntax = new ESLint({
  cwd: process.cwd(),
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser } },
    ...config
      .filter((block) => block.rules && 'no-restricted-syntax' in block.rules)
      .map((block) => ({ files: block.files, rules: { 'no-restricted-syntax': block.rules!['no-restricted-syntax'] } })),
  ] as Linter.Config[],
})

async function problems(filePath: string, code: string, linter = eslint): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath })
  return result.messages.map((m) => m.message)
}

describe('the layering rule', () => {
  it('keeps shared/ free of React, Electron, Node, storage and the other layers', async () => {
    for (const source of ["import React from 'react'", "import { app } from 'electron'", "import fs from 'node:fs'", "import { Dexie } from 'dexie'", "import { App } from '../../renderer/app/App'", "import '../../electron/main/ipc'"]) {
      expect((await problems('shared/session/probe.ts', source)).length, source).toBeGreaterThan(0)
    }
    expect(await problems('shared/session/probe.ts', "import * as Y from 'yjs'\nimport { z } from 'zod'")).toEqual([])
  })

  it('keeps renderer/ and electron/ apart', async () => {
    expect(await problems('renderer/app/probe.ts', "import { registerIpc } from '../../electron/main/ipc'")).toHaveLength(1)
    expect(await problems('renderer/app/probe.ts', "import { readFileSync } from 'node:fs'")).toHaveLength(1)
    expect(await problems('electron/main/probe.ts', "import { App } from '../../renderer/app/App'")).toHaveLength(1)
    expect(await problems('electron/main/probe.ts', "import { ipcContract } from '../../shared/ipc'")).toEqual([])
    expect(await problems('renderer/app/probe.ts', "import { readTitle } from '../../shared/session'")).toEqual([])
  })

  it('lets other code reach a feature, renderer/ui or sync, or a shared/ module only through its index.ts', async () => {
    const deep: [string, string][] = [
      ['renderer/features/agenda/probe.ts', "import { Notice } from '../conversation/Notice'"],
      ['renderer/features/diagram/cld/probe.ts', "import { useNames } from '../../conversation/people'"],
      ['renderer/app/probe.ts', "import { JoinScreen } from '../features/home/JoinScreen'"],
      ['renderer/features/agenda/probe.ts', "import { useNow } from '../../ui/clock'"],
      ['renderer/features/diagram/cld/probe.ts', "import { ValueStore } from '../../../sync/store'"],
      ['renderer/features/notes/probe.ts', "import { readTitle } from '../../../shared/session/doc'"],
      ['electron/main/probe.ts', "import { readTitle } from '../../shared/session/doc'"],
    ]
    for (const [file, source] of deep) expect(await problems(file, source), `${file}: ${source}`).toHaveLength(1)
    const allowed: [string, string][] = [
      ['renderer/features/agenda/probe.ts', "import { ConversationPanel } from '../conversation'"],
      ['renderer/features/agenda/probe.ts', "import { useTicking } from '../facilitation/index'"],
      ['renderer/features/agenda/probe.ts', "import { SegmentRow } from './SegmentRow'"],
      ['renderer/features/diagram/cld/probe.ts', "import { useOwned } from '../state'"],
      ['renderer/features/agenda/probe.ts', "import { Notice, plural } from '../../ui'"],
      ['renderer/ui/probe.ts', "import { plural } from './format'"],
      ['renderer/probe.ts', "import './ui/styles.css'"],
      ['electron/main/probe.ts', "import { readTitle } from '../../shared/session'"],
      ['electron/main/probe.ts', "import { errorMessage } from '../../shared/errors'"],
    ]
    for (const [file, source] of allowed) expect(await problems(file, source), `${file}: ${source}`).toEqual([])
  })
})

describe('the document accessor rule', () => {
  const raw = "import type * as Y from 'yjs'\nexport const people = (doc: Y.Doc) => doc.getMap('people')\n"
  const rawArray = "import type * as Y from 'yjs'\nexport const clinics = (doc: Y.Doc) => doc.getArray('clinics')\n"
  const throughAccessor = "import type * as Y from 'yjs'\nimport { peopleMap } from '../../../shared/session'\nexport const people = (doc: Y.Doc) => peopleMap(doc)\n"

  it('keeps raw getMap and getArray out of renderer/features, in plain modules and components alike', async () => {
    for (const file of ['renderer/features/cohort/probe.ts', 'renderer/features/cohort/Probe.tsx', 'renderer/features/harvest/probe.ts']) {
      for (const code of [raw, rawArray]) {
        const found = await problems(file, code, syntax)
        expect(found, `${file}: ${code}`).toHaveLength(1)
        expect(found[0]).toMatch(/shared accessor/)
      }
    }
  })

  it('lets features use the accessors, and shared/ define them', async () => {
    expect(await problems('renderer/features/cohort/probe.ts', throughAccessor, syntax)).toEqual([])
    expect(await problems('renderer/features/cohort/Probe.tsx', throughAccessor, syntax)).toEqual([])
    expect(await problems('shared/cohort/probe.ts', raw, syntax)).toEqual([])
  })

  it('flags English written straight into a translated component, and still flags raw roots there', async () => {
    const english = "export const Probe = () => <p title=\"Start here\">Hello there</p>\n"
    const translated = "import { useT } from '../../i18n'\nexport const Probe = () => { const t = useT(); return <p>{t({ id: 'home.probe', defaultMessage: 'Hello there' })}</p> }\n"
    expect(await problems('renderer/features/home/Probe.tsx', english, syntax)).toHaveLength(2)
    expect(await problems('renderer/app/Probe.tsx', english, syntax)).toHaveLength(2)
    expect(await problems('renderer/features/home/Probe.tsx', translated, syntax)).toEqual([])
    expect(await problems('renderer/features/home/Probe.tsx', raw.replace('export const', 'export const _x = 1\nexport const'), syntax)).toHaveLength(1)
  })
})

// Issue 16: a file longer than about 400 lines says at its top why it is long.
describe('long files', () => {
  it('say at their top why they are long', () => {
    const roots = ['electron', 'renderer', 'shared', 'tests']
    const long: string[] = []
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name)
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules' && entry.name !== 'results') walk(path)
        } else if (/\.(ts|tsx|mjs)$/.test(entry.name)) {
          const text = readFileSync(path, 'utf8')
          if (text.split('\n').length > 420 && !text.startsWith('// Long file')) long.push(path)
        }
      }
    }
    for (const root of roots) walk(root)
    expect(long).toEqual([])
  })
})
