import { describe, expect, it } from 'vitest'
import { InviteRelay, findInviteLink, registerInviteScheme, type ProtocolApp } from '../../../../electron/main/protocol'

const link = 'convene://join?room=AbC&secret=xyz&signaling=wss%3A%2F%2Fsignal.example'

describe('findInviteLink', () => {
  it('finds the link among the arguments a second instance receives', () => {
    expect(findInviteLink(['/opt/Convene/convene', '--allow-file-access-from-files', link])).toBe(link)
    expect(findInviteLink(['C:\\Convene\\Convene.exe', 'CONVENE://join?room=x'])).toBe('CONVENE://join?room=x')
  })

  it('ignores arguments that are not invite links', () => {
    expect(findInviteLink(['/opt/Convene/convene', '--flag', 'https://evil.example/convene://x', 'convene'])).toBeUndefined()
  })
})

describe('registerInviteScheme', () => {
  function fakeApp() {
    const calls: unknown[][] = []
    const app: ProtocolApp = {
      setAsDefaultProtocolClient: (...args: unknown[]) => {
        calls.push(args)
        return true
      },
    }
    return { app, calls }
  }

  it('registers the packaged app plainly', () => {
    const { app, calls } = fakeApp()
    registerInviteScheme(app, { execPath: '/opt/Convene/convene', argv: ['/opt/Convene/convene'] }, (p) => p)
    expect(calls).toEqual([['convene']])
  })

  it('tells the OS to start Electron with the app path when run from source', () => {
    const { app, calls } = fakeApp()
    registerInviteScheme(app, { defaultApp: true, execPath: '/usr/lib/electron', argv: ['/usr/lib/electron', '.'] }, (p) => `/work/${p}`)
    expect(calls).toEqual([['convene', '/usr/lib/electron', ['/work/.']]])
  })
})

describe('InviteRelay', () => {
  it('holds links that arrive before the window has loaded, then delivers them in order', () => {
    const relay = new InviteRelay()
    const delivered: string[] = []
    expect(relay.open(link)).toBe(true)
    expect(relay.open('convene://join?room=second')).toBe(true)
    expect(delivered).toEqual([])
    relay.ready((url) => delivered.push(url))
    expect(delivered).toEqual([link, 'convene://join?room=second'])
    relay.open('convene://join?room=third')
    expect(delivered).toHaveLength(3)
    expect(relay.waiting).toBe(0)
  })

  it('holds links again while the window reloads', () => {
    const relay = new InviteRelay()
    const delivered: string[] = []
    relay.ready((url) => delivered.push(url))
    relay.notReady()
    relay.open(link)
    expect(delivered).toEqual([])
    relay.ready((url) => delivered.push(url))
    expect(delivered).toEqual([link])
  })

  it('refuses anything but convene: links and keeps only the newest few', () => {
    const relay = new InviteRelay(2)
    expect(relay.open('https://evil.example/')).toBe(false)
    expect(relay.open('javascript:alert(1)')).toBe(false)
    for (const room of ['a', 'b', 'c']) relay.open(`convene://join?room=${room}`)
    const delivered: string[] = []
    relay.ready((url) => delivered.push(url))
    expect(delivered).toEqual(['convene://join?room=b', 'convene://join?room=c'])
  })
})
