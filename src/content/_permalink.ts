import path from 'node:path'
import type { Config } from '../config.js'
import { formatCalendarDay } from '../dates/format.js'
import { toHugoSegment, toSlug } from '../slug.js'

/** What an article's URL pattern can be filled from. */
export interface PermalinkParts {
  slug: string
  date: Date
  /** The article's categories (Jekyll's `:categories`). */
  categories: string[]
  /** The file's path below the content folder, with `/` (`:path`). */
  relative: string
  /** The slug the front matter writes, if any (`:filepath` takes it for its last segment). */
  givenSlug?: string
  /** The article's title (Hugo's `:title`, and `:slug` without a slug). */
  title?: string
}

/**
 * Fills the config's permalink pattern (`/:year/:month/:slug/`) for an article; dates in the site's zone.
 * `:title` is Jekyll's name for the slug; `:categories` (Jekyll) the categories, lower case, as folders
 * (left out with their slash when there are none); `:path` (Eleventy, Astro) the file's path below the
 * content folder without its extension, `index` files named by their folder; `:filepath` (Hugo's
 * default URLs) that path as written, only lower-cased, a front-matter slug in place of its last segment;
 * `:filename` (Hugo's) the file's name alone, so cleaned, whatever slug the front matter sets;
 * `:hugotitle` (Hugo's `:title`) the title so cleaned, `:slugortitle` (Hugo's `:slug`) the front
 * matter's slug, else that title.
 */
export function permalinkFor(config: Pick<Config, 'permalink' | 'timeZone'>, parts: PermalinkParts): string {
  const pattern = config.permalink
  if (!/:(year|month|day|categories|path|filepath|filename|title|hugotitle|slugortitle)/.test(pattern))
    return pattern.replace(':slug', parts.slug)
  const [year, month, day] = formatCalendarDay(parts.date, config.timeZone).split('-')
  const filled = pattern
    .replace(':year', year ?? '')
    .replace(':month', month ?? '')
    .replace(':day', day ?? '')
    // Hugo's `:slug` and `:title` (before kanal's `:slug`, which they contain): the title, as Hugo cleans it.
    .replace(':slugortitle', () => parts.givenSlug ?? toHugoSegment(parts.title ?? parts.slug))
    .replace(':hugotitle', () => toHugoSegment(parts.title ?? parts.slug))
    .replace(':slug', parts.slug)
    .replace(':title', parts.slug)
    .replace(':path', () => _pathSlug(parts.relative))
    .replace(':filepath', () => _filePath(parts.relative, parts.givenSlug))
    .replace(':filename', () => toHugoSegment(_fileName(parts.relative)))
    // As Jekyll: lower case, otherwise as written (the URL parser escapes what a path may not hold).
    .replace(':categories', () =>
      [...new Set(parts.categories.map((category) => category.toLowerCase()))].filter(Boolean).join('/'),
    )
  return filled.replace(/\/{2,}/g, '/')
}

/** The file's name without extension; an `index` file is named by its folder (a Hugo page bundle). */
function _fileName(relative: string): string {
  const parsed = path.posix.parse(relative)
  return parsed.name === 'index' && parsed.dir ? path.posix.basename(parsed.dir) : parsed.name
}

function _pathSlug(relative: string): string {
  const parsed = path.posix.parse(relative)
  const parts = [
    ...(parsed.dir ? parsed.dir.split('/') : []),
    ...(parsed.name === 'index' ? [] : [parsed.name]),
  ]
  return parts.map((part) => toSlug(part)).join('/')
}

/**
 * Hugo's URL of a page without `[permalinks]`: its folders and name kept (underscores too), lower case,
 * cleaned as Hugo cleans paths; a bundle (`x/index.md`) is named by its folder; `slug` replaces the last segment.
 */
function _filePath(relative: string, givenSlug: string | undefined): string {
  const parsed = path.posix.parse(relative)
  const segments = [
    ...(parsed.dir ? parsed.dir.split('/') : []),
    ...(parsed.name === 'index' ? [] : [parsed.name]),
  ].map((segment) => toHugoSegment(segment))
  if (givenSlug !== undefined) segments.splice(-1, 1, givenSlug)
  return segments.join('/')
}
