// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// Layering (see DESIGN.md): shared/ is pure domain code; renderer/ and electron/ may
// import shared/ but never each other.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'stream', 'events', 'worker_threads']

const untranslatedText = [
  { selector: 'JSXText[value=/[A-Za-z]{2}/]', message: 'Text a person reads goes through t({ id, defaultMessage }) (renderer/i18n).' },
  { selector: "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/] > Literal[value=/[A-Za-z]{2}/]", message: 'Labels a person reads or hears go through t() (renderer/i18n).' },
  { selector: "JSXAttribute[name.name=/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$/] TemplateElement[value.raw=/[A-Za-z]{2}/]", message: 'Labels a person reads or hears go through t() with placeholders, not string templates.' },
  { selector: 'JSXElement > JSXExpressionContainer Literal[value=/[A-Za-z]{2}/]:not(CallExpression > Literal, Property > Literal, BinaryExpression > Literal, JSXAttribute Literal)', message: 'Text a person reads goes through t() (renderer/i18n).' },
  { selector: 'JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]{2}/]', message: 'Text a person reads goes through t() with placeholders, not string templates.' },
]

// ARCHITECTURE.md: a feature reaches the document's roots through its shared/ module's
// accessors (metaMap, peopleMap, projectsMap...), which name each key once.
const rawDocumentRoots = [
  {
    selector: "CallExpression[callee.property.name=/^get(Map|Array)$/]",
    message: "Reach the document through its shared accessor (peopleMap, metaMap, runMap, projectsMap... from shared/<feature>), never doc.getMap('...') or doc.getArray('...') in renderer/features.",
  },
]

// One face per part (ARCHITECTURE.md): code outside a feature (renderer/features/<name>)
// imports it through its index.ts, which exports what others may use; the same for
// renderer/ui, sync, platform and i18n, and for a shared/ module seen from renderer/ or
// electron/. Inside a part, files import each other by path.
//
// Not enforced between shared/ modules: they lean on single files of one another
// (facilitation/clock, conversation/random, notes/blocks, session/ids...), and through
// their index.ts those links would close import cycles (session -> conversation ->
// facilitation -> notes -> session...), which break at load time as soon as a module
// uses an import at its top level (a zod schema built from another module's schema).
const throughIndex = {
  shared: { regex: String.raw`(^|/)shared/[^/]+/(?!index$).+`, message: 'Import a shared/ module through its index.ts (shared/<module>), not one of its files: export there what you need.' },
  feature: { regex: String.raw`(^|/)features/[^/]+/(?!index$).+`, message: 'Import a feature through its index.ts (features/<name>), not one of its files: export there what other features may use.' },
  part: { regex: String.raw`^(\.\./)+(ui|sync|platform|i18n)/(?!index$)(?!.*\.css$).+`, message: 'Import renderer/ui, sync, platform and i18n through their index.ts, not one of their files.' },
}
// A feature's file `depth` folders below renderer/features/<name>/ reaches another
// feature's file as ../ (depth + 1 times) then <other>/<file>.
const siblingFeature = (depth) => ({
  regex: String.raw`^(\.\./){${depth + 1}}(?!\.\./)[^/]+/(?!index$).+`,
  message: throughIndex.feature.message,
})

const rendererImports = [
  { group: ['**/electron/**', 'electron'], message: 'renderer/ never imports electron/: go through renderer/platform and shared/ipc.' },
  { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
  throughIndex.shared,
  throughIndex.feature,
  throughIndex.part,
]

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
      'no-restricted-imports': ['error', { patterns: rendererImports }],
    },
  },
  // Flat config replaces a rule per block, so each depth inside a feature repeats the
  // renderer's patterns beside its own.
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`renderer/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererImports, siblingFeature(depth)] }] },
  })),
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' }, throughIndex.shared],
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
  {
    // No raw roots in features.
    files: ['renderer/features/**/*.ts', 'renderer/features/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...rawDocumentRoots] },
  },
  {
    // Every word a person reads goes through a message (renderer/i18n: t({ id, defaultMessage })).
    // These catch text written straight into JSX; strings built in plain code (notices,
    // arrays of labels) are found by review and by the pseudo-locale screenshots.
    // Flat config replaces a rule per block, so this block repeats the roots rule.
    files: ['renderer/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...untranslatedText, ...rawDocumentRoots] },
  },
)
