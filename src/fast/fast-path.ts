import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import { contentFiles } from '../content/load.js'
import type { ArticleReader } from '../content/read-article.js'
import { type ContentError, StateError } from '../errors.js'
import { sha256 } from '../hash.js'
import type { BuildOptions } from '../options.js'
import type { WrittenFile } from '../output/write.js'
import type { GroupMaker } from '../produce.js'
import type { BodyRenderer } from '../render/article-body.js'
import type { LinkTargets } from '../render/link-targets.js'
import type { Selected } from '../select.js'
import type { BuildSettings } from '../settings.js'
import type { BuildStats } from '../stats.js'
import { ArticleIndex } from './_article-index.js'
import { ArticleCache, type CacheFolder, openCacheFolder } from './_cache.js'
import { CachedReader } from './_cached-reader.js'
import { CachedRenderer } from './_cached-renderer.js'
import { dueRange } from './_due-range.js'
import { type FileStats, sameStatsAt, statArticles } from './_file-stats.js'
import { inputsHash } from './_fingerprint.js'
import type { KnownEntries } from './_index-file.js'
import { CODE_STAMP } from './_keys.js'
import { JobPool } from './_pool.js'
import { OutputReuse } from './_reuse.js'
import { SelectionMemo } from './_selection-memo.js'
import { isRefused } from './_write-failure.js'
import { BuildStamp, type OutputSnapshot, type StampResult } from './stamp.js'

/** What a successful build tells the fast path, for the next build. */
export interface BuildOutcome {
  articles: number
  shown: number
  /** Content warnings (not cache or WebSub warnings), sorted. */
  warnings: ContentError[]
  files: WrittenFile[]
  heldBack: NonNullable<StampResult['heldBack']>
  /** Notes (not warnings), sorted. */
  notes: ContentError[]
  /** Image files the build looked at (found or not): a change to one makes the next build run. */
  imageFiles: string[]
  /**
   * What loading and sieving gave: its due dates and feeds tell which "now"s give the same build, and
   * it is kept for a next build in which only bodies change.
   */
  selected: Selected
}

/**
 * The performance wing as the build sees it: whether the last build's outcome still holds (then
 * nothing need run), and the strategies that make a build that runs fast: a reader and a renderer
 * that use the cache and helper threads, and reuse of output files that would come out the same.
 */
export class FastPath {
  /** Problems with the cache or the build stamp (warnings: the build goes on without them). */
  readonly warnings: StateError[] = []
  readonly #settings: BuildSettings
  readonly #options: BuildOptions
  readonly #files: string[]
  /** The cache folder, when kanal can use it (`openCacheFolder`). */
  readonly #folder: CacheFolder | undefined
  readonly #stamp: BuildStamp | undefined
  readonly #known: FileStats | undefined
  readonly #inputs: string | undefined
  #cache: ArticleCache | undefined
  #pool: JobPool | undefined
  #reader: CachedReader | undefined
  #renderer: CachedRenderer | undefined
  #reuse: OutputReuse | undefined
  #outputs: OutputSnapshot | undefined
  #memoHashes: { settings: string; files: string } | undefined
  /** The memo `start` read, held only when its rows spare reading the index; 'later': read it again. */
  #memo: ReturnType<typeof SelectionMemo.read> | 'later'

