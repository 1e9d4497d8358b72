import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  MAX_FILE_BYTES,
  invokeChannels,
  isExternalLink,
  isInviteLink,
  type ConveneBridge,
  type HostAddresses,
  type OpenedFile,
} from '../../../../shared/ipc'

describe('the IPC contract', () => {
  it('names every channel as namespace.method', () => {
    for (const channel of Object.keys(invokeChannels)) expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  })

  it('accepts a well-formed save and refuses extra fields, wrong types and oversized data', () => {
    const save = invokeChannels['files.save'].args
    expect(save.safeParse({ suggestedName: 'notes.md', data: '# Notes' }).success).toBe(true)
    expect(save.safeParse({ suggestedName: 'a.bin', data: new Uint8Array(3), filters: [{ name: 'Bin', extensions: ['bin'] }] }).success).toBe(true)
    expect(save.safeParse({ suggestedName: 'notes.md', data: '# Notes', path: '/etc/passwd' }).success).toBe(false)
    expect(save.safeParse({ suggestedName: 42, data: 'x' }).success).toBe(false)
    expect(save.safeParse({ suggestedName: 'x', data: { length: 1 } }).success).toBe(false)
    expect(save.safeParse({ suggestedName: 'x', data: 'x'.repeat(MAX_FILE_BYTES + 1) }).success).toBe(false)
    expect(save.safeParse({ suggestedName: 'x', data: 'x', filters: [{ name: 'Dot', extensions: ['.md'] }] }).success).toBe(false)
  })

  it('refuses a host port outside 0..65535 and a missing lan choice', () => {
    const start = invokeChannels['host.start'].args
    expect(start.safeParse({ lan: true }).success).toBe(true)
    expect(start.safeParse({ lan: false, port: 0 }).success).toBe(true)
    expect(start.safeParse({ lan: true, port: 70000 }).success).toBe(false)
    expect(start.safeParse({ lan: true, port: 1.5 }).success).toBe(false)
    expect(start.safeParse({ port: 4444 }).success).toBe(false)
  })

  it('lets channels without an argument be called with none, and nothing else', () => {
    expect(invokeChannels['app.info'].args.safeParse(undefined).success).toBe(true)
    expect(invokeChannels['app.info'].args.safeParse({}).success).toBe(false)
    expect(invokeChannels['files.open'].args.safeParse(undefined).success).toBe(true)
  })
})

describe('links', () => {
  it('takes only https: links without credentials to the system browser', () => {
    expect(isExternalLink('https://www.climateinteractive.org/world-climate/')).toBe(true)
    expect(isExternalLink('http://example.com/')).toBe(false)
    expect(isExternalLink('javascript:alert(1)')).toBe(false)
    expect(isExternalLink('file:///etc/passwd')).toBe(false)
    expect(isExternalLink('https://bank.example@evil.example/')).toBe(false)
    expect(isExternalLink(`https://example.com/${'a'.repeat(5000)}`)).toBe(false)
  })

  it('recognises convene: invite links only', () => {
    expect(isInviteLink('convene://join?room=abc#secret')).toBe(true)
    expect(isInviteLink('https://convene.example/join')).toBe(false)
    expect(isInviteLink('convene')).toBe(false)
    expect(isInviteLink(7)).toBe(false)
  })
})

describe('the bridge type derived from the contract', () => {
  it('groups channels by namespace and events as on<Name>', () => {
    expectTypeOf<ConveneBridge['app']['info']>().toBeCallableWith()
    expectTypeOf<ConveneBridge['app']['info']>().returns.resolves.toEqualTypeOf<{ version: string; platform: string; electron: string }>()
    expectTypeOf<ConveneBridge['host']['start']>().parameter(0).not.toBeUndefined()
    expectTypeOf<ConveneBridge['host']['start']>().parameters.toEqualTypeOf<[args: { lan: boolean; port?: number | undefined }]>()
    expectTypeOf<ConveneBridge['host']['start']>().returns.resolves.toEqualTypeOf<HostAddresses>()
    expectTypeOf<ConveneBridge['files']['open']>().returns.resolves.toEqualTypeOf<OpenedFile | null>()
    expectTypeOf<ConveneBridge['invite']['onOpened']>().toEqualTypeOf<(listener: (payload: string) => void) => () => void>()
    expectTypeOf<keyof ConveneBridge>().toEqualTypeOf<'app' | 'host' | 'files' | 'print' | 'shell' | 'invite'>()
  })
})
