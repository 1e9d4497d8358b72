import { describe, expect, it } from 'vitest'
import { ESLint, type Linter } from 'eslint'
import tseslint from 'typescript-eslint'

// The layering rule of eslint.config.js, checked on small probe files: shared/ imports
// no DOM, Node, React or Electron; renderer/ and electron/ never import each other.
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

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
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
})
