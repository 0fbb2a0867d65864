import path from 'node:path'
import { ArticleCache, type CacheStats } from './cache/cache.js'
import {
  BuildStamp,
  dueRange,
  type FileStats,
  inputsHash,
  type OutputGroup,
  type StampResult,
} from './cache/stamp.js'
import { type Config, exampleSiteWarning, readConfig } from './config.js'
import type { Article } from './content/article.js'
import { findArticles, statArticles } from './content/find.js'
import { formatGermanDateTime, formatRfc3339 } from './dates/format.js'
import { byLocation, ContentError, UsageError } from './errors.js'
import type { KeptFile, OutputFile } from './output/file.js'
import { checkOutputFolder } from './output/folder.js'
import type { WrittenFile } from './output/write.js'
import type { JobPool } from './parallel/pool.js'
import type { PingOptions } from './websub/ping.js'

/** What to build, from where, to where. Paths are relative to `cwd`. */
export interface BuildOptions {
  /** Working directory; default `process.cwd()`. */
  cwd?: string
  /** Config file; default `kanal.config.json`. */
  config?: string
  /** Content folder; default `content`. */
  content?: string
  /** Output folder; default `dist`. */
  out?: string
  /** Overrides the config's `siteUrl` (preview deployments). */
  siteUrl?: string
  /** "Now" for leaving out future articles; default `SOURCE_DATE_EPOCH` or the clock. */
  now?: Date
  /** Include `draft: true` articles. */
  drafts?: boolean
  /** Include articles dated after now. */
  future?: boolean
  /** Treat warnings as errors. */
  strict?: boolean
  /** Cache folder, or false for none; default `node_modules/.cache/kanal`. */
  cache?: string | false
  /** After writing, notify the config's WebSub hubs of changed feeds (options for tests: timeouts, fetch). */
  ping?: boolean | PingOptions
  /** Threads for reading and rendering; default: up to two, the helper only for first builds of 20,000 files or more (docs/benchmarks.md). */
  threads?: number
  /** Called now and then with how far a long stage has come (for a progress display). */
  onProgress?: (stage: 'lesen' | 'rendern', done: number, total: number) => void
  /** False: validate everything, write nothing (`kanal check`). Default true. */
  write?: boolean
}

/** An article the feeds leave out for now. Not a warning: scheduling an article is no mistake. */
export interface HeldBackArticle {
  file: string
  reason: 'draft' | 'scheduled'
  /** Its date, RFC 3339 with the site zone's offset. */
  date: string
  /** Its date as German readers write it: `Montag, 25. Oktober 2027, 10:00 Uhr`. */
  germanDate: string
}

/** The outcome of a build: nothing is printed, nothing exits. */
export interface BuildResult {
  /**
   * True when there were no errors (and, with `strict`, no warnings). Output is written only when there
   * are none; the one warning that can come after writing is a failed WebSub ping (`ping`).
   */
  ok: boolean
  /** Article files read. */
  articles: number
  /** Files written (or, with `write: false`, that would be written). */
  files: WrittenFile[]
  errors: ContentError[]
  warnings: ContentError[]
  /** Articles left out for now: drafts (without `drafts`) and scheduled ones (dated after now, without `future`). */
  heldBack: HeldBackArticle[]
  /** Work done and saved by the cache: front matter parsed or reused, bodies rendered or reused. */
  stats: CacheStats
}

