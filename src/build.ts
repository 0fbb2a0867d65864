import { countedFile, progressOf, reportedAgain, toHeldBackArticle } from './build-outcome.js'
import type { Article } from './content/article.js'
import { findArticles, publishedOnly } from './content/find.js'
import type { LoadInput } from './content/load.js'
import { byLocation, failsStrict } from './errors.js'
import { FastPath } from './fast/fast-path.js'
import type { BuildOptions, BuildResult } from './options.js'
import { lockOutput } from './output/lock.js'
import type { LinkTargets } from './render/link-targets.js'
import type { Selected } from './select.js'
import { type BuildSettings, resolveSettings } from './settings.js'
import { newStats } from './stats.js'

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
  const settings = await resolveSettings(options)
  // One build at a time on an output folder and its cache (`kanal check` writes neither).
  const lock = options.write === false ? undefined : await lockOutput(settings.outDir, settings.cacheDir)
  try {
    // Translations left out are noted on every build, also one reported again (they are no input of it).
    const site = { languages: settings.config.languages, notes: [] }
    const { contentDir, cwd, config } = settings
    const found = await findArticles(contentDir, cwd, config.from, settings.warnings, site)
    const files = publishedOnly(found, settings.config.pageUrls)
    const fast = new FastPath(settings, files, options)
    const last = await fast.lastOutcome()
    const outcome = last
      ? reportedAgain(last, settings.warnings, options.strict)
      : await _run(options, settings, files, fast).finally(() => fast.close())
    return site.notes.length > 0 ? { ...outcome, notes: [...site.notes, ...outcome.notes] } : outcome
  } finally {
    lock?.release()
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
  const progress = progressOf(options)

  // Read and validate every file's front matter; keep only the articles some feed could show. When
  // only bodies changed since the last build, the fast path hands back that build's selection.
  // Links between articles name files: every article's URL is kept (for sites with template code).
  const input = { contentDir, files, config, cwd, reader, onProgress: progress }
  const targets = new stages.LinkTargets(config)
  const selected =
    (await fast.sameSelection(targets)) ?? (await _select(stages, input, options, now, targets))
  const { content, selection } = selected

  // Render the bodies of the articles shown, and of no other.
  const shown = new Set<Article>(selection.feeds.flatMap((feed) => feed.items))
  const rendered = await stages.renderArticles(shown, config, cwd, renderer, progress)
  const bodies = stages.resolveReferences(rendered, targets, selected.heldBack, config)
  const images = await stages.readImages(shown, config, cwd)

  // Any error (with `strict`, any warning) stops the build here: nothing is written.
  const errors = [...content.errors, ...selection.errors, ...bodies.errors].sort(byLocation)
  const contentWarnings = [
    ...content.warnings,
    ...selection.warnings,
    ...bodies.warnings,
    ...images.warnings,
  ].sort(byLocation)
  const warnings = [...settings.warnings, ...fast.warnings, ...contentWarnings].sort(byLocation)
  const heldBack = selected.heldBack.map((held) => toHeldBackArticle(held, config.timeZone))
  const notes = selection.notes.sort(byLocation)
  const result = { articles: content.count, errors, warnings, heldBack, notes, stats }
  if (errors.length > 0 || (options.strict && failsStrict(warnings)))
    return { ...result, ok: false, files: [] }

  // One model per feed; every document serialised, self-checked and written (or counted), one at a time.
  const feeds = selection.feeds.map((feed) => ({
    folder: feed.folder,
    model: stages.toFeedModel(feed, bodies.rendered, config, now, images),
  }))
  // The publish guard: an article that subscribers would see again as new stops the build here.
  const guard = options.against && (await stages.compareAgainst(options.against, feeds, shown, settings))
  const guarded = guard ? { ...result, against: guard.report } : result
  if (guard && guard.errors.length > 0) return { ...guarded, ok: false, errors: guard.errors, files: [] }
  if (options.write === false) {
    const checked = stages.checked(stages.produceFiles(feeds, config))
    return { ...guarded, ok: true, files: Array.from(checked, countedFile) }
  }
  const produced = stages.checked(stages.produceFiles(feeds, config, group), false)
  const written = await stages.writeOutput(outDir, produced, stages.selfCheck, { warnings, cwd })
  warnings.push(...(await fast.written()))

  // Tell the WebSub hubs, then record the build for the next one.
  if (options.ping) {
    const subscribed = selection.feeds.filter((feed) => !feed.archive?.isArchive).map((feed) => feed.folder)
    const ping = options.ping === true ? {} : options.ping
    const { notifyHubs } = await import('./websub/notify.js')
    warnings.push(...(await notifyHubs(config, subscribed, written, outDir, options.out ?? 'dist', ping)))
  }
  const recorded = fast.record({
    articles: content.count,
    shown: shown.size,
    warnings: contentWarnings,
    files: written,
    heldBack,
    notes: result.notes,
    imageFiles: [...bodies.imageFiles, ...images.files],
    selected,
  })
  warnings.push(...recorded)
  return { ...guarded, ok: !(options.strict && failsStrict(warnings)), files: written }
}

/** Every file's article through the duplicate check, into the sieve; what each feed shows. */
async function _select(
  stages: typeof import('./stages.js'),
  input: LoadInput,
  options: BuildOptions,
  now: Date,
  targets: LinkTargets,
): Promise<Selected> {
  const sieve = new stages.FeedSieve(input.config, {
    now,
    drafts: options.drafts ?? false,
    future: options.future ?? false,
  })
  const content = await stages.loadArticles(input, (article) => {
    sieve.add(article)
    targets.add(article)
  })
  return { content, selection: sieve.select(), heldBack: sieve.heldBack, due: sieve.due, targets }
}
