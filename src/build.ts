import type { Article } from './content/article.js'
import { findArticles } from './content/find.js'
import { formatGermanDateTime, formatRfc3339 } from './dates/format.js'
import { byLocation, ContentError } from './errors.js'
import { FastPath } from './fast/fast-path.js'
import type { StampResult } from './fast/stamp.js'
import type { BuildOptions, BuildResult, HeldBackArticle } from './options.js'
import type { KeptFile, OutputFile } from './output/file.js'
import type { WrittenFile } from './output/write.js'
import type { HeldBack } from './select.js'
import { type BuildSettings, resolveSettings } from './settings.js'
import { type BuildStats, newStats } from './stats.js'

export type { BuildOptions, BuildResult, HeldBackArticle } from './options.js'
export { nowFromEnvironment } from './settings.js'

/**
 * Builds every feed from the content folder. Content problems are returned, all of them; a bad config
 * or command line throws `UsageError`; output that fails kanal's own check throws `SelfCheckError`.
 *
 * find → read front matter → validate → select → render → feed model → serialise → self-check → write.
 * The stages take plain data; `FastPath` (src/fast/) plugs the cache and helper threads into them.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const resolved = await resolveSettings(options)
  const { files, warnings } = await findArticles(resolved.contentDir, resolved.cwd)
  const settings = { ...resolved, warnings: [...resolved.warnings, ...warnings] }
  const fast = new FastPath(settings, files, options)
  const last = await fast.lastOutcome()
  if (last) return _reportedAgain(last, settings.warnings, options.strict)
  try {
    return await _run(options, settings, files, fast)
  } finally {
    await fast.close()
  }
}

async function _run(
  options: BuildOptions,
  settings: BuildSettings,
  files: string[],
  fast: FastPath,
): Promise<BuildResult> {
  // Loaded only now: a build that finds everything up to date needs none of the stages.
  const stages = await import('./stages.js')
  const { config, now, contentDir, outDir, cwd } = settings
  const stats = newStats()
  const { reader, renderer, group } = fast.start(stats)
  const progress = _progress(options)

  // Read and validate every file's front matter; keep only the articles some feed could show.
  const sieve = new stages.FeedSieve(config, {
    now,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
  })
  const input = { contentDir, files, config, cwd, reader, onProgress: progress }
  const content = await stages.loadArticles(input, (article) => sieve.add(article))
  const selection = sieve.select()

  // Render the bodies of the articles shown, and of no other.
  const shown = new Set<Article>(selection.feeds.flatMap((feed) => feed.items))
  const bodies = await stages.renderArticles(shown, config, renderer, progress)

  // Any error (with `strict`, any warning) stops the build here: nothing is written.
  const errors = [...content.errors, ...selection.errors, ...bodies.errors].sort(byLocation)
  const contentWarnings = [...content.warnings, ...bodies.warnings].sort(byLocation)
  const warnings = [...settings.warnings, ...fast.warnings, ...contentWarnings].sort(byLocation)
  const heldBack = sieve.heldBack.map((held) => _heldBack(held, config.timeZone))
  const result = { articles: content.count, errors, warnings, heldBack, stats }
  if (errors.length > 0 || (options.strict && warnings.length > 0)) return { ...result, ok: false, files: [] }

  // One model per feed; every document serialised, self-checked and written (or counted), one at a time.
  const feeds = selection.feeds.map((feed) => ({
    folder: feed.folder,
    model: stages.toFeedModel(feed, bodies.rendered, config, now),
  }))
  if (options.write === false) {
    const checked = stages.checked(stages.produceFiles(feeds, config))
    return { ...result, ok: true, files: Array.from(checked, _counted) }
  }
  const produced = stages.checked(stages.produceFiles(feeds, config, group), false)
  const written = await stages.writeOutput(outDir, produced, stages.selfCheck, { warnings, cwd })
  await fast.written()

  // Tell the WebSub hubs, then record the build for the next one.
  if (options.ping) {
    const subscribed = selection.feeds.filter((feed) => !feed.archive?.isArchive).map((feed) => feed.folder)
    const ping = options.ping === true ? {} : options.ping
    const { notifyHubs } = await import('./websub/notify.js')
    warnings.push(...(await notifyHubs(config, subscribed, written, outDir, options.out ?? 'dist', ping)))
  }
  fast.record({
    articles: content.count,
    shown: shown.size,
    warnings: contentWarnings,
    files: written,
    heldBack,
    due: sieve.due,
    feeds: selection.feeds,
  })
  return { ...result, ok: !(options.strict && warnings.length > 0), files: written }
}

/** The progress callback, also under its deprecated name and stage names. */
function _progress(options: BuildOptions): BuildOptions['progress'] {
  const { progress, onProgress } = options
  if (!onProgress) return progress
  return (stage, done, total) => {
    progress?.(stage, done, total)
    onProgress(stage === 'read' ? 'lesen' : 'rendern', done, total)
  }
}

function _heldBack({ file, date, reason }: HeldBack, timeZone: string): HeldBackArticle {
  return {
    file,
    reason,
    date: formatRfc3339(date, timeZone),
    germanDate: formatGermanDateTime(date, timeZone),
  }
}

/** The outcome of the last build, reported again because nothing changed since. */
function _reportedAgain(last: StampResult, configWarnings: ContentError[], strict = false): BuildResult {
  const warnings = [
    ...configWarnings,
    ...last.warnings.map(({ reason, ...location }) => new ContentError(location, reason)),
  ].sort(byLocation)
  const ok = !(strict && warnings.length > 0)
  const stats: BuildStats = { ...newStats(), reused: last.articles, renderReused: last.shown, upToDate: true }
  return {
    ok,
    articles: last.articles,
    files: ok ? last.files.map((file) => ({ ...file, changed: false })) : [],
    errors: [],
    warnings,
    heldBack: last.heldBack ?? [],
    stats,
  }
}

function _counted(file: OutputFile | KeptFile): WrittenFile {
  const bytes = 'kept' in file ? file.kept.bytes : Buffer.byteLength(file.contents)
  return { path: file.path, bytes, changed: false }
}
