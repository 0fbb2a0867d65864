import path from 'node:path'
import { StateError } from '../errors.js'
import { appendIndexRows, IndexFile, type KnownEntries, loadIndexFile } from './_index-file.js'
import { rowsSince } from './_index-text.js'
import { configKey } from './_keys.js'
import { fromEntryLine, toEntryLine } from './_line.js'
import type { CachedArticle } from './_record.js'

const _INDEX = 'articles.ndjson'

type _State = KnownEntries['state']

/**
 * The cache's index of validated articles, one per file, trusted only while the file's size, mtime,
 * ctime and inode match (or its content hash does), and only for the config they were validated with.
 *
 * The index file holds one JSON line per article (Latin-1 text; the config key in its header line),
 * and the hash of each body read, as a row of its own (`_index-text.ts`). Entries stay lines in
 * memory and are parsed only when asked for; an unchanged entry is written back as the line it was
 * read from, and a build that changed few entries appends them. A 100,000-article index then costs
 * tens of megabytes of one-byte strings, not an object graph the garbage collector must walk.
 *
 * A rebuild that takes the last selection (only bodies changed) starts from the shown articles'
 * entries alone (`KnownEntries`): every other entry is kept as the file holds it, and the file is
 * read only when an entry beyond them is asked for, or when it is to be compacted.
 */
export class ArticleIndex {
  readonly #dir: string | undefined
  /** The cache's secret; undefined for an index that writes nothing (`--no-cache`, `kanal check`). */
  readonly #secret: Buffer | undefined
  /** The secret the file is read with, and where its problems go (also when it is read late). */
  readonly #readWith: { secret: Buffer | undefined; warnings: StateError[] }
  /** Index lines and body hashes of the last build, by article (only the known ones while `#partial`). */
  #previous = new Map<string, string>()
  #previousBodies = new Map<string, string>()
  /** True while the entries are `KnownEntries` and the file is unread: an entry not asked for is kept. */
  #partial = false
  /** Whether `keep` was asked for while `#partial`: when the file is read, every entry is kept. */
  #keptWhilePartial = false
  /** True for a first build: rows go to a new index file as they come (`#row`). */
  readonly #first: boolean
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
  /** The index file as read (or known), and after `save` as written; none: rewrite, never append. */
  #state: _State | undefined

  /**
   * The index in `dir` (`undefined`: one that remembers nothing, for `--no-cache`), for a build that
   * validates with `config`, sealed with `secret` (`readSecret`). `writes` false: it is only read.
   * A damaged index is ignored with a warning and rewritten. `known`: start from these entries, and
   * read the file only when another is asked for.
   */
  constructor(
    dir: string | undefined,
    config: unknown,
    cache: { secret: Buffer | undefined; writes: boolean },
    warnings: StateError[],
    known?: KnownEntries,
  ) {
    this.#dir = dir
    this.#secret = dir && cache.writes ? cache.secret : undefined
    this.#readWith = { secret: cache.secret, warnings }
    this.#config = configKey(config)
    if (known) this.#adopt(known)
    else if (dir) this.#load()
    // A first build has no index file to start from (a partial index that cannot read its file later
    // still has its rows to write).
    this.#first = !known && this.#previous.size === 0
  }

  /** The index file in the cache folder `dir`. */
  static fileIn(dir: string): string {
    return path.join(dir, _INDEX)
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
    return this.#partial ? (this.#state?.entries ?? 0) : this.#previous.size
  }

  /** True when saving would write something: an entry or body hash was added, changed or dropped. */
  get changed(): boolean {
    return this.#changed || (!this.#partial && this.#current.size !== this.#previous.size)
  }

  /** The index file as this build read it, or (after `save`) left it; undefined when there is none. */
  get state(): _State | undefined {
    return this.#state
  }

  /** The entry for a file from the last build, if any (not yet checked against the file). */
  previous(relative: string): CachedArticle | undefined {
    const line = this.#previousLine(relative)
    return line === undefined ? undefined : fromEntryLine(line)
  }

  /** The hash of a file's body as the last build knew it (valid while the file is unchanged). */
  previousBodyHash(relative: string): string | undefined {
    this.#previousLine(relative) // a partial index that does not know the article reads the file
    return this.#previousBodies.get(relative)
  }

