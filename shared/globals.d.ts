// shared/ compiles without DOM or Node types (see tsconfig.shared.json), yet both
// runtimes it serves provide these Web-standard globals. Declare only what we use.
declare global {
  interface Crypto {
    getRandomValues<T extends Uint8Array | Uint32Array>(array: T): T
    randomUUID(): string
    readonly subtle: SubtleCrypto
  }
  var crypto: Crypto
  // The part of WebCrypto shared/relay uses (HKDF, AES-GCM, SHA-256).
  interface CryptoKey {
    readonly type: string
    readonly extractable: boolean
    readonly algorithm: { name: string }
  }
  type CryptoBytes = Uint8Array<ArrayBuffer> | ArrayBuffer
  interface SubtleCrypto {
    importKey(format: 'raw', keyData: CryptoBytes, algorithm: string | { name: string }, extractable: boolean, usages: string[]): Promise<CryptoKey>
    deriveBits(algorithm: { name: 'HKDF'; hash: string; salt: CryptoBytes; info: CryptoBytes }, key: CryptoKey, length: number): Promise<ArrayBuffer>
    deriveKey(
      algorithm: { name: 'HKDF'; hash: string; salt: CryptoBytes; info: CryptoBytes },
      key: CryptoKey,
      derived: { name: string; length: number },
      extractable: boolean,
      usages: string[],
    ): Promise<CryptoKey>
    encrypt(algorithm: { name: 'AES-GCM'; iv: CryptoBytes; additionalData?: CryptoBytes }, key: CryptoKey, data: CryptoBytes): Promise<ArrayBuffer>
    decrypt(algorithm: { name: 'AES-GCM'; iv: CryptoBytes; additionalData?: CryptoBytes }, key: CryptoKey, data: CryptoBytes): Promise<ArrayBuffer>
    digest(algorithm: string, data: CryptoBytes): Promise<ArrayBuffer>
  }
  class TextEncoder {
    encode(input?: string): Uint8Array<ArrayBuffer>
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
  /** What setTimeout returns: a number in browsers, an object in Node; only handed back to clearTimeout. */
  interface TimerHandle {
    readonly __timer?: never
  }
  function setTimeout(handler: () => void, ms?: number): TimerHandle
  function clearTimeout(id: TimerHandle | undefined): void
  function queueMicrotask(callback: () => void): void
}
export {}
