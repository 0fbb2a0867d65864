import type { Config } from './config.js'
import type { Article } from './content/article.js'
import type { LoadedContent } from './content/load.js'
import type { ContentError } from './errors.js'
import type { LinkTargets } from './render/link-targets.js'
import { archivePages } from './select/archive.js'
import { groupBySlug } from './select/group.js'
import { byNewest, keepNewest } from './select/newest.js'
import { SpellingCheck } from './select/spellings.js'
import { toSlug } from './slug.js'

/** How a feed page links to the rest of its archive (RFC 5005). Folders below the output root. */
export interface ArchiveLinks {
  /** This page is an archive page (`fh:archive`), not the subscription feed. */
  isArchive: boolean
  /** The subscription feed's folder (`rel="current"`), on archive pages. */
  current?: string
  /** The next older archive page. */
  prev?: string
  /** The next newer archive page. */
  next?: string
}

/** One feed to write (in every format): which articles it shows, newest first. */
export interface FeedSelection {
  /** Output folder below the output root: '' for the main feed, `kategorie/politik/` for a category. */
  folder: string
  /** Feed title. */
  title: string
  /** Feed description. */
  description: string
  /** The articles shown, newest first. */
  items: Article[]
  /** Archive links, when archives are on. */
  archive?: ArchiveLinks
  /** The date the feed shows when it has no items (an empty archive page); "now" otherwise. */
  updatedWhenEmpty?: Date
}

/** What loading every article and sieving them gave: everything of a build that front matter alone decides. */
export interface Selected {
  content: LoadedContent
  selection: ReturnType<FeedSieve['select']>
  heldBack: HeldBack[]
  due: DueDates
  /** Every article's file and URL, for links between articles (sites with template code). */
  targets: LinkTargets
}

/** What is left out of feeds. */
export interface SelectOptions {
  /** Articles dated after this are left out unless `future`. */
  now: Date
  /** Include `draft: true` articles. */
  drafts: boolean
  /** Include articles dated after `now`. */
  future: boolean
}

/** The dates that bound "now": the same articles are due while now lies between them. */
export interface DueDates {
  /** The latest article date at or before now (-Infinity when there is none). */
  latest: number
  /** The earliest article date after now (Infinity when there is none). */
  next: number
}

/** An article the feeds leave out for now: a draft, or dated after "now" (scheduled). */
export interface HeldBack {
  /** The article file, relative to the working directory. */
  file: string
  date: Date
  reason: 'draft' | 'scheduled'
}

/**
 * Decides which articles each feed (and archive page) shows, before anything is rendered, from
 * articles given one at a time. It keeps only the articles a feed could show (the newest `limit` of
 * the main feed and of every category and tag; with archives, every shown article), so a
 * build holds a few hundred articles however large the site, not all of them.
 */
export class FeedSieve {
  readonly #config: Config
  readonly #options: SelectOptions
  readonly #now: number
  /** Every shown article when archives are on (each one is on some page); otherwise undefined. */
  readonly #all: Article[] | undefined
  readonly #main: Article[] = []
  readonly #groupings: _Grouping[]
  readonly #slugs = new Map<string, string>()
  readonly #due: DueDates = { latest: Number.NEGATIVE_INFINITY, next: Number.POSITIVE_INFINITY }
  readonly #heldBack: HeldBack[] = []

  constructor(config: Config, options: SelectOptions) {
    this.#config = config
    this.#options = options
    this.#now = options.now.getTime()
    this.#all = config.archive ? [] : undefined
    const groupings = [
      {
        enabled: config.categoryFeeds,
        path: config.categoryPath,
        kind: 'category' as const,
        of: (article: Article) => article.categories,
      },
      {
        enabled: config.tagFeeds,
        path: config.tagPath,
        kind: 'tag' as const,
        of: (article: Article) => article.tags,
      },
    ]
    this.#groupings = groupings
      .filter((grouping) => grouping.enabled)
      .map((grouping) => ({ ...grouping, newest: new Map(), spellings: new SpellingCheck(grouping.kind) }))
  }

