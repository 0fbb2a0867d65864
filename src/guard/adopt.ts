import { copyFile, link, readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Article } from '../content/article.js'
import { findArticles } from '../content/find.js'
import { loadArticles } from '../content/load.js'
import { readArticle } from '../content/read-article.js'
import { ContentError, UsageError } from '../errors.js'
import type { BuildOptions } from '../options.js'
import { resolveSettings } from '../settings.js'
import { type FetchOptions, fetchFeed } from './_fetch-feed.js'
import { hasIdLine, withIdLine } from './_id-line.js'
import { findSameArticle } from './_match.js'
import type { PublishedFeed, PublishedItem } from './published.js'
import { readFeed } from './read-feed.js'

/** What to adopt from, and into which site. */
export interface AdoptOptions extends Pick<BuildOptions, 'cwd' | 'config' | 'content'>, FetchOptions {
  /** Old feeds: files or URLs, in any of the three formats, from any generator. */
  feeds: string[]
  /** Report what would be written, write nothing. */
  dryRun?: boolean
  /** Replace an id the article already sets. */
  force?: boolean
}

/** One article given its old id (or, with `dryRun`, that would be). */
export interface AdoptedId {
  file: string
  id: string
  /** The id the front matter set before (only with `force`). */
  replaced?: string
}

/** What `adopt` did: ids written, articles left alone, old items without an article. */
export interface AdoptResult {
  adopted: AdoptedId[]
  /** Articles that already had the old id. */
  unchanged: number
  /** Articles whose own id differs from the old one: left alone without `force`. */
  conflicts: { file: string; id: string; current: string }[]
  /** Old items no article matched (by link path, then title and date). */
  unmatched: { source: string; id: string; title?: string; link?: string }[]
  /** Content or write problems; with any, nothing was written. */
  errors: ContentError[]
}

/**
 * Takes over the ids an earlier generator published, so subscribers see nothing new after the switch:
 * each old item's article (by link path, then normalised title and date) gets the old id as one added
 * `id:` line in its front matter. Every changed file is staged and read back as kanal reads it first;
 * only when all of them read back with their new id are they renamed into place.
 */
export async function adopt(options: AdoptOptions): Promise<AdoptResult> {
  if (options.feeds.length === 0)
    throw new UsageError('adopt needs at least one old feed (file or URL); see kanal adopt --help')
  const settings = await resolveSettings({ ...options, cache: false })
  const cwd = settings.cwd
  const feeds = await Promise.all(options.feeds.map((feed) => _readOld(feed, cwd, options)))
  const articles: Article[] = []
  // The articles the build reads: a generator's list pages and a multilingual site's translations are none.
  const site = { languages: settings.config.languages, notes: [] }
  const files = await findArticles(settings.contentDir, cwd, settings.config.from, undefined, site)
  const loaded = await loadArticles(
    { contentDir: settings.contentDir, files, config: settings.config, cwd },
    (article) => articles.push(article),
  )
  const result: AdoptResult = {
    adopted: [],
    unchanged: 0,
    conflicts: [],
    unmatched: [],
    errors: loaded.errors,
  }
  if (loaded.errors.length > 0) return result
  const planned = new Map<Article, string>()
  for (const { feed, item } of _oldItems(feeds)) {
    const article = findSameArticle(
      item,
      articles.map((each) => ({ ...each, url: each.url, date: each.date })),
    )
    const found = article && articles.find((each) => each.source === article.source)
    if (!found)
      result.unmatched.push({
        source: feed.source,
        id: item.id,
        ...(item.title ? { title: item.title } : {}),
        ...(item.link ? { link: item.link } : {}),
      })
    else if (!planned.has(found)) planned.set(found, item.id)
  }
  const staged: { article: Article; temp: string; adopted: AdoptedId }[] = []
  try {
    for (const [article, id] of planned) {
      if (article.id === id) {
        result.unchanged++
        continue
      }
      const text = await readFile(article.source.path, 'utf8')
      const own = hasIdLine(text)
      if (own && !options.force) {
        result.conflicts.push({ file: article.source.file, id, current: article.id })
        continue
      }
      const adopted: AdoptedId = { file: article.source.file, id, ...(own ? { replaced: article.id } : {}) }
      const changed = withIdLine(text, id, options.force ?? false)
      const temp = `${article.source.path}.kanal-adopt-${process.pid}`
      const problem =
        changed === undefined
          ? 'its front matter has no place for an id line kanal can write'
          : await _stageChecked(article, temp, changed, id, settings.config)
      if (problem)
        result.errors.push(
          new ContentError(
            { file: article.source.file },
            `cannot adopt the id ${JSON.stringify(id)}: ${problem}; add \`id: ${id}\` to the front matter by hand`,
          ),
        )
      else staged.push({ article, temp, adopted })
    }
    if (result.errors.length > 0 || options.dryRun)
      return { ...result, adopted: result.errors.length > 0 ? [] : staged.map((each) => each.adopted) }
    await _putInPlace(staged)
    result.adopted.push(...staged.map((each) => each.adopted))
    return result
  } finally {
    for (const each of staged) await rm(each.temp, { force: true })
  }
}

