import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY_META } from './shared/security/csp'

const root = import.meta.dirname
// CONVENE_OUT lets parallel work build into separate folders (default: out/).
const out = process.env.CONVENE_OUT || 'out'

/**
 * The strict CSP goes into the built page as a meta tag (the desktop window and the web
 * host also send it as a header). Only at build time: Vite's dev server needs inline
 * scripts for hot reload.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'convene-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => ({
        html,
        tags: [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
            injectTo: 'head-prepend',
          },
        ],
      }),
    },
  }
}

// One build produces the desktop app (main, preload, renderer) and the command line.
// The renderer is built with relative asset paths so `out/renderer` also serves as the
// browser twin from any static host (see `convene web`).
export default defineConfig({
  main: {
    build: {
      outDir: `${out}/main`,
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          cli: resolve(root, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react(), contentSecurityPolicy()],
    build: {
      outDir: resolve(root, `${out}/renderer`),
      emptyOutDir: true,
      // Browser guests may be on slow links: ship the renderer minified.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
})
