import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { StateError } from '../errors.js'
import { IndexFile } from './_index-file.js'
import { CACHE_FORMAT, configKey } from './_keys.js'
import { fromEntryLine, indexRow, latin1Json, toEntryLine } from './_line.js'
import type { CachedArticle } from './_record.js'

const _INDEX = 'articles.ndjson'

/**
 * The cache's index of validated articles, one per file, trusted only while size and mtime match (or
 * the content hash does), and only for the config they were validated with.
 *
 * The index file holds one JSON line per article (Latin-1 text; the config key in its header line).
 * Entries stay lines in memory and are parsed only when asked for; an unchanged entry is written back
 * as the line it was read from, and a build that changed few entries appends them. A 100,000-article
 * index then costs tens of megabytes of one-byte strings, not an object graph the garbage collector
 * must walk.
 */
export class ArticleIndex {
  readonly #dir: string | undefined
  /** Index lines of the last build, by article. */
  #previous = new Map<string, string>()
  /**
   * Index lines of this build, by article; for a first build, where every line is new, the number of
   * its row in the index file being written (`IndexFile`) instead of the line.
   */
  readonly #current = new Map<string, string | number>()
  /** The new index of a first build, written as its entries come. */
  #file: IndexFile | undefined
  /** Body hashes of this build's entries, for the HTML keys. */
  readonly #bodyHashes = new Map<string, string>()
  /** Whether an entry differs from the file it was read from. */
  #changed = false
  /** `configKey` of this build's config. */
  readonly #config: string
  /** `configKey` the index file's entries were validated with. */
  #indexConfig = ''
  /** Lines in the index file, superseded ones included; 0 when it must be rewritten, not appended to. */
  #fileLines = 0

