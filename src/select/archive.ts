import type { Article } from '../content/article.js'

/** One RFC 5005 archive page, before it gets its title. */
export interface ArchivePage {
  folder: string
  items: Article[]
  archive: { isArchive: true; current: string; prev?: string; next?: string }
  /** For the empty last page: the newest update on the page before it (see `archivePages`). */
  updatedWhenEmpty?: Date
}

/**
 * Splits a feed's articles (newest first) into RFC 5005 archive pages of `limit` items, counted from
 * the oldest, so that every article sits on exactly one page and a full page never changes again:
 * page k holds articles k·limit-limit … k·limit-1 (oldest first), and there is always one page after
 * the last full one (possibly empty), so each full page's `next-archive` link exists from the start.
 * With no more articles than `limit`, the subscription feed holds them all and there are no pages.
 * The empty page (when the count is a multiple of `limit`) is dated by the newest update on the
 * page before it, when it came to be: never "now", so a rebuild writes the same bytes.
 */
export function archivePages(newestFirst: Article[], limit: number, folder: string): ArchivePage[] {
  if (newestFirst.length <= limit) return []
  const oldestFirst = [...newestFirst].reverse()
  const count = Math.floor(oldestFirst.length / limit) + 1
  const pageFolder = (number: number) => `${folder}archiv/${number}/`
  const pages: ArchivePage[] = []
  for (let number = 1; number <= count; number++) {
    const items = oldestFirst.slice((number - 1) * limit, number * limit).reverse()
    const before = pages.at(-1)?.items
    pages.push({
      ...(items.length === 0 && before ? { updatedWhenEmpty: _newestUpdate(before) } : {}),
      folder: pageFolder(number),
      items,
      archive: {
        isArchive: true,
        current: folder,
        ...(number > 1 ? { prev: pageFolder(number - 1) } : {}),
        ...(number < count ? { next: pageFolder(number + 1) } : {}),
      },
    })
  }
  return pages
}

function _newestUpdate(articles: Article[]): Date {
  let newest = Number.NEGATIVE_INFINITY
  for (const article of articles) newest = Math.max(newest, article.updated.getTime())
  return new Date(newest)
}
