import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { seal } from './_seal.js'

/** A rendered body as the store keeps it. */
export interface StoredBody {
  html: string
  summary: string
  /** Image paths looked up beside the article, with what was found: the HTML holds while they find the same. */
  lookups?: [reference: string, found: string][]
}

/**
 * How many body files are written at once. Unbounded, a build of a few thousand shown articles opened
 * a file per body at the same time and died with EMFILE under `ulimit -n 1024` (macOS: 256).
 */
const _WRITING_AT_ONCE = 32

/**
 * Rendered HTML and summaries by render key (`renderKey`), one file each in the cache's `html/`
 * folder. Each file starts with the key it was made for and a keyed checksum (`seal`) of key and
 * contents: a damaged file, one edited by hand or one copied over another body's file is a miss,
 * never a wrong feed.
 */
export class HtmlStore {
  readonly #dir: string | undefined
  /** The cache's secret; undefined: nothing is read (no key) or written (`kanal check`). */
  readonly #secret: Buffer | undefined
  readonly #writes: boolean
  /** Files written in this build, and those waiting to be. */
  #added = 0
  readonly #waiting: [file: string, text: string][] = []
  #writing = 0
  readonly #writeErrors: unknown[] = []
  #idle: (() => void) | undefined
  readonly #used = new Set<string>()

  /** The store in the cache folder `cacheDir`; `undefined` gives one that keeps nothing. */
  constructor(cacheDir: string | undefined, cache: { secret: Buffer | undefined; writes: boolean }) {
    this.#dir = cacheDir && path.join(cacheDir, 'html')
    this.#secret = cache.secret
    this.#writes = cache.writes
  }

  /** How many bodies this build added. */
  get added(): number {
    return this.#added
  }

  /** The body stored under `key`, if any. */
  get(key: string): StoredBody | undefined {
    if (!this.#dir || !this.#secret) return undefined
    const bytes = _readIfThere(path.join(this.#dir, `${key}.html`))
    // `<key> <seal>\n<payload>`: 64 + 1 + 64 characters (one byte each), then the line end.
    if (bytes === undefined || bytes[129] !== 10 || bytes.toString('latin1', 0, 64) !== key) return undefined
    // The seal is checked over the payload's bytes as read: they are its UTF-8 text as sealed, and
    // decoding them only to encode them again for the HMAC cost more than the HMAC.
    const payload = bytes.subarray(130)
    if (seal(this.#secret, [key, '\n', payload]) !== bytes.toString('latin1', 65, 129)) return undefined
    this.#used.add(key)
    return JSON.parse(payload.toString('utf8')) as StoredBody
  }

  /**
   * Keeps a body. The file is written right away, in the background (libuv's threads, beside this
   * build's other work), a few at a time; `settle` waits for them. A torn file fails its seal: a miss.
   */
  put(key: string, body: StoredBody): void {
    if (!this.#dir || !this.#secret || !this.#writes) return
    if (this.#added === 0) mkdirSync(this.#dir, { recursive: true })
    this.#added++
    this.#used.add(key)
    const payload = JSON.stringify(body)
    const text = `${key} ${seal(this.#secret, [key, '\n', payload])}\n${payload}`
    this.#waiting.push([path.join(this.#dir, `${key}.html`), text])
    this.#next()
  }

  /** Waits for the files being written; throws the first write error. */
  async settle(): Promise<void> {
    if (this.#writing > 0) await new Promise<void>((resolve) => (this.#idle = resolve))
    if (this.#writeErrors.length > 0) throw this.#writeErrors[0]
  }

  #next(): void {
    while (this.#writing < _WRITING_AT_ONCE && this.#waiting.length > 0) {
      const [file, text] = this.#waiting.pop() as [string, string]
      this.#writing++
      writeFile(file, text)
        .catch((error: unknown) => this.#writeErrors.push(error))
        .finally(() => {
          this.#writing--
          this.#next()
          if (this.#writing === 0) this.#idle?.()
        })
    }
  }

  /** Removes the bodies this build did not use. */
  removeUnused(): void {
    if (!this.#dir || !this.#writes) return
    mkdirSync(this.#dir, { recursive: true })
    for (const name of readdirSync(this.#dir)) {
      if (this.#used.has(name.slice(0, -'.html'.length))) continue
      try {
        unlinkSync(path.join(this.#dir, name))
      } catch {
        // already gone
      }
    }
  }
}

function _readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}
