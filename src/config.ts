import { readFile } from 'node:fs/promises'
import { isTimeZone } from './dates/zone.js'
import { suggest } from './did-you-mean.js'
import { ContentError, type Location, UsageError, type UsageProblem } from './errors.js'
import { type Person, personProblem, toPerson } from './person.js'
import { quoteValue } from './quote.js'
import { hasCredentials, isSitePath, isText, toFeedPath, toSiteUrl } from './site-paths.js'
import { GENERATORS, type Generator } from './sites/generator.js'
import { type SiteOptions, siteOptionProblems, toSiteOptions } from './sites/site-options.js'

export type { Person } from './person.js'

/** The validated site configuration (with the keys on how a generator's site is read, `SiteOptions`). */
export interface Config extends SiteOptions {
  /** Feed title. */
  title: string
  /** Feed description; defaults to the title. */
  description: string
  /** Absolute http(s) URL of the site, always ending in `/`. */
  siteUrl: string
  /** BCP 47 language tag of the content (`de-DE`). */
  language: string
  /** IANA zone in which zone-less dates are read and all dates are shown (`Europe/Berlin`). */
  timeZone: string
  /** Default author of the feed and of articles without one. */
  author?: Person
  /** Items per feed. */
  limit: number
  /** URL path of an article below `siteUrl`, with `:slug`, `:year`, `:month`, `:day`. */
  permalink: string
  /** Write a feed per category. */
  categoryFeeds: boolean
  /** Path segment under which category feeds live (`kategorie/<slug>/`). */
  categoryPath: string
  /** Write a feed per tag. */
  tagFeeds: boolean
  /** Path segment under which tag feeds live (`thema/<slug>/`). */
  tagPath: string
  /** Write RFC 5005 archive pages so that every article stays reachable. */
  archive: boolean
  /** WebSub hubs announced in every feed and pinged by `build --ping`. */
  hubs: string[]
  /** Write `feed-view.js` (browser view of RSS and Atom), `index.html` and `feeds.opml`. */
  browserView: boolean
  /** `url`: an article without `id` gets its URL as id (as jekyll-feed and Hugo do); absent: a `tag:` URI. */
  idFrom?: 'url'
  /** The site generator whose conventions the articles follow (`jekyll`, `hugo`, …), if any. */
  from?: Generator
  /** The article folder, relative to the config file, if the config names one. */
  content?: string
  /** Further front-matter keys accepted without a warning (theme keys `init --from` found). */
  ignoreKeys?: string[]
  /** Site path below `siteUrl` where the output folder is published, `/` or like `/feeds/` (ends in `/`). */
  feedPath: string
  /** Folder (relative to the working folder) holding the site's published files, where local article images are looked up. */
  publicDir?: string
  /**
   * Set by a site generator's plugin, never by the config file: the URL the generator gave each
   * content file (by its path below the content folder). Only these files are read, at these URLs.
   */
  pageUrls?: Readonly<Record<string, string>>
  /** Set by a site generator's plugin: front matter keys the generator reads, not warned about. */
  foreignKeys?: readonly string[]
}

/** Settings given on the command line that win over the config file. */
export interface ConfigOverrides {
  siteUrl?: string
}

const _KEYS = new Set([
  '$schema',
  'title',
  'description',
  'siteUrl',
  'language',
  'timeZone',
  'author',
  'limit',
  'permalink',
  'categoryFeeds',
  'categoryPath',
  'tagFeeds',
  'tagPath',
  'archive',
  'hubs',
  'browserView',
  'idFrom',
  'from',
  'content',
  'ignoreKeys',
  'languages',
  'typographer',
  'feedPath',
  'publicDir',
  'excerptSeparator',
])

/**
 * Reads and validates the config file; every problem is reported at once as a UsageError (exit 2).
 * `file` is the path to read; `name`, how messages call it (default: the path).
 */
