import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../../../../shared/security'
import { connect, roundTrip, startHost } from './helpers'

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Sends the path exactly as written: no client-side normalisation of `..`. */
function fetchRaw(port: number, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end()
  })
}

let base: string
let site: string

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'convene-static-'))
  site = join(base, 'site')
  await mkdir(join(site, 'assets'), { recursive: true })
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Convene</title>')
  await writeFile(join(site, 'assets', 'app-1234.js'), 'console.log("app")')
  await writeFile(join(site, 'assets', 'style.css'), 'body{}')
  await writeFile(join(site, 'assets', 'icon.svg'), '<svg/>')
  await writeFile(join(site, 'assets', 'font.woff2'), 'w')
  await writeFile(join(site, 'assets', 'model.wasm'), 'm')
  await writeFile(join(base, 'secret.txt'), 'do not serve')
  await symlink(join(base, 'secret.txt'), join(site, 'link.txt'))
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('static site on the signaling port', () => {
  it('serves index.html at / with the security headers and no-cache', async () => {
    const host = await startHost({ staticDir: site })
    const answer = await fetchRaw(host.port, '/')
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('<title>Convene</title>')
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['referrer-policy']).toBe('no-referrer')
    expect(answer.headers['cache-control']).toBe('no-cache')
  })

  it.each([
    ['/assets/app-1234.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/icon.svg', 'image/svg+xml'],
    ['/assets/font.woff2', 'font/woff2'],
    ['/assets/model.wasm', 'application/wasm'],
    ['/assets/app-1234.js?v=2#x', 'text/javascript; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const host = await startHost({ staticDir: site })
    const answer = await fetchRaw(host.port, path)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe(type)
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('answers HEAD with headers only', async () => {
    const host = await startHost({ staticDir: site })
    const answer = await fetchRaw(host.port, '/assets/style.css', 'HEAD')
    expect(answer.status).toBe(200)
    expect(answer.headers['content-length']).toBe('6')
    expect(answer.body).toBe('')
  })

  it('refuses other methods', async () => {
    const host = await startHost({ staticDir: site })
    const answer = await fetchRaw(host.port, '/', 'POST')
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('GET, HEAD')
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets%2f..%2f..%2fsecret.txt',
    '/link.txt',
    '/missing.js',
    '/assets',
    '/%00',
    '/%E0%A4%A',
  ])('does not serve anything outside the folder or missing: %s', async (path) => {
    const host = await startHost({ staticDir: site })
    const answer = await fetchRaw(host.port, path)
    expect([400, 404]).toContain(answer.status)
    expect(answer.body).not.toContain('do not serve')
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
  })

  it('signals on the same port it serves the page from', async () => {
    const host = await startHost({ staticDir: site })
    expect(host.signalingUrl).toBe(`ws://127.0.0.1:${host.port}`)
    expect(host.httpUrl).toBe(`http://127.0.0.1:${host.port}`)
    await roundTrip(await connect(host.signalingUrl))
  })

  it('without a folder, answers plain HTTP with a short note', async () => {
    const host = await startHost()
    const answer = await fetchRaw(host.port, '/')
    expect(answer.status).toBe(200)
    expect(answer.body).toMatch(/signaling server/)
  })

  it('explains a port that is already taken', async () => {
    const host = await startHost()
    await expect(startHost({ port: host.port })).rejects.toThrow(/already in use/)
  })
})