  /** Records that a file's entry from the last build (`previous`) holds for this build as it is. */
  keep(relative: string): void {
    if (this.#partial) this.#keptWhilePartial = true
    const line = this.#previous.get(relative)
    if (!this.#dir || line === undefined || this.#partial) return
    this.#current.set(relative, line)
    const bodyHash = this.#previousBodies.get(relative)
    if (bodyHash) this.#bodyHashes.set(relative, bodyHash)
  }

  /** Records the entry for a file in this build, also given as its line when known (`toEntryLine`). */
  remember(relative: string, entry: CachedArticle, line = this.#dir ? toEntryLine(entry) : ''): void {
    if (!this.#dir) return
    if (this.#previousLine(relative) !== line) this.#changed = true
    this.#bodyHashes.delete(relative)
    if (!this.#current.has(relative) && !this.#previous.has(relative)) this.#fresh++
    // A first build writes every row as it comes (`#row`): nothing to look at again.
    if (!this.#first) this.#touched.add(relative)
    this.#current.set(relative, this.#row(relative, line))
  }

  /** Records the hash of a body read in this build (or still known), the key of its rendered HTML. */
  learnBodyHash(relative: string, bodyHash: string): void {
    if (!this.#current.has(relative) || this.#bodyHashes.get(relative) === bodyHash) return
    this.#bodyHashes.set(relative, bodyHash)
    if (this.#previousBodies.get(relative) !== bodyHash) this.#changed = true
    if (!this.#first) this.#touched.add(relative)
    this.#row(relative, `#${bodyHash}`)
  }

  /** The hash of an article's body as this build knows it, if it was ever read. */
  bodyHash(relative: string): string | undefined {
    const known = this.#bodyHashes.get(relative)
    if (known !== undefined || !this.#partial || this.#touched.has(relative)) return known
    return this.#previousBodies.get(relative)
  }

  /** This build's entry line and body hash ('' for none) of an article, when it keeps them in memory. */
  row(relative: string): [line: string, bodyHash: string] | undefined {
    const line = this.#current.get(relative) ?? (this.#partial ? this.#previous.get(relative) : undefined)
    return line ? [line, this.bodyHash(relative) ?? ''] : undefined
  }

  /**
   * A new row for this build's index. A first build writes it to the new index file at once (a row
   * written again later wins), so that 100,000 articles' lines are not held until `save`.
   */
  #row(relative: string, line: string): string {
    if (!this.#secret || !this.#dir || !this.#first) return line
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
    const secret = this.#secret
    if (!secret || !this.#dir) return
    const written = this.#file
    if (written) {
      this.#file = undefined
      this.#state = written.commit(this.#current.size)
      return
    }
    // A partial index serves a build with the last build's files: none is gone.
    const complete = this.#partial || this.#current.size - this.#fresh === this.#previous.size
    const before = { lines: this.#previous, bodies: this.#previousBodies }
    const after = { lines: this.#current, bodies: this.#bodyHashes }
    const rows = rowsSince(before, after, this.#touched, complete)
    const entries = this.#partial ? (this.#state?.entries ?? 0) : this.#current.size
    const state = this.#state
    const appendable =
      state !== undefined &&
      this.#indexConfig === this.#config &&
      state.lines + rows.length <= entries + Math.max(100, entries / 10)
    const text = rows.join('')
    const appended = appendable && appendIndexRows(this.file, state, { text, count: rows.length }, secret)
    if (appended) this.#state = { ...appended, entries }
    else this.#state = this.#rewrite()
  }

  #rewrite(): _State {
    this.#readAll(true)
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
    return out.commit(this.#current.size)
  }

  #adopt(known: KnownEntries): void {
    for (const [relative, [line, bodyHash]] of known.rows) {
      this.#previous.set(relative, line)
      if (bodyHash) this.#previousBodies.set(relative, bodyHash)
    }
    this.#indexConfig = this.#config
    this.#state = known.state
    this.#partial = true
  }

  /** The last build's line for `relative`; a partial index that does not know it reads the file first. */
  #previousLine(relative: string): string | undefined {
    const line = this.#previous.get(relative)
    if (line !== undefined || !this.#partial) return line
    this.#readAll()
    return this.#previous.get(relative)
  }

  /**
   * Makes a partial index whole: reads the file, and keeps every entry this build did not touch when
   * `keepAll` (it was asked to keep some: a build with the last build's files keeps them all).
   */
  #readAll(keepAll = this.#keptWhilePartial): void {
    if (!this.#partial) return
    this.#partial = false
    this.#previous = new Map()
    this.#previousBodies = new Map()
    this.#indexConfig = ''
    this.#state = undefined
    this.#load()
    if (!keepAll) return
    for (const relative of this.#previous.keys()) if (!this.#current.has(relative)) this.keep(relative)
  }

  #load(): void {
    try {
      const loaded = loadIndexFile(this.file, this.#readWith.secret)
      if (!loaded) return
      this.#previous = loaded.text.entries
      this.#previousBodies = loaded.text.bodies
      this.#indexConfig = loaded.text.config
      this.#state = loaded.state
    } catch (error) {
      this.#changed = true
      const where = { file: path.relative(process.cwd(), this.file) || this.file }
      const reason = `ignored the cache file: ${(error as Error).message}; it will be rewritten`
      this.#readWith.warnings.push(new StateError(where, reason, { cause: error }))
    }
  }
}