  /** Takes the next valid article, in file order (drafts and future ones too: they count for `due`). */
  add(article: Article): void {
    const time = article.date.getTime()
    if (time <= this.#now) this.#due.latest = Math.max(this.#due.latest, time)
    else this.#due.next = Math.min(this.#due.next, time)
    const { drafts, future } = this.#options
    if (!((drafts || !article.draft) && (future || time <= this.#now))) {
      const reason = article.draft && !drafts ? 'draft' : 'scheduled'
      this.#heldBack.push({ file: article.source.file, date: article.date, reason })
      return
    }
    const limit = this.#config.limit
    if (this.#all) this.#all.push(article)
    else keepNewest(this.#main, article, limit)
    for (const grouping of this.#groupings) {
      // Every spelling of a slug feeds one category: its newest articles are kept per slug, once each.
      const slugs = new Set<string>()
      for (const name of grouping.of(article)) {
        const slug = this.#slugOf(name)
        grouping.spellings.add(article, name, slug)
        if (slug !== '') slugs.add(slug)
      }
      if (this.#all) continue
      for (const slug of slugs) {
        let newest = grouping.newest.get(slug)
        if (!newest) {
          newest = []
          grouping.newest.set(slug, newest)
        }
        keepNewest(newest, article, limit)
      }
    }
  }

  /** The articles left out for now, by file. */
  get heldBack(): HeldBack[] {
    return [...this.#heldBack].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  }

  /** The dates of all articles given that bound now (see `DueDates`). */
  get due(): DueDates {
    return { ...this.#due }
  }

  /**
   * The feeds, each with the articles it shows; the errors in category and tag names, the warnings
   * about different words merged by their slug, and the notes about spellings of one word merged.
   */
  select(): {
    feeds: FeedSelection[]
    errors: ContentError[]
    warnings: ContentError[]
    notes: ContentError[]
  } {
    const kept = this.#all ?? [
      ...new Set(
        [this.#main, ...this.#groupings.flatMap((grouping) => [...grouping.newest.values()])].flat(),
      ),
    ]
    const config = this.#config
    // Equally new articles (the same date and slug, with URLs of their own) stay in file order.
    const shown = kept.sort((a, b) => byNewest(a, b) || _byFile(a, b))
    const feeds = _feedSet(config, '', config.title, config.description, shown)
    const found = {
      errors: [] as ContentError[],
      warnings: [] as ContentError[],
      notes: [] as ContentError[],
    }
    for (const grouping of this.#groupings) {
      // Names and problems come from the check that saw every article, not from the ones kept.
      const { names, errors, warnings, notes } = grouping.spellings.spellings()
      found.errors.push(...errors)
      found.warnings.push(...warnings)
      found.notes.push(...notes)
      const nameOf = (slug: string) => names.get(slug) ?? slug
      for (const [slug, group] of groupBySlug(shown, grouping.of, (name) => this.#slugOf(name), nameOf)) {
        const title = `${config.title} – ${group.name}`
        const description = `${config.description} – ${group.name}`
        feeds.push(..._feedSet(config, `${grouping.path}/${slug}/`, title, description, group.items))
      }
    }
    return { feeds, ...found }
  }

  #slugOf(name: string): string {
    let slug = this.#slugs.get(name)
    if (slug === undefined) {
      // Composed first: `ü` written as `u` + combining diaeresis is the same word, and gets `ue` too.
      slug = toSlug(name.normalize('NFC'))
      this.#slugs.set(name, slug)
    }
    return slug
  }
}

function _byFile(a: Article, b: Article): number {
  return a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0
}

/** Categories or tags, when they make feeds: the newest articles of each slug, and the spellings. */
interface _Grouping {
  path: string
  of: (article: Article) => string[]
  /** The newest articles by slug. */
  newest: Map<string, Article[]>
  spellings: SpellingCheck
}

/** The subscription feed of a folder and, with archives on, its archive pages. */
function _feedSet(config: Config, folder: string, title: string, description: string, items: Article[]) {
  const feed: FeedSelection = { folder, title, description, items: items.slice(0, config.limit) }
  if (!config.archive) return [feed]
  const pages = archivePages(items, config.limit, folder)
  feed.archive = { isArchive: false, ...(pages.length > 0 ? { prev: pages.at(-1)?.folder } : {}) }
  return [feed, ...pages.map((page) => ({ ...page, title, description }))]
}