  constructor(settings: BuildSettings, files: string[], options: BuildOptions) {
    this.#settings = settings
    this.#options = options
    this.#files = files
    const { contentDir } = settings
    const writes = options.write !== false
    this.#folder = openCacheFolder(settings.cacheDir, writes, this.warnings)
    const cacheDir = this.#folder?.dir
    this.#stamp = cacheDir && writes ? BuildStamp.read(cacheDir, this.warnings) : undefined
    // File stats for the up-to-date check and the cache; a first build takes them from reading.
    const stats = cacheDir && (this.#stamp || existsSync(ArticleIndex.fileIn(cacheDir)))
    this.#known = stats ? statArticles(contentDir, files) : undefined
    this.#inputs = this.#stamp && this.#known ? inputsHash(this.#hashed(), files, this.#known) : undefined
  }

  /**
   * The last build's outcome when nothing it read (code, config, options, every content file's size,
   * mtime, ctime and inode, "now" as far as it decides what is due) or wrote changed since, and no WebSub ping of
   * it waits to be tried again: a build would write the same bytes.
   */
  async lastOutcome(): Promise<StampResult | undefined> {
    // The published feeds are no input kanal can see change: a guarded build always compares.
    if (this.#options.against) return undefined
    const last = this.#inputs ? this.#stamp?.upToDate(this.#inputs, this.#settings.now) : undefined
    if (!last || !this.#options.ping) return last
    const { readUnpinged } = await import('../output/write.js')
    return (await readUnpinged(this.#settings.outDir)).length > 0 ? undefined : last
  }

  /** Opens the cache and the thread pool for a build that runs; `stats` counts what they do. */
  start(stats: BuildStats): { reader: ArticleReader; renderer: BodyRenderer; group: GroupMaker | undefined } {
    const { config, outDir, contentDir, cwd } = this.#settings
    // A rebuild that may take the last selection starts from the shown articles' entries alone. A
    // memo whose rows do not do is read again after the index: a large site's memo is megabytes.
    const memo = this.#lastSelection()
    this.#memo = memo && !memo.known ? 'later' : memo
    const cache = new ArticleCache(this.#folder, config, memo?.known)
    this.warnings.push(...cache.warnings)
    const pool = new JobPool(this.#options.threads)
    this.#cache = cache
    this.#pool = pool
    this.#reader = new CachedReader({ contentDir, cwd, files: this.#files }, this.#known, cache, pool, stats)
    this.#renderer = new CachedRenderer(cache, pool, stats)
    if (this.#recording) {
      const kept = (print: string) => this.#stamp?.kept(print, outDir)
      this.#reuse = new OutputReuse(kept, this.#renderer.keys)
    }
    return { reader: this.#reader.read, renderer: this.#renderer.render, group: this.#reuse?.group }
  }

  /**
   * The last build's selection, when this build would make the same: the config, options, kanal's
   * code, the list of files and the due articles are the same, and every file that changed since
   * still gives the entry it gave (only bodies changed; `CachedReader.sameEntries`). Then its articles
   * come from the cache and no front matter but the changed files' is read; `targets` (empty) gets
   * the last build's links between articles.
   */
  async sameSelection(targets: LinkTargets): Promise<Selected | undefined> {
    const { config, contentDir, cwd } = this.#settings
    const memo = this.#memo === 'later' ? this.#lastSelection() : this.#memo
    // Asked once: the rest of the build has no use for the memo.
    this.#memo = undefined
    if (!memo || !this.#reader) return undefined
    const files = contentFiles(contentDir, cwd, this.#files)
    const article = await this.#reader.sameEntries(memo.inputs.stats, files, config)
    return article && memo.replay(article, targets)
  }

  /**
   * The last build's selection memo, when it was made from this build's code, settings, list of
   * files, due articles and cache index; its index rows only when they cover every file changed since.
   */
  #lastSelection(): ReturnType<typeof SelectionMemo.read> {
    const folder = this.#folder
    const known = this.#known
    if (!folder?.secret || !this.#stamp || !known) return undefined
    const memo = SelectionMemo.read(folder.dir, folder.secret)
    if (!memo) return undefined
    const { inputs } = memo
    const made = this.#memoInputs()
    const now = this.#settings.now.getTime()
    if (inputs.settings !== made.settings || inputs.files !== made.files) return undefined
    if (now < inputs.now[0] || now > inputs.now[1]) return undefined
    if (!_sameFile(ArticleIndex.fileIn(folder.dir), inputs.index)) return undefined
    const rows = memo.known?.rows
    const last = inputs.stats
    for (let at = 0; rows && at < this.#files.length; at++) {
      if (!sameStatsAt(known, last, at) && !rows.has(this.#files[at] as string))
        return { ...memo, known: undefined }
    }
    return memo
  }

  /**
   * Right after writing: notes the output files as they are now (saving the cache and pinging hubs
   * leave no room for a change the stamp would then vouch for), and saves the cache. The feeds are
   * written by then: a cache that cannot be saved is a warning (returned), and nothing is recorded.
   */
  async written(): Promise<StateError[]> {
    if (this.#reuse) this.#outputs = BuildStamp.snapshot(this.#settings.outDir, this.#reuse.groups)
    try {
      this.#cache?.save()
      return []
    } catch (error) {
      this.#outputs = undefined
      return [this.#unusable(error)]
    }
  }

  /** Records a successful build (after its pings) for the next one. */
  record(outcome: BuildOutcome): StateError[] {
    const cacheDir = this.#folder?.dir
    const { outputs, cache, reader } = { outputs: this.#outputs, cache: this.#cache, reader: this.#reader }
    if (!cacheDir || !this.#recording || !outputs || !cache || !reader) return []
    try {
      this.#record(cacheDir, outcome, { outputs, index: cache.index, seen: reader.seen })
      return []
    } catch (error) {
      return [this.#unusable(error)]
    }
  }

  #record(
    cacheDir: string,
    outcome: BuildOutcome,
    made: { outputs: OutputSnapshot; index: ArticleIndex; seen: FileStats },
  ): void {
    const { outDir, now } = this.#settings
    const { due, selection } = outcome.selected
    const range = dueRange(due, selection.feeds, now, this.#options.future ?? false)
    BuildStamp.record(cacheDir, {
      inputs: this.#inputs ?? this.#inputsRead(made.seen),
      now: range,
      outDir,
      indexFile: made.index.file,
      outputs: made.outputs,
      imageFiles: outcome.imageFiles,
      result: {
        articles: outcome.articles,
        shown: outcome.shown,
        warnings: outcome.warnings.map((warning) => ({ ...warning.location, reason: warning.reason })),
        files: outcome.files.map((file) => ({ path: file.path, bytes: file.bytes })),
        heldBack: outcome.heldBack,
        notes: outcome.notes.map((note) => ({ ...note.location, reason: note.reason })),
      },
    })
    const index = statSync(made.index.file, { throwIfNoEntry: false })
    const secret = this.#folder?.secret
    if (!index || !secret) return
    const inputs = {
      ...this.#memoInputs(),
      stats: made.seen,
      index: [index.size, index.mtimeMs, index.ino] as [number, number, number],
      now: range,
    }
    const known = _shownEntries(outcome.selected, made.index)
    SelectionMemo.write(cacheDir, secret, { inputs, selected: outcome.selected, known })
  }

  /** Stops the helper threads; a build that failed saves nothing (a first build's half-written index goes). */
  async close(): Promise<void> {
    await this.#pool?.close()
    this.#cache?.discard()
  }

  get #recording(): boolean {
    return this.#folder !== undefined && this.#options.write !== false
  }

  /** A file-system error while saving the cache, as the warning it is; anything else is thrown. */
  #unusable(error: unknown): StateError {
    if (!isRefused(error)) throw error
    const { code } = error
    const dir = this.#folder?.dir ?? ''
    const where = { file: path.relative(process.cwd(), dir) || dir }
    const reason = `could not save the cache (${code}); the next build does this build's work again`
    return new StateError(where, reason, { cause: error })
  }

  /** What the inputs hash covers besides kanal's code and the content files. */
  #hashed(): unknown {
    const { config, cwd, contentDir, outDir } = this.#settings
    return { config, cwd, contentDir, outDir, drafts: this.#options.drafts, future: this.#options.future }
  }

  /** What a selection memo is checked against besides the files' stats: code and settings, the file list. */
  #memoInputs(): { settings: string; files: string } {
    this.#memoHashes ??= {
      settings: sha256(`${CODE_STAMP}\0${JSON.stringify(this.#hashed())}`),
      files: sha256(this.#files.join('\n')),
    }
    return this.#memoHashes
  }

  /** The inputs hash from the stats (size, mtime, ctime, inode) the articles had when they were read. */
  #inputsRead(seen: FileStats): string {
    const missing = seen.sizes.findIndex(Number.isNaN)
    if (missing !== -1) throw new Error(`kanal bug: ${this.#files[missing]} was built without an article`)
    return inputsHash(this.#hashed(), this.#files, seen)
  }
}

/** Whether `file` still has the size, mtime and inode recorded. */
function _sameFile(file: string, [size, mtimeMs, ino]: [number, number, number]): boolean {
  const stat = statSync(file, { throwIfNoEntry: false })
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs && stat.ino === ino
}

/**
 * The shown articles' index rows as saved, and the index file's state: what the next build's
 * partial index starts from. Undefined when the index holds some only on disk (a first build).
 */
function _shownEntries(selected: Selected, index: ArticleIndex): KnownEntries | undefined {
  const state = index.state
  if (!state || state.seal === '') return undefined
  const rows: KnownEntries['rows'] = new Map()
  for (const feed of selected.selection.feeds) {
    for (const article of feed.items) {
      const relative = article.source.relative
      const row = rows.get(relative) ?? index.row(relative)
      if (!row) return undefined
      rows.set(relative, row)
    }
  }
  return { rows, state }
}