export async function readConfig(
  file: string,
  overrides: ConfigOverrides = {},
  name = file,
): Promise<Config> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(
      `${name}: cannot read the config file (${(error as NodeJS.ErrnoException).code ?? error}). Run "kanal init" to create one, or pass --config <file>.`,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    throw new UsageError(`${name}: is not valid JSON (${(error as Error).message}).`)
  }
  try {
    return parseConfig(raw, name, overrides)
  } catch (error) {
    if (!(error instanceof UsageError) || error.problems.length === 0) throw error
    // Each problem gets the line of its key, so CI can annotate the config file.
    const problems = error.problems.map((problem) => ({ ...problem, location: _keyLocation(text, problem) }))
    throw new UsageError(error.message, { problems })
  }
}

/** Where the key a problem is about sits in the config text (its first `"key":`), if it can be found. */
function _keyLocation(text: string, problem: UsageProblem): Location {
  const key = /^(?:unknown key )?"((?:[^"\\]|\\.)*)"/.exec(problem.reason)?.[1]
  if (key === undefined) return problem.location
  const index = text.indexOf(`"${key}"`)
  if (index === -1) return problem.location
  const before = text.slice(0, index)
  const line = (before.match(/\n/g)?.length ?? 0) + 1
  return { ...problem.location, line, column: index - (before.lastIndexOf('\n') + 1) + 1 }
}

