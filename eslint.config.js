// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Layering (see DESIGN.md): shared/ is pure domain code; renderer/ and electron/ may
// import shared/ but never each other.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'stream', 'events', 'worker_threads']

export default tseslint.config(
  { ignores: ['out/**', 'out-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bin/**', 'tests/bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      // Y.Text has its own toString (the text), which the rule cannot see through yjs' types.
      '@typescript-eslint/no-base-to-string': ['error', { ignoredTypeNames: ['YText', 'Text', 'Error', 'RegExp', 'URL', 'URLSearchParams'] }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Plain JavaScript (configs, test runners) is linted without type information.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['react', 'react-dom', 'react/*', '@xyflow/*'], message: 'shared/ holds no React: it is pure domain code.' },
          { group: ['electron'], message: 'shared/ never imports Electron.' },
          { group: nodeBuiltins, message: 'shared/ never imports Node built-ins.' },
          { group: ['dexie', 'y-webrtc'], message: 'shared/ holds no storage or transport.' },
          { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ imports nothing from renderer/ or electron/.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic rules; the compiler-era rules assume the React Compiler, which we do not use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/electron/**', 'electron'], message: 'renderer/ never imports electron/: go through renderer/platform and shared/ipc.' },
          { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }],
      }],
    },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', '*.config.ts', '*.config.js', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // expect.any/objectContaining matchers are typed any by vitest.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
)
