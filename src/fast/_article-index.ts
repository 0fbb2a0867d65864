import { closeSync, existsSync, fstatSync, openSync, readSync, writeSync } from 'node:fs'
import path from 'node:path'
import { StateError } from '../errors.js'
import { IndexFile } from './_index-file.js'
import { indexRow, readIndexText, sealLine } from './_index-text.js'
import { configKey } from './_keys.js'
import { fromEntryLine, latin1Json, toEntryLine } from './_line.js'
import type { CachedArticle } from './_record.js'

const _INDEX = 'articles.ndjson'

/**
 * The cache's index of validated articles, one per file, trusted only while the file's size, mtime,
 * ctime and inode match (or its content hash does), and only for the config they were validated with.
 *
 * The index file holds one JSON line per article (Latin-1 text; the config key in its header line),
 * and the hash of each body read, as a row of its own (`_index-text.ts`). Entries stay lines in
 * memory and are parsed only when asked for; an unchanged entry is written back as the line it was
 * read from, and a build that changed few entries appends them. A 100,000-article index then costs
 * tens of megabytes of one-byte strings, not an object graph the garbage collector must walk.
 */
export class ArticleIndex {
  readonly #dir: string | undefined
  /** The cache's secret; undefined for an index that writes nothing (`--no-cache`, `kanal check`). */
  readonly #secret: Buffer | undefined
  /** Index lines and body hashes of the last build, by article. */
  #previous = new Map<string, string>()
  #previousBodies = new Map<string, string>()
  /** Index lines of this build, by article ('' for a first build's, written to `#file` at once). */
  readonly #current = new Map<string, string>()
  /** The new index of a first build, written as its entries come. */
  #file: IndexFile | undefined
  /** Body hashes of this build's entries, for the HTML keys. */
  readonly #bodyHashes = new Map<string, string>()
  /** Whether an entry or body hash differs from the file it was read from. */
  #changed = false
  /**
   * Articles whose entry or body hash this build set (not kept as they were), and how many of this
   * build's entries the last build did not have: what `save` looks at, instead of every entry.
   */
  readonly #touched = new Set<string>()
  #fresh = 0
  /** `configKey` of this build's config. */
  readonly #config: string
  /** `configKey` the index file's entries were validated with. */
  #indexConfig = ''
  /** Lines in the index file, superseded ones included. */
  #fileLines = 0
  /** The index file's last seal, and its inode and size as read; no seal: rewrite, never append. */
  #seal = ''
  #read: { ino: number; size: number } | undefined

  /**
   * The index in `dir` (`undefined`: one that remembers nothing, for `--no-cache`), for a build that
   * validates with `config`, sealed with `secret` (`readSecret`). `writes` false: it is only read.
   * A damaged index is ignored with a warning and rewritten.
   */
  constructor(
    dir: string | undefined,
    config: unknown,
    cache: { secret: Buffer | undefined; writes: boolean },
    warnings: StateError[],
  ) {
    this.#dir = dir
    this.#secret = dir && cache.writes ? cache.secret : undefined
    this.#config = configKey(config)
    if (dir) this.#load(path.join(dir, _INDEX), cache.secret, warnings)
  }

  /** True when `dir` holds an index from an earlier build. */
  static exists(dir: string): boolean {
    return existsSync(path.join(dir, _INDEX))
  }

  /**
   * True when the last build validated its articles with this build's config (and kanal version):
   * only then are the cached articles valid as they are.
   */
  get sameConfig(): boolean {
    return this.#indexConfig === this.#config
  }

  /** The index file (for the up-to-date check); empty with `--no-cache`. */
  get file(): string {
    return this.#dir ? path.join(this.#dir, _INDEX) : ''
  }

  /** False with `--no-cache`: nothing is read or remembered. */
  get enabled(): boolean {
    return this.#dir !== undefined
  }

  /** How many entries the last build left (a first build has none). */
  get size(): number {
    return this.#previous.size
  }

  /** True when saving would write something: an entry or body hash was added, changed or dropped. */
  get changed(): boolean {
    return this.#changed || this.#current.size !== this.#previous.size
  }

  /** The entry for a file from the last build, if any (not yet checked against the file). */
  previous(relative: string): CachedArticle | undefined {
    const line = this.#previous.get(relative)
    return line === undefined ? undefined : fromEntryLine(line)
  }

  /** The hash of a file's body as the last build knew it (valid while the file is unchanged). */
  previousBodyHash(relative: string): string | undefined {
    return this.#previousBodies.get(relative)
  }