/**
 * Builds every feed from the content folder. Content problems are returned, all of them; a bad config
 * or command line throws `UsageError`; output that fails kanal's own check throws `SelfCheckError`.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const cwd = options.cwd ?? process.cwd()
  const now = options.now ?? nowFromEnvironment()
  const configFile = options.config ?? 'kanal.config.json'
  const config = await readConfig(path.resolve(cwd, configFile), options, configFile)
  const configWarnings = [exampleSiteWarning(config, configFile)].filter((warning) => warning !== undefined)
  const contentDir = path.resolve(cwd, options.content ?? 'content')
  const outDir = path.resolve(cwd, options.out ?? 'dist')
  checkOutputFolder(outDir, contentDir, path.resolve(cwd, configFile))
  const cacheDir =
    options.cache === false ? undefined : path.resolve(cwd, options.cache ?? 'node_modules/.cache/kanal')
  const files = await findArticles(contentDir)
  const stampWarnings: ContentError[] = []
  const writes = options.write !== false
  const stamp = cacheDir && writes ? BuildStamp.read(cacheDir, stampWarnings) : undefined
  // Sizes and mtimes for the up-to-date check and the cache; a first build takes them from reading.
  const stats =
    cacheDir && (stamp || ArticleCache.exists(cacheDir)) ? statArticles(contentDir, files) : undefined

  // Nothing changed since the last build (same code, config, options, content files and output):
  // it would write the same bytes, so its outcome is reported again and nothing is read or written.
  const settings = { config, cwd, contentDir, outDir, drafts: options.drafts, future: options.future }
  const inputs = stamp && stats ? inputsHash(settings, files, stats) : undefined
  const last = inputs ? stamp?.upToDate(inputs, now) : undefined
  if (last && !(options.ping && (await _unpinged(outDir))))
    return _again(last, configWarnings, options.strict)

  const cache = await ArticleCache.open(cacheDir, config)
  cache.warnings.push(...stampWarnings, ...configWarnings)
  const record = cacheDir && writes ? { cacheDir, settings, inputs } : undefined
  return _run(options, { cwd, now, config, contentDir, outDir, files, stats, cache, stamp, record })
}

interface _Run {
  cwd: string
  now: Date
  config: Config
  contentDir: string
  outDir: string
  files: string[]
  stats: FileStats | undefined
  cache: ArticleCache
  /** The last build's record: output it wrote that this build would write the same is kept. */
  stamp: BuildStamp | undefined
  /** Where to record a successful build for the next one, and the inputs hash if already known. */
  record: { cacheDir: string; settings: unknown; inputs: string | undefined } | undefined
}

async function _run(options: BuildOptions, run: _Run): Promise<BuildResult> {
  const pool = new (await import('./stages.js')).JobPool(options.threads)
  try {
    return await _stages(options, run, pool)
  } finally {
    await pool.close()
    // A build that failed saves nothing: a first build's half-written cache index goes.
    run.cache.discard()
  }
}