/** Validates a config object; `file` names the source in messages. */
export function parseConfig(raw: unknown, file: string, overrides: ConfigOverrides = {}): Config {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UsageError(`${file}: must hold a JSON object like {"title": "…", "siteUrl": "https://…/"}.`)
  }
  const value = raw as Record<string, unknown>
  const problems: string[] = []
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message)
  }
  for (const key of Object.keys(value)) {
    const near = _KEYS.has(key) ? undefined : suggest(key, [..._KEYS].slice(1))
    need(
      _KEYS.has(key),
      `unknown key ${quoteValue(key)}; ${near ? `did you mean "${near}"? ` : ''}known keys are ${[..._KEYS].slice(1).join(', ')}`,
    )
  }
  const title = value.title
  need(isText(title), `"title" is required and must be a non-empty string`)
  const description = value.description ?? title
  need(value.description === undefined || isText(description), `"description" must be a non-empty string`)
  const siteUrl = overrides.siteUrl ?? value.siteUrl
  const site = toSiteUrl(siteUrl)
  need(
    site !== undefined || hasCredentials(siteUrl),
    `"siteUrl" is required and must be an absolute http(s) URL like https://example.de/ (got ${quoteValue(siteUrl)})`,
  )
  need(
    !hasCredentials(siteUrl),
    `"siteUrl" must not hold a user name or password: they would appear in every link of every feed. Give the plain address, like https://example.de/`,
  )
  const language = value.language ?? 'de-DE'
  need(
    typeof language === 'string' && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(language),
    `"language" must be a language tag like de-DE (got ${quoteValue(language)})`,
  )
  const timeZone = value.timeZone ?? 'Europe/Berlin'
  need(
    typeof timeZone === 'string' && isTimeZone(timeZone),
    `"timeZone" must be an IANA time zone like Europe/Berlin (got ${quoteValue(timeZone)})`,
  )
  const limit = value.limit ?? 20
  need(
    Number.isInteger(limit) && (limit as number) >= 1,
    `"limit" must be a whole number of at least 1 (got ${quoteValue(limit)})`,
  )
  const permalink = value.permalink ?? '/:slug/'
  need(
    typeof permalink === 'string' &&
      /:(slug|title|path|filepath|filename|hugotitle)/.test(permalink) &&
      isSitePath(permalink),
    `"permalink" must be a path below siteUrl containing :slug (or :path), like /:year/:slug/ (no scheme, host, .., query or fragment; got ${quoteValue(permalink)})`,
  )
  const categoryFeeds = value.categoryFeeds ?? true
  need(typeof categoryFeeds === 'boolean', `"categoryFeeds" must be true or false`)
  const categoryPath = value.categoryPath ?? 'kategorie'
  need(
    typeof categoryPath === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(categoryPath),
    `"categoryPath" must be a lower-case path segment like kategorie (got ${quoteValue(categoryPath)})`,
  )
  const tagFeeds = value.tagFeeds ?? false
  need(typeof tagFeeds === 'boolean', `"tagFeeds" must be true or false`)
  const tagPath = value.tagPath ?? 'thema'
  need(
    typeof tagPath === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(tagPath) && tagPath !== categoryPath,
    `"tagPath" must be a lower-case path segment like thema, other than categoryPath (got ${quoteValue(tagPath)})`,
  )
  const archive = value.archive ?? false
  need(typeof archive === 'boolean', `"archive" must be true or false`)
  const browserView = value.browserView ?? true
  need(typeof browserView === 'boolean', `"browserView" must be true or false`)
  const idFrom = value.idFrom ?? 'tag'
  need(idFrom === 'tag' || idFrom === 'url', `"idFrom" must be "tag" or "url" (got ${quoteValue(idFrom)})`)
  const hubs = value.hubs ?? []
  need(
    Array.isArray(hubs) && hubs.every((hub) => toSiteUrl(hub) !== undefined),
    `"hubs" must be a list of absolute http(s) URLs like ["https://pubsubhubbub.appspot.com/"]`,
  )
  need(
    value.from === undefined || GENERATORS.includes(value.from as Generator),
    `"from" must be one of ${GENERATORS.join(', ')} (got ${quoteValue(value.from)})`,
  )
  need(value.content === undefined || isText(value.content), `"content" must be a folder name like "content"`)
  const ignoreKeys = value.ignoreKeys ?? []
  need(
    Array.isArray(ignoreKeys) && ignoreKeys.every(isText),
    `"ignoreKeys" must be a list of front-matter keys like ["layout", "toc"]`,
  )
  for (const problem of siteOptionProblems(value)) need(false, problem)
  const feedPath = toFeedPath(value.feedPath ?? '/')
  need(
    feedPath !== undefined,
    `"feedPath" must be a site path below siteUrl like /feeds/ (no scheme, host, ., .., :, query or fragment; got ${quoteValue(value.feedPath)})`,
  )
  const publicDir = value.publicDir
  need(
    publicDir === undefined || isText(publicDir),
    `"publicDir" must be the path of the site's output folder, like "public" (got ${quoteValue(publicDir)})`,
  )
  const author = value.author === undefined ? undefined : toPerson(value.author)
  need(
    value.author === undefined || author !== undefined,
    `"author" ${personProblem(value.author) ?? ''}: it must be an object like {"name": "Redaktion", "email": "redaktion@example.de"}`,
  )
  if (problems.length > 0) {
    throw new UsageError(problems.map((problem) => `${file}: ${problem}`).join('\n'), {
      problems: problems.map((reason) => ({ location: { file }, reason })),
    })
  }
  return {
    title: title as string,
    description: description as string,
    siteUrl: site as string,
    language: language as string,
    timeZone: timeZone as string,
    author,
    limit: limit as number,
    permalink: permalink as string,
    categoryFeeds: categoryFeeds as boolean,
    categoryPath: categoryPath as string,
    tagFeeds: tagFeeds as boolean,
    tagPath: tagPath as string,
    archive: archive as boolean,
    hubs: (hubs as string[]).map((hub) => new URL(hub).href),
    browserView: browserView as boolean,
    // Only when set: the default config (and so every cache key) stays what it was.
    ...(idFrom === 'url' ? { idFrom: 'url' as const } : {}),
    ...(value.from === undefined ? {} : { from: value.from as Generator }),
    ...(value.content === undefined ? {} : { content: value.content as string }),
    ...(value.ignoreKeys === undefined ? {} : { ignoreKeys: ignoreKeys as string[] }),
    ...toSiteOptions(value),
    feedPath: feedPath as string,
    ...(publicDir === undefined ? {} : { publicDir: publicDir as string }),
  }
}

/**
 * A warning when the site URL is still a reserved example domain (RFC 2606, RFC 6761): what
 * `kanal init` writes, and never what a published site should link to.
 */
export function exampleSiteWarning(config: Config, file: string): ContentError | undefined {
  const host = new URL(config.siteUrl).hostname.replace(/\.$/, '')
  const reserved =
    /(^|\.)example\.(com|net|org)$/.test(host) ||
    /\.(example|test|invalid|localhost)$/.test(host) ||
    host === 'example'
  if (!reserved) return undefined
  return new ContentError(
    { file },
    `"siteUrl" is ${config.siteUrl}, a reserved example domain: every link in the feeds points there. Set "siteUrl" to your site's address (or pass --site-url)`,
  )
}