  /** Records that a file's entry from the last build (`previous`) holds for this build as it is. */
  keep(relative: string): void {
    const line = this.#previous.get(relative)
    if (!this.#dir || line === undefined) return
    this.#current.set(relative, line)
    const bodyHash = this.#previousBodies.get(relative)
    if (bodyHash) this.#bodyHashes.set(relative, bodyHash)
  }

  /** Records the entry for a file in this build, also given as its line when known (`toEntryLine`). */
  remember(relative: string, entry: CachedArticle, line = this.#dir ? toEntryLine(entry) : ''): void {
    if (!this.#dir) return
    if (this.#previous.get(relative) !== line) this.#changed = true
    this.#bodyHashes.delete(relative)
    if (!this.#current.has(relative) && !this.#previous.has(relative)) this.#fresh++
    // A first build writes every row as it comes (`#row`): nothing to look at again.
    if (this.#previous.size > 0) this.#touched.add(relative)
    this.#current.set(relative, this.#row(relative, line))
  }

  /** Records the hash of a body read in this build (or still known), the key of its rendered HTML. */
  learnBodyHash(relative: string, bodyHash: string): void {
    if (!this.#current.has(relative) || this.#bodyHashes.get(relative) === bodyHash) return
    this.#bodyHashes.set(relative, bodyHash)
    if (this.#previousBodies.get(relative) !== bodyHash) this.#changed = true
    if (this.#previous.size > 0) this.#touched.add(relative)
    this.#row(relative, `#${bodyHash}`)
  }

  /** The hash of an article's body as this build knows it, if it was ever read. */
  bodyHash(relative: string): string | undefined {
    return this.#bodyHashes.get(relative)
  }

  /**
   * A new row for this build's index. A first build writes it to the new index file at once (a row
   * written again later wins), so that 100,000 articles' lines are not held until `save`.
   */
  #row(relative: string, line: string): string {
    if (!this.#secret || !this.#dir || this.#previous.size > 0) return line
    this.#file ??= IndexFile.create(path.join(this.#dir, _INDEX), this.#config, this.#secret)
    this.#file.add(relative, line)
    return ''
  }

  /** Removes a first build's index file when the build does not save it (it failed). */
  discard(): void {
    this.#file?.discard()
    this.#file = undefined
  }

  /**
   * Writes this build's entries. A build that changed a few appends them (a later row for an article
   * wins, `-` removes it) instead of rewriting every line; the file is compacted once a tenth of it is
   * superseded, and rewritten when it is no longer the file this build read.
   */
  save(): void {
    if (!this.#secret || !this.#dir) return
    const written = this.#file
    if (written) {
      this.#file = undefined
      written.commit()
      return
    }
    // An entry kept as it was (`keep`) has its old line and body hash: only touched ones can differ.
    const rows: string[] = []
    for (const relative of this.#touched) {
      const line = this.#current.get(relative) as string
      const changed = this.#previous.get(relative) !== line
      if (changed) rows.push(indexRow(relative, line))
      const bodyHash = this.#bodyHashes.get(relative)
      if (bodyHash && (changed || this.#previousBodies.get(relative) !== bodyHash))
        rows.push(indexRow(relative, `#${bodyHash}`))
    }
    // Every entry of the last build is still here unless this build has fewer old ones.
    if (this.#current.size - this.#fresh !== this.#previous.size) {
      for (const relative of this.#previous.keys()) {
        if (!this.#current.has(relative)) rows.push(`${latin1Json(relative)}\t-\n`)
      }
    }
    const appendable =
      this.#seal !== '' &&
      this.#indexConfig === this.#config &&
      this.#fileLines + rows.length <= this.#current.size + Math.max(100, this.#current.size / 10)
    if (!appendable || !this.#append(rows.join(''))) this.#rewrite()
  }

  /**
   * Appends `rows` and their seal when the index file is still the one this build read (same inode
   * and size, and it ends with the seal this build read, which vouches for everything before it):
   * another build may have rewritten it since, for another config, and rows appended to its file
   * would be read as validated with that config. Checked and written through one handle, so a file
   * renamed into place in between is never the one appended to. False when it must be rewritten.
   */
  #append(rows: string): boolean {
    const secret = this.#secret as Buffer
    const fd = openSync(this.file, 'r+')
    try {
      const stat = fstatSync(fd)
      if (stat.ino !== this.#read?.ino || stat.size !== this.#read.size) return false
      const tail = Buffer.alloc(66)
      readSync(fd, tail, 0, 66, Math.max(0, stat.size - 66))
      if (tail.toString('latin1') !== `!${this.#seal}\n`) return false
      const text = rows + sealLine(secret, this.#seal, rows)
      const bytes = Buffer.from(text, 'latin1')
      for (let done = 0; done < bytes.length; )
        done += writeSync(fd, bytes, done, bytes.length - done, stat.size + done)
      return true
    } finally {
      closeSync(fd)
    }
  }

  #rewrite(): void {
    const out = IndexFile.create(this.file, this.#config, this.#secret as Buffer)
    try {
      for (const [relative, line] of this.#current) {
        out.add(relative, line)
        const bodyHash = this.#bodyHashes.get(relative)
        if (bodyHash) out.add(relative, `#${bodyHash}`)
      }
    } catch (error) {
      out.discard()
      throw error
    }
    out.commit()
  }

  #load(file: string, secret: Buffer | undefined, warnings: StateError[]): void {
    let bytes: Buffer
    try {
      const fd = openSync(file, 'r')
      try {
        const stat = fstatSync(fd)
        const buffer = Buffer.allocUnsafe(stat.size)
        let done = 0
        for (let read = 1; done < buffer.length && read > 0; done += read) {
          read = readSync(fd, buffer, done, buffer.length - done, done)
        }
        bytes = buffer.subarray(0, done)
        this.#read = { ino: stat.ino, size: done }
      } finally {
        closeSync(fd)
      }
    } catch {
      return
    }
    try {
      const index = readIndexText(bytes, secret)
      this.#previous = index.entries
      this.#previousBodies = index.bodies
      this.#indexConfig = index.config
      this.#fileLines = index.lines
      this.#seal = index.seal
    } catch (error) {
      this.#changed = true
      const where = { file: path.relative(process.cwd(), file) || file }
      const reason = `ignored the cache file: ${(error as Error).message}; it will be rewritten`
      warnings.push(new StateError(where, reason, { cause: error }))
    }
  }
}
