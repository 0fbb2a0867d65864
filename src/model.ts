import type { Person } from './person.js'

/** An article's body as the feeds show it. */
export interface RenderedArticle {
  /** Sanitised HTML with absolute URLs. */
  html: string
  /** Plain-text summary: the front matter's, or the start of the first paragraph. */
  summary: string
}

/** An image attached to an item, with its media type. */
export interface ItemImage {
  url: string
  /** `image/jpeg`, `image/png`, …; undefined when the file name does not tell. */
  type?: string
  /** Bytes of the published file, when kanal read it (`publicDir`). */
  length?: number
  /** Pixels, when the published file's header states them. */
  width?: number
  height?: number
  /** The image is local but its file could not be read: only what needs no size is written. */
  unreadable?: true
}

/** One entry of a feed, format-neutral and fully rendered. */
export interface FeedItem {
  id: string
  url: string
  title: string
  /** Plain-text summary. */
  summary: string
  /** Sanitised HTML with absolute URLs. */
  html: string
  published: Date
  updated: Date
  categories: string[]
  tags: string[]
  author?: Person
  image?: ItemImage
}

/** Absolute URLs of one feed in each format. */
export interface FeedUrls {
  rss: string
  atom: string
  json: string
}

/** Everything a serialiser needs to write one feed. */
export interface FeedModel {
  title: string
  description: string
  /** BCP 47 tag. */
  language: string
  /** IANA zone in which dates are shown. */
  timeZone: string
  /** The site's home page. */
  homeUrl: string
  /** Where this feed lives in each format. */
  urls: FeedUrls
  /** The newest item's `updated`, or the build's "now" for an empty feed. */
  updated: Date
  author?: Person
  items: FeedItem[]
  /** WebSub hubs (`rel="hub"`). */
  hubs: string[]
  /** Path of `feed-view.js` relative to this feed: a browser shows the feed as a German page. */
  viewScript?: string
  /** RFC 5005 links, when archives are on. */
  archive?: {
    /** This document is an archive page. */
    isArchive: boolean
    /** The subscription feed (on archive pages). */
    current?: FeedUrls
    /** The next older archive page. */
    prev?: FeedUrls
    /** The next newer archive page. */
    next?: FeedUrls
  }
}
