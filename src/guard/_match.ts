import type { PublishedItem } from './published.js'

/** What an old item can be matched with: an article or a feed item, by link, title and date. */
export interface Candidate {
  url: string
  title: string
  date: Date
}

const _DAY_MS = 24 * 60 * 60 * 1000

/**
 * The candidate an old item is the same article as, when its id no longer tells: the one at the same
 * link, else the one at the same path on another host or scheme (a domain move), else the only one
 * with the same title published within a day. None when that is not one candidate.
 */
export function findSameArticle<Item extends Candidate>(
  old: PublishedItem,
  candidates: Item[],
): Item | undefined {
  if (old.link) {
    const exact = candidates.filter((candidate) => candidate.url === old.link)
    if (exact.length === 1) return exact[0]
    const path = toLinkPath(old.link)
    const samePath =
      path === undefined ? [] : candidates.filter((candidate) => toLinkPath(candidate.url) === path)
    if (samePath.length === 1) return samePath[0]
  }
  if (!old.title) return undefined
  const title = normaliseTitle(old.title)
  const sameTitle = candidates.filter(
    (candidate) =>
      normaliseTitle(candidate.title) === title &&
      (old.published === undefined ||
        Math.abs(candidate.date.getTime() - old.published.getTime()) <= _DAY_MS),
  )
  return sameTitle.length === 1 ? sameTitle[0] : undefined
}

/** True when an item under one id is plainly another article: both its link path and its title differ. */
export function isOtherArticle(old: PublishedItem, candidate: { url: string; title: string }): boolean {
  const linkDiffers = old.link !== undefined && toLinkPath(old.link) !== toLinkPath(candidate.url)
  const titleDiffers =
    old.title !== undefined && normaliseTitle(old.title) !== normaliseTitle(candidate.title)
  return linkDiffers && titleDiffers
}

/** A link's path and query, without the trailing slash or `index.html`: what survives a domain move. */
export function toLinkPath(link: string): string | undefined {
  try {
    const url = new URL(link)
    const path = decodeURI(url.pathname)
      .replace(/\/index\.html?$/, '/')
      .replace(/\/+$/, '')
    return `${path}${url.search}`
  } catch {
    return undefined
  }
}

/** A title as words only: case, punctuation, entities and white space do not tell articles apart. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Text without markup, entities or runs of white space, to tell whether content changed. */
export function toPlainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}
