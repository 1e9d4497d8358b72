import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { CONTENT_SECURITY_POLICY } from '../../../shared/security'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
}

/** Headers on every answer of the host, files and errors alike. */
export const SECURITY_HEADERS: OutgoingHttpHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export function sendText(response: ServerResponse, status: number, text: string, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  response.end(text)
}

/** Answers only GET and HEAD; true when the method was refused. */
export function refuseOtherMethods(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false
  sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' })
  return true
}

type Lookup = { file: string } | { status: 400 | 404 }

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep)
}

/**
 * Maps a request path to a file inside `root`, or to the status to answer instead.
 * The path is decoded before it is resolved, so `%2e%2e` and `..%2f` are caught by
 * the same containment check as a literal `..`; symbolic links are followed and
 * checked again so a link cannot lead out of the folder either.
 */
async function lookup(root: string, rawUrl: string): Promise<Lookup> {
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? ''
  if (!rawPath.startsWith('/')) return { status: 400 }
  let path: string
  try {
    path = decodeURIComponent(rawPath)
  } catch {
    return { status: 400 }
  }
  if (path.includes('\0')) return { status: 400 }
  if (path.endsWith('/')) path += 'index.html'
  const candidate = resolve(root, `.${path}`)
  if (!isInside(root, candidate)) return { status: 404 }
  try {
    const real = await realpath(candidate)
    if (!isInside(root, real) || !(await stat(real)).isFile()) return { status: 404 }
    return { file: real }
  } catch {
    return { status: 404 }
  }
}

/** Serves the files of one folder (the built renderer) as a static site. */
export async function createStaticHandler(folder: string): Promise<(request: IncomingMessage, response: ServerResponse) => void> {
  const root = await realpath(folder)
  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (refuseOtherMethods(request, response)) return
    const found = await lookup(root, request.url ?? '/')
    if ('status' in found) return sendText(response, found.status, found.status === 404 ? 'Not found\n' : 'Bad request\n')
    const { size } = await stat(found.file)
    const type = contentType(found.file)
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': size,
      // The page names hashed asset files; it must be fetched fresh after every build.
      ...(type.startsWith('text/html') ? { 'Cache-Control': 'no-cache' } : {}),
    })
    if (request.method === 'HEAD') return void response.end()
    createReadStream(found.file)
      .on('error', () => response.destroy())
      .pipe(response)
  }
  return (request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal server error\n')
      else response.destroy()
    })
  }
}
