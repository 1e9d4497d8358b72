// shared/ compiles without DOM or Node types (see tsconfig.shared.json), yet both
// runtimes it serves provide these Web-standard globals. Declare only what we use.
declare global {
  interface Crypto {
    getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T
    randomUUID(): string
  }
  var crypto: Crypto
  class TextEncoder {
    encode(input?: string): Uint8Array
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean })
    decode(input?: Uint8Array): string
  }
  class URL {
    constructor(url: string, base?: string)
    readonly protocol: string
    readonly hostname: string
    readonly host: string
    readonly port: string
    readonly pathname: string
    readonly search: string
    readonly href: string
    readonly origin: string
  }
  class URLSearchParams {
    constructor(init?: string)
    get(name: string): string | null
    getAll(name: string): string[]
    set(name: string, value: string): void
    append(name: string, value: string): void
    toString(): string
  }
  function setTimeout(handler: () => void, ms?: number): unknown
  function clearTimeout(id: unknown): void
}
export {}