async function _stages(options: BuildOptions, run: _Run, pool: JobPool): Promise<BuildResult> {
  const {
    loadArticles,
    FeedSieve,
    renderArticles,
    toFeedModel,
    produceFiles,
    checked,
    selfCheck,
    writeOutput,
  } = await import('./stages.js')
  const { cwd, now, config, contentDir, outDir, cache } = run
  // Selected as they are read: only the articles some feed could show stay in memory.
  const future = options.future ?? false
  const sieve = new FeedSieve(config, { now, drafts: options.drafts ?? false, future })
  const input = { contentDir, files: run.files, stats: run.stats, config, cwd, cache, pool }
  const content = await loadArticles({ ...input, onProgress: options.onProgress }, (article) =>
    sieve.add(article),
  )
  const selection = sieve.select()
  const shown = new Set<Article>(selection.feeds.flatMap((feed) => feed.items))
  const bodies = await renderArticles(shown, config, cache, pool, options.onProgress)
  const errors = [...content.errors, ...selection.errors, ...bodies.errors].sort(byLocation)
  const contentWarnings = [...content.warnings, ...bodies.warnings]
  const warnings = [...cache.warnings, ...contentWarnings].sort(byLocation)
  const heldBack = sieve.heldBack.map(({ file, date, reason }) => ({
    file,
    reason,
    date: formatRfc3339(date, config.timeZone),
    germanDate: formatGermanDateTime(date, config.timeZone),
  }))
  const result = { articles: content.count, errors, warnings, heldBack, stats: cache.stats }
  if (errors.length > 0 || (options.strict && warnings.length > 0)) return { ...result, ok: false, files: [] }

  const feeds = selection.feeds.map((feed) => ({
    folder: feed.folder,
    model: toFeedModel(feed, bodies.rendered, config, now),
  }))
  // One document at a time: serialised, checked, written (or, for check, counted), then dropped.
  if (options.write === false) {
    const files = checked(produceFiles(feeds, config))
    return { ...result, ok: true, files: Array.from(files, _counted) }
  }
  const groups: OutputGroup[] = []
  const reuse = run.record && { kept: (print: string) => run.stamp?.kept(print, outDir), groups }
  const report = { warnings, cwd }
  const written = await writeOutput(
    outDir,
    checked(produceFiles(feeds, config, reuse), false),
    selfCheck,
    report,
  )
  // What was written, as it is now: saving the cache and pinging hubs leave no room for changes.
  const outputs = run.record && BuildStamp.snapshot(outDir, groups)
  await cache.save()
  if (options.ping) {
    const folders = selection.feeds.filter((feed) => !feed.archive?.isArchive).map((feed) => feed.folder)
    const pingOptions = options.ping === true ? {} : options.ping
    const outName = options.out ?? 'dist'
    const { notifyHubs } = await import('./websub/notify.js')
    warnings.push(...(await notifyHubs(config, folders, written, outDir, outName, pingOptions)))
  }
  if (run.record && outputs) {
    BuildStamp.record(run.record.cacheDir, {
      inputs: run.record.inputs ?? _inputsRead(run.record.settings, run.files, content.read),
      now: dueRange(sieve.due, selection.feeds, now, future),
      outDir,
      indexFile: cache.indexFile,
      outputs,
      result: {
        articles: content.count,
        shown: shown.size,
        warnings: contentWarnings
          .sort(byLocation)
          .map((warning) => ({ ...warning.location, reason: warning.reason })),
        files: written.map((file) => ({ path: file.path, bytes: file.bytes })),
        heldBack,
      },
    })
  }
  return { ...result, ok: !(options.strict && warnings.length > 0), files: written }
}

/** True when WebSub pings of the last build failed and wait to be tried again. */
async function _unpinged(outDir: string): Promise<boolean> {
  return (await (await import('./output/write.js')).readUnpinged(outDir)).length > 0
}

/** The outcome of the last build, reported again because nothing changed since. */
function _again(last: StampResult, configWarnings: ContentError[], strict = false): BuildResult {
  const warnings = [
    ...configWarnings,
    ...last.warnings.map(({ reason, ...location }) => new ContentError(location, reason)),
  ].sort(byLocation)
  const ok = !(strict && warnings.length > 0)
  return {
    ok,
    articles: last.articles,
    files: ok ? last.files.map((file) => ({ ...file, changed: false })) : [],
    errors: [],
    warnings,
    heldBack: last.heldBack ?? [],
    stats: { parsed: 0, reused: last.articles, rendered: 0, renderReused: last.shown, upToDate: true },
  }
}

/** The inputs hash from the sizes and mtimes the articles had when they were read. */
function _inputsRead(settings: unknown, files: string[], read: FileStats): string {
  const missing = read.sizes.findIndex(Number.isNaN)
  if (missing !== -1) throw new Error(`kanal bug: ${files[missing]} was built without an article`)
  return inputsHash(settings, files, read)
}

function _counted(file: OutputFile | KeptFile): WrittenFile {
  const bytes = 'kept' in file ? file.kept.bytes : Buffer.byteLength(file.contents)
  return { path: file.path, bytes, changed: false }
}

/** `SOURCE_DATE_EPOCH` (seconds, for reproducible builds) or the clock. */
export function nowFromEnvironment(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || epoch === '') return new Date()
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${epoch}")`)
  return new Date(Number(epoch) * 1000)
}
