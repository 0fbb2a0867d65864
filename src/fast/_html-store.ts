import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sha256 } from '../hash.js'

/** A rendered body as the store keeps it. */
export interface StoredBody {
  html: string
  summary: string
}

/**
 * Rendered HTML and summaries by render key (`renderKey`), one file each in the cache's `html/`
 * folder. Each file starts with the hash of its contents: a damaged file is a miss, never a wrong feed.
 */
export class HtmlStore {
  readonly #dir: string | undefined
  /** Files written in this build, and the writes still under way. */
  #added = 0
  readonly #writes: Promise<unknown>[] = []
  readonly #writeErrors: unknown[] = []
  readonly #used = new Set<string>()

  /** The store in the cache folder `cacheDir`; `undefined` gives one that keeps nothing. */
  constructor(cacheDir: string | undefined) {
    this.#dir = cacheDir && path.join(cacheDir, 'html')
  }

  /** How many bodies this build added. */
  get added(): number {
    return this.#added
  }

  /** The body stored under `key`, if any. */
  get(key: string): StoredBody | undefined {
    if (!this.#dir) return undefined
    const text = _readIfThere(path.join(this.#dir, `${key}.html`))
    const newline = text?.indexOf('\n') ?? -1
    if (text === undefined || newline !== 64) return undefined
    const payload = text.slice(newline + 1)
    if (sha256(payload) !== text.slice(0, 64)) return undefined
    this.#used.add(key)
    return JSON.parse(payload) as StoredBody
  }

  /**
   * Keeps a body. The file is written right away, in the background (libuv's threads, beside this
   * build's other work); `settle` waits for it. A file torn by a crash fails its hash: only a miss.
   */
  put(key: string, body: StoredBody): void {
    if (!this.#dir) return
    if (this.#added === 0) mkdirSync(this.#dir, { recursive: true })
    this.#added++
    this.#used.add(key)
    const payload = JSON.stringify(body)
    const written = writeFile(path.join(this.#dir, `${key}.html`), `${sha256(payload)}\n${payload}`)
    this.#writes.push(written.catch((error: unknown) => this.#writeErrors.push(error)))
  }

  /** Waits for the files being written; throws the first write error. */
  async settle(): Promise<void> {
    await Promise.all(this.#writes)
    if (this.#writeErrors.length > 0) throw this.#writeErrors[0]
  }

  /** Removes the bodies this build did not use. */
  removeUnused(): void {
    if (!this.#dir) return
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

function _readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}
