import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import type { FeedModel } from '../model.js'
import type { FetchOptions } from './_fetch-feed.js'
import { loadPublished } from './_load-published.js'
import { compareFeed, type FeedDiff, type IdentityBreak } from './compare.js'

/** What subscribers of the published feeds would see after this build. */
export interface AgainstReport {
  /** What the build was compared with: folder, feed file or URL. */
  against: string
  feeds: FeedDiff[]
  /** Items per kind over every feed (an article in three formats counts three times). */
  counts: { new: number; updated: number; left: number; breaks: number; unchanged: number }
}

/** What to compare with (folder, feed file or URL), and how to fetch a URL. */
export interface AgainstOptions extends FetchOptions {
  against: string
}

/** The comparison, and one error per article whose identity breaks (at most one per kind and old id). */
export interface AgainstOutcome {
  report: AgainstReport
  errors: ContentError[]
}

/**
 * The publish guard: compares every subscription feed this build would write with the published one
 * (`loadPublished`) and turns each identity break into a content error at the article, with the fix.
 * Archive pages are left out: readers subscribe to the feeds, not to pages that never change.
 */
export async function compareAgainst(
  place: string | AgainstOptions,
  feeds: { folder: string; model: FeedModel }[],
  shown: Iterable<Article>,
  settings: { cwd: string; config: { limit: number } },
): Promise<AgainstOutcome> {
  const { against, ...fetching } = typeof place === 'string' ? { against: place } : place
  const options = { ...fetching, cwd: settings.cwd, limit: settings.config.limit }
  const subscribed = feeds.filter((feed) => !feed.model.archive?.isArchive)
  const models = new Map(subscribed.map((feed) => [feed.folder, feed.model]))
  const published = await loadPublished(against, [...models.keys()], options)
  const diffs = published.map((file) => {
    const model = models.get(file.folder) as FeedModel
    return compareFeed(file.path, file.feed, model, options.limit)
  })
  const counts = { new: 0, updated: 0, left: 0, breaks: 0, unchanged: 0 }
  for (const diff of diffs) {
    counts.new += diff.new.length
    counts.updated += diff.updated.length
    counts.left += diff.left.length
    counts.breaks += diff.breaks.length
    counts.unchanged += diff.unchanged
  }
  return { report: { against, feeds: diffs, counts }, errors: _errors(diffs, shown) }
}

function _errors(diffs: FeedDiff[], shown: Iterable<Article>): ContentError[] {
  const byId = new Map([...shown].map((article) => [article.id, article]))
  const errors = new Map<string, ContentError>()
  for (const diff of diffs) {
    for (const broken of diff.breaks) {
      const key = `${broken.kind} ${broken.oldId} ${broken.newId}`
      const article = byId.get(broken.newId)
      if (errors.has(key) || !article) continue
      const line =
        (broken.kind === 'date-moved' ? article.keyLines?.date : article.keyLines?.id) ??
        article.source.frontMatterLine
      errors.set(key, new ContentError({ file: article.source.file, line }, _reason(broken, diff.source)))
    }
  }
  return [...errors.values()]
}

function _reason(broken: IdentityBreak, source: string): string {
  const old = JSON.stringify(broken.oldId)
  const now = JSON.stringify(broken.newId)
  switch (broken.kind) {
    case 'id-changed':
      return `identity break: ${source} published this article with the id ${old}, it would now get ${now}, and every subscriber would see it again as new; add \`id: ${broken.oldId}\` to the front matter (or run kanal adopt ${source})`
    case 'date-moved':
      return `identity break: ${source} published this article on ${broken.oldDate}, its date is now ${broken.newDate}, and readers would show it again as new; put the date back and note a change with \`updated:\``
    case 'id-reused':
      return `identity break: the id ${now} belongs to ${JSON.stringify(broken.oldTitle ?? '')} in ${source}; readers would take this article for an edit of that one and never show it; give it an id of its own`
  }
}
