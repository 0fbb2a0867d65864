import type { Article } from '../content/article.js'

/** Newest first; ties by slug, so the order never depends on the file system. */
export function byNewest(a: Article, b: Article): number {
  return b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
}

/**
 * Adds `article` to `list`, which is kept newest first and at most `cap` long: an article older than
 * a full list's last one stays out, and one that comes in pushes the last one out.
 */
export function keepNewest(list: Article[], article: Article, cap: number): void {
  const last = list[list.length - 1]
  if (list.length >= cap && last !== undefined && byNewest(article, last) >= 0) return
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (byNewest(list[middle] as Article, article) <= 0) low = middle + 1
    else high = middle
  }
  list.splice(low, 0, article)
  if (list.length > cap) list.pop()
}
