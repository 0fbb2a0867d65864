import type { BuildWarning, ContentError } from './errors.js'
import type { AgainstOptions, AgainstReport } from './guard/against.js'
import type { WrittenFile } from './output/write.js'
import type { BuildStats } from './stats.js'
import type { PingOptions } from './websub/ping.js'

/** What to build, from where, to where. Paths are relative to `cwd`. */
export interface BuildOptions {
  /** Working directory; default `process.cwd()`. */
  cwd?: string
  /** Config file; default `kanal.config.json`. */
  config?: string
  /** Content folder; default `content`. */
  content?: string
  /** Output folder; default `dist`. */
  out?: string
  /** Overrides the config's `siteUrl` (preview deployments). */
  siteUrl?: string
  /**
   * The config's keys given here instead of in a config file (site generator plugins); `config` is
   * then only the name messages give them. Checked as strictly as the file.
   */
  configValues?: Record<string, unknown>
  /**
   * The URL a site generator published each content file at (by its path below the content folder,
   * with `/`). Only these files are read, and their article links are these URLs.
   */
  pageUrls?: Readonly<Record<string, string>>
  /** Front matter keys a site generator reads (`permalink`, `layout`): not warned about as unknown. */
  foreignKeys?: readonly string[]
  /** "Now" for leaving out future articles; default `SOURCE_DATE_EPOCH` or the clock. */
  now?: Date
  /** Include `draft: true` articles. */
  drafts?: boolean
  /** Include articles dated after now. */
  future?: boolean
  /** Treat warnings as errors. */
  strict?: boolean
  /** Cache folder, or false for none; default `node_modules/.cache/kanal`. */
  cache?: string | false
  /** After writing, notify the config's WebSub hubs of changed feeds (options for tests: timeouts, fetch). */
  ping?: boolean | PingOptions
  /** Threads for reading and rendering; default: up to two, the helper only for first builds of 20,000 files or more (docs/benchmarks.md). */
  threads?: number
  /** Called now and then with how far a long stage has come (for a progress display). */
  progress?: (stage: 'read' | 'render', done: number, total: number) => void
  /**
   * `progress` with the stage names of kanal 0.1 (`lesen`, `rendern`).
   * @deprecated Use `progress`, which names the stages `read` and `render`; `onProgress` goes in kanal 0.3.
   */
  onProgress?: (stage: 'lesen' | 'rendern', done: number, total: number) => void
  /** False: validate everything, write nothing (`kanal check`). Default true. */
  write?: boolean
  /**
   * The publish guard: compare every subscription feed with the published one (a previous output folder,
   * a feed file, or the site's URL) first; an identity break is an error and nothing is written.
   */
  against?: string | AgainstOptions
}

/** An article the feeds leave out for now. Not a warning: scheduling an article is no mistake. */
export interface HeldBackArticle {
  file: string
  reason: 'draft' | 'scheduled'
  /** Its date, RFC 3339 with the site zone's offset. */
  date: string
  /** Its date as German readers write it: `Montag, 25. Oktober 2027, 10:00 Uhr`. */
  germanDate: string
}

/** The outcome of a build: nothing is printed, nothing exits. */
export interface BuildResult {
  /**
   * True when there were no errors (and, with `strict`, no warnings). Output is written only when there
   * are none; the one warning that can come after writing is a failed WebSub ping (`ping`).
   */
  ok: boolean
  /** Article files read. */
  articles: number
  /** Files written (or, with `write: false`, that would be written). */
  files: WrittenFile[]
  errors: ContentError[]
  /** Problems that do not stop a build: about the content, about kanal's own state, failed pings. */
  warnings: BuildWarning[]
  /** Articles left out for now: drafts (without `drafts`) and scheduled ones (dated after now, without `future`). */
  heldBack: HeldBackArticle[]
  /**
   * What kanal did on its own that is no mistake: category or tag spellings of one word merged. Not
   * warnings: `strict` does not fail on them.
   */
  notes: ContentError[]
  /** Work done and saved by the cache: front matter parsed or reused, bodies rendered or reused. */
  stats: BuildStats
  /** With `against`: what subscribers of the published feeds would see (new, updated, left, broken items). */
  against?: AgainstReport
}