/**
 * Renames every staged article over its original. All or nothing: each original is kept under a second
 * name first (a hard link: no space needed), and when the file system refuses one (an article or
 * folder made read-only, a full disk), the articles already changed are renamed back, as they were,
 * and the error names the article.
 */
async function _putInPlace(staged: { article: Article; temp: string }[]): Promise<void> {
  const kept = (each: { article: Article }) => `${each.article.source.path}.kanal-adopt-old-${process.pid}`
  const done: typeof staged = []
  const unrestored = new Set<(typeof staged)[number]>()
  try {
    for (const each of staged) {
      await _keep(each.article.source.path, kept(each))
      await rename(each.temp, each.article.source.path)
      done.push(each)
    }
  } catch (error) {
    for (const each of done)
      await rename(kept(each), each.article.source.path).catch(() => unrestored.add(each))
    const refused = error as NodeJS.ErrnoException
    if (refused.code !== undefined) refused.path = staged[done.length]?.article.source.path ?? refused.path
    throw error
  } finally {
    // An original that could not be put back stays under its second name rather than be lost.
    for (const each of staged) if (!unrestored.has(each)) await rm(kept(each), { force: true })
  }
}

/** A second name for `file` (a hard link; a copy where the file system has no links). */
async function _keep(file: string, second: string): Promise<void> {
  await rm(second, { force: true })
  try {
    await link(file, second)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error
    await copyFile(file, second)
  }
}

/** Writes the changed article next to the original and reads it back as a build would; the problem, if any. */
async function _stageChecked(
  article: Article,
  temp: string,
  text: string,
  id: string,
  config: Parameters<typeof readArticle>[1],
): Promise<string | undefined> {
  try {
    await writeFile(temp, text, { flag: 'wx' })
  } catch (error) {
    // A write the disk refuses (full, a file size limit) leaves no half-written copy beside the article.
    const refused = error as NodeJS.ErrnoException
    if (refused.syscall === 'write') {
      refused.path ??= article.source.path
      await rm(temp, { force: true })
    }
    throw error
  }
  const back = readArticle(
    { path: temp, file: article.source.file, relative: article.source.relative },
    config,
  )
  if (back.article?.id === id && back.errors.length === 0) return undefined
  await rm(temp, { force: true })
  return back.errors[0]?.reason ?? 'the article does not read back with that id'
}

/** Every old item once, first feed first: an id two feeds disagree about goes to the first one's article. */
function* _oldItems(feeds: PublishedFeed[]): Generator<{ feed: PublishedFeed; item: PublishedItem }> {
  const seen = new Set<string>()
  for (const feed of feeds) {
    for (const item of feed.items) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      yield { feed, item }
    }
  }
}

async function _readOld(feed: string, cwd: string, options: FetchOptions): Promise<PublishedFeed> {
  if (/^https?:\/\//i.test(feed)) {
    const text = await fetchFeed(feed, options)
    if (text === undefined)
      throw new UsageError(`${feed}: not found (HTTP 404); give the URL of the old feed`)
    return readFeed(text, feed)
  }
  const text = await readFile(path.resolve(cwd, feed), 'utf8').catch((error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EISDIR'
        ? 'a folder; give the feed files in it'
        : error.code === 'ENOENT'
          ? 'no such file'
          : error.message
    throw new UsageError(`${feed}: cannot read the old feed (${reason})`)
  })
  return readFeed(text, feed)
}
