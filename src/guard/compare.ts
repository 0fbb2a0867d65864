import type { FeedItem, FeedModel } from '../model.js'
import { findSameArticle, isOtherArticle, toPlainText } from './_match.js'
import type { PublishedFeed, PublishedItem } from './published.js'

/** An item by what a person recognises it by. */
export interface ItemRef {
  id: string
  title: string
  link?: string
}

/** An item that is still there under its id, with what changed. */
export interface UpdatedItem extends ItemRef {
  changed: ('title' | 'content' | 'updated' | 'link')[]
}

/** A published item no longer in the feed: pushed out by newer ones (`limit`), or gone (`removed`). */
export interface LeftItem extends ItemRef {
  reason: 'limit' | 'removed'
}

/**
 * What makes readers show an article again, or hide one: `id-changed` (the article is there under
 * another id: it comes back as new), `date-moved` (its published date moved: it resurfaces),
 * `id-reused` (another article took its id: readers take the new one for an edit and never show it).
 */
export interface IdentityBreak {
  kind: 'id-changed' | 'date-moved' | 'id-reused'
  /** The article's title now. */
  title: string
  /** The title it was published with. */
  oldTitle?: string
  oldId: string
  newId: string
  link: string
  /** RFC 3339, for `date-moved`. */
  oldDate?: string
  newDate?: string
}

/** One published feed compared with the feed kanal would write in its place. */
export interface FeedDiff {
  /** The output path the feed is compared with (`rss.xml`, `kategorie/politik/atom.xml`). */
  feed: string
  /** What was read: file or URL. */
  source: string
  new: ItemRef[]
  updated: UpdatedItem[]
  left: LeftItem[]
  breaks: IdentityBreak[]
  unchanged: number
}

/**
 * Compares the items of a published feed with the model kanal would serialise in its place. An old
 * item is the same article when its id is still there (unless link and title both changed), or else
 * when `findSameArticle` finds it by link, path or title and date; `limit` tells items pushed out by
 * newer ones from removed ones.
 */
export function compareFeed(
  feed: string,
  published: PublishedFeed,
  model: FeedModel,
  limit: number,
): FeedDiff {
  const diff: FeedDiff = {
    feed,
    source: published.source,
    new: [],
    updated: [],
    left: [],
    breaks: [],
    unchanged: 0,
  }
  const byId = new Map(model.items.map((item) => [item.id, item]))
  const oldIds = new Set(published.items.map((item) => item.id))
  const unclaimed = new Set(model.items.filter((item) => !oldIds.has(item.id)))
  const oldest = Math.min(...model.items.map((item) => item.published.getTime()))
  for (const old of published.items) {
    const same = byId.get(old.id)
    if (same && isOtherArticle(old, same)) {
      diff.breaks.push({
        kind: 'id-reused',
        ..._break(old, same),
        ...(old.title ? { oldTitle: old.title } : {}),
      })
    } else if (same) {
      _compareSame(old, same, diff)
    } else {
      const moved = findSameArticle(
        old,
        [...unclaimed].map((item) => ({ ...item, date: item.published })),
      )
      const item = moved && model.items.find((candidate) => candidate.id === moved.id)
      if (item) {
        unclaimed.delete(item)
        diff.breaks.push({ kind: 'id-changed', ..._break(old, item) })
      } else {
        const pushedOut = model.items.length >= limit && (old.published?.getTime() ?? 0) < oldest
        diff.left.push({ ..._ref(old), reason: pushedOut ? 'limit' : 'removed' })
      }
    }
  }
  for (const item of unclaimed) diff.new.push({ id: item.id, title: item.title, link: item.url })
  return diff
}

function _compareSame(old: PublishedItem, item: FeedItem, diff: FeedDiff): void {
  if (old.published && old.published.getTime() !== item.published.getTime()) {
    diff.breaks.push({
      kind: 'date-moved',
      ..._break(old, item),
      oldDate: old.published.toISOString(),
      newDate: item.published.toISOString(),
    })
    return
  }
  const changed: UpdatedItem['changed'] = []
  if (old.title !== undefined && _words(old.title) !== _words(item.title)) changed.push('title')
  if (old.content !== undefined && !_sameContent(old.content, item)) changed.push('content')
  if (old.updated && old.updated.getTime() !== item.updated.getTime()) changed.push('updated')
  if (old.link !== undefined && old.link !== item.url) changed.push('link')
  if (changed.length > 0) diff.updated.push({ id: item.id, title: item.title, link: item.url, changed })
  else diff.unchanged++
}

/** A feed holds the body or, without it, the summary; either counts as unchanged. */
function _sameContent(content: string, item: FeedItem): boolean {
  const text = toPlainText(content)
  return text === toPlainText(item.html) || text === toPlainText(item.summary)
}

function _break(old: PublishedItem, item: FeedItem) {
  return { title: item.title, oldId: old.id, newId: item.id, link: item.url }
}

function _ref(old: PublishedItem): ItemRef {
  return { id: old.id, title: old.title ?? '', ...(old.link ? { link: old.link } : {}) }
}

function _words(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