  /**
   * The index in `dir` (`undefined`: one that remembers nothing, for `--no-cache`), for a build that
   * validates with `config`. A damaged index is ignored with a warning and rewritten.
   */
  constructor(dir: string | undefined, config: unknown, warnings: StateError[]) {
    this.#dir = dir
    this.#config = configKey(config)
    if (dir) this.#load(path.join(dir, _INDEX), warnings)
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

  /** True when saving would write something: an entry was added, changed or dropped. */
  get changed(): boolean {
    return this.#changed || this.#current.size !== this.#previous.size
  }

  /** The entry for a file from the last build, if any (not yet checked against the file). */
  previous(relative: string): CachedArticle | undefined {
    const line = this.#previous.get(relative)
    return line === undefined ? undefined : fromEntryLine(line)
  }

  /** Records that a file's entry from the last build (`previous`) holds for this build as it is. */
  keep(relative: string, entry: CachedArticle): void {
    const line = this.#previous.get(relative)
    if (!this.#dir || line === undefined) return
    this.#current.set(relative, line)
    if (entry.bodyHash) this.#bodyHashes.set(relative, entry.bodyHash)
  }

  /** Records the entry for a file in this build, also given as its line when known (`toEntryLine`). */
  remember(relative: string, entry: CachedArticle, line = this.#dir ? toEntryLine(entry) : ''): void {
    if (!this.#dir) return
    if (this.#previous.get(relative) !== line) this.#changed = true
    this.#current.set(relative, this.#row(relative, line))
    if (entry.bodyHash) this.#bodyHashes.set(relative, entry.bodyHash)
  }

  /** Records the hash of a body read in this build, the key of its rendered HTML. */
  learnBodyHash(relative: string, bodyHash: string): void {
    const known = this.#current.get(relative)
    if (known === undefined || this.#bodyHashes.get(relative) === bodyHash) return
    const line = typeof known === 'number' ? (this.#file as IndexFile).line(known) : known
    const entry = JSON.parse(line) as CachedArticle
    this.#current.set(relative, this.#row(relative, toEntryLine({ ...entry, bodyHash })))
    this.#bodyHashes.set(relative, bodyHash)
    this.#changed = true
  }

  /** The hash of an article's body as this build knows it, if it was ever read. */
  bodyHash(relative: string): string | undefined {
    return this.#bodyHashes.get(relative)
  }

  /**
   * A new line for this build's index. A first build writes it to the new index file at once (a line
   * written again later wins), so that 100,000 articles' lines are not held until `save`.
   */
  #row(relative: string, line: string): string | number {
    if (!this.#dir || this.#previous.size > 0) return line
    this.#file ??= IndexFile.create(path.join(this.#dir, _INDEX), this.#config)
    return this.#file.add(relative, line)
  }

  /** Removes a first build's index file when the build does not save it (it failed). */
  discard(): void {
    this.#file?.discard()
    this.#file = undefined
  }

  /**
   * Writes this build's entries. A build that changed a few appends them (a later line for an article
   * wins, `-` removes it) instead of rewriting every line; the file is compacted once a tenth of it is
   * superseded.
   */
  save(): void {
    if (!this.#dir) return
    const written = this.#file
    if (written) {
      this.#file = undefined
      written.commit()
      return
    }
    const changes: string[] = []
    for (const [relative, line] of this.#current) {
      if (this.#previous.get(relative) !== line) changes.push(indexRow(relative, line as string))
    }
    for (const relative of this.#previous.keys()) {
      if (!this.#current.has(relative)) changes.push(`${latin1Json(relative)}\t-\n`)
    }
    const appendable =
      this.#fileLines > 0 &&
      this.#indexConfig === this.#config &&
      this.#fileLines + changes.length <= this.#current.size + Math.max(100, this.#current.size / 10)
    if (appendable) appendFileSync(this.file, changes.join(''), 'latin1')
    else _writeIndex(this.file, this.#current, this.#config)
  }

  #load(file: string, warnings: StateError[]): void {
    let text: string
    try {
      text = readFileSync(file, 'latin1')
    } catch {
      return
    }
    try {
      const index = _readIndex(text)
      this.#previous = index.lines
      this.#indexConfig = index.config
      this.#fileLines = index.fileLines
    } catch (error) {
      this.#changed = true
      const where = { file: path.relative(process.cwd(), file) || file }
      const reason = `ignored the cache file: ${(error as Error).message}; it will be rewritten`
      warnings.push(new StateError(where, reason, { cause: error }))
    }
  }
}

/**
 * Index lines by article, the `configKey` their articles were validated with, and how many lines the
 * file has. An index of another kanal version is empty; anything else unreadable is an error.
 */
function _readIndex(text: string): { lines: Map<string, string>; config: string; fileLines: number } {
  const lines = text.split('\n')
  // A line cut short by a crash while appending is only a missing entry (and the file is rewritten).
  const torn = lines.length > 1 && lines.at(-1) !== ''
  if (torn) lines.pop()
  const header = JSON.parse(lines[0] ?? '') as { format?: unknown; config?: unknown }
  const index = new Map<string, string>()
  if (header.format !== CACHE_FORMAT) {
    if (typeof header.format === 'string' && header.format.startsWith('kanal-cache-')) {
      return { lines: index, config: '', fileLines: 0 }
    }
    throw new Error('not a kanal cache')
  }
  // Each line: the article's path as a JSON string, a tab, then its entry as JSON, or `-` (removed).
  for (const line of lines.slice(1)) {
    if (line === '') continue
    const tab = line.indexOf('\t')
    if (tab === -1) throw new Error('a line of the index is damaged')
    const relative = JSON.parse(line.slice(0, tab)) as string
    const entry = line.slice(tab + 1)
    if (entry === '-') index.delete(relative)
    else index.set(relative, entry)
  }
  return {
    lines: index,
    config: typeof header.config === 'string' ? header.config : '',
    fileLines: torn ? 0 : lines.length,
  }
}

function _writeIndex(file: string, index: Map<string, string | number>, config: string): void {
  const out = IndexFile.create(file, config)
  try {
    for (const [relative, line] of index) out.add(relative, line as string)
  } catch (error) {
    out.discard()
    throw error
  }
  out.commit()
}
