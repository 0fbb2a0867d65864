import type { Config } from '../config.js'
import { formatCalendarDay } from '../dates/format.js'
import { isOneEdit } from '../did-you-mean.js'
import type { ContentError } from '../errors.js'
import { hugoTitle } from '../render/hugo-title.js'
import { marksOf } from '../render/typographer.js'
import { toAbsoluteUrl } from '../render/urls.js'
import { conventionsFor } from '../sites/conventions-for.js'
import { toUriText } from '../uri.js'
import { Fields } from './_fields.js'
import { permalinkFor } from './_permalink.js'
import type { Article } from './article.js'
import { withoutLanguage } from './languages.js'
import type { FrontMatter, SourceFile } from './source.js'

/**
 * The outcome of validating one article, with every problem found. `article` is there when every
 * field but `url` and `image` is valid; it can still come with errors in those two: it then takes part
 * in the checks across articles (duplicates), but the build fails.
 */
export interface ArticleResult {
  article?: Article
  errors: ContentError[]
  warnings: ContentError[]
}

const _KNOWN = new Set([
  'title',
  'date',
  'updated',
  'summary',
  'category',
  'categories',
  'tags',
  'author',
  'url',
  'id',
  'slug',
  'draft',
  'image',
])

/** Validates and normalises the front matter of one article, reporting every problem at once. */
export function toArticle(source: SourceFile, frontMatter: FrontMatter, config: Config): ArticleResult {
  // A multilingual site's default-language file (`x.de.md`) is published as `x`: its slug and URL say so.
  const page = withoutLanguage(source.relative, config.languages)
  const shown = _shownTitles(frontMatter, config)
  const fields = new Fields(page === source.relative ? source : { ...source, relative: page }, shown)
  const known = [..._KNOWN]
  const conventions = conventionsFor(config.from)
  const accepted = conventions?.knownKeys
  for (const key of Object.keys(frontMatter.data)) {
    if (
      !_KNOWN.has(key) &&
      !accepted?.has(key) &&
      !config.ignoreKeys?.includes(key) &&
      !config.foreignKeys?.includes(key)
    ) {
      const near = known.find((name) => _isTypo(key, name))
      const hint = near ? `did you mean "${near}"?` : `known keys are ${known.join(', ')}`
      fields.warn(key, `unknown key "${key}" is ignored; ${hint}`)
    }
  }
  for (const note of frontMatter.notes ?? []) fields.warn(note.key, note.reason)
  // Decoded as the site shows it (`&bdquo;` → „); the feed's XML escaping comes later, once.
  const title = fields.text('title', true, true)
  const date = fields.date('date', config.timeZone, true)
  const updated = fields.date('updated', config.timeZone, false) ?? date
  const summaryText = fields.text('summary', false)
  // Jekyll's per-post separator: read only where the generator knows the key.
  const separator = accepted?.has('excerpt_separator') ? fields.text('excerpt_separator', false) : undefined
  const categories = _capped(fields, 'categories', [...fields.list('category'), ...fields.list('categories')])
  const tags = _capped(fields, 'tags', fields.list('tags'))
  const author = fields.author() ?? config.author
  const slug = fields.slug(conventions?.slugOf)
  const draft = fields.flag('draft')
  const id = fields.id()
  // `url` and `image` are checked even when fields before them failed: every problem in one run.
  const siteBase = { articleUrl: config.siteUrl, siteUrl: config.siteUrl }
  const givenUrl = fields.url('url', siteBase)
  const imageOnSite = fields.url('image', siteBase)
  if (fields.errors.length > 0 || title === undefined || date === undefined || updated === undefined) {
    return { errors: fields.errors, warnings: fields.warnings }
  }
  const url =
    config.pageUrls?.[source.relative] ??
    givenUrl ??
    toUriText(
      new URL(
        permalinkFor(config, {
          slug,
          date,
          categories,
          relative: page,
          ...(fields.has('slug') ? { givenSlug: slug } : {}),
          // Hugo makes `:title` of the title as written (`&bdquo;`, `--` and all), not as it is shown.
          title: typeof frontMatter.data.title === 'string' ? frontMatter.data.title : title,
        }).replace(/^\//, ''),
        config.siteUrl,
      ).href,
    )
  // A relative image resolves against the article's own URL, known only now.
  const written = String(frontMatter.data.image).trim()
  const image = imageOnSite && (toAbsoluteUrl(written, { ...siteBase, articleUrl: url }) ?? imageOnSite)
  // A relative path may name a file beside the article (a page bundle): looked for after selection.
  const imageReference = image && !/^(?:[a-z][a-z0-9+.-]*:|[/\\])/i.test(written) ? written : undefined
  const article: Article = {
    source,
    slug,
    title,
    date,
    updated,
    ...(summaryText === undefined ? {} : { summary: summaryText }),
    ...(separator?.trim() ? { excerptSeparator: separator } : {}),
    categories,
    tags,
    ...(author ? { author } : {}),
    url,
    id: id ?? (config.idFrom === 'url' ? url : _tagUri(config, date, slug)),
    draft,
    ...(image ? { image } : {}),
    ...(imageReference ? { imageReference } : {}),
    keyLines: {
      slug: fields.where('slug').line,
      // A URL or id the article does not write is made from its slug: a clash points at that line.
      id: fields.where(fields.has('id') ? 'id' : 'slug').line,
      url: fields.where(fields.has('url') ? 'url' : 'slug').line,
      categories: fields.where(fields.has('category') ? 'category' : 'categories').line,
      tags: fields.where('tags').line,
      ...(image ? { image: fields.where('image').line } : {}),
      date: fields.where('date').line,
    },
  }
  return { article, errors: fields.errors, warnings: fields.warnings }
}

/** The front matter with its title as the site shows it, for a generator whose themes render titles as Markdown. */
function _shownTitles(frontMatter: FrontMatter, config: Config): FrontMatter {
  const title = frontMatter.data.title
  if (conventionsFor(config.from)?.titles !== 'markdown' || typeof title !== 'string') return frontMatter
  return {
    ...frontMatter,
    data: { ...frontMatter.data, title: hugoTitle(title, marksOf(config.typographer)) },
  }
}

/**
 * The most categories (and, separately, tags) one article may have. Each makes a feed, and every
 * item in it lists all of the article's categories: 2,000 of them wrote 331 MB. Newsrooms use a
 * handful; 100 leaves room and keeps the output of one article below a few megabytes.
 */
export const MAX_CATEGORIES = 100

/** The distinct names of a list, or an error at the key when there are more than `MAX_CATEGORIES`. */
function _capped(fields: Fields, key: 'categories' | 'tags', names: string[]): string[] {
  const distinct = [...new Set(names)]
  if (distinct.length <= MAX_CATEGORIES) return distinct
  const at = key === 'categories' && !fields.has('categories') ? 'category' : key
  fields.fail(
    at,
    `an article may have at most ${MAX_CATEGORIES} ${key} (got ${distinct.length.toLocaleString('en')}): each makes a feed that lists them all; keep the ones readers subscribe to`,
  )
  return []
}

const _hosts = new Map<string, string>()

/** `tag:` URI from the host without `www.`, the day of publication and the slug (RFC 4151). */
function _tagUri(config: Config, date: Date, slug: string): string {
  let host = _hosts.get(config.siteUrl)
  if (host === undefined) {
    host = new URL(config.siteUrl).hostname.replace(/^www\./, '')
    _hosts.set(config.siteUrl, host)
  }
  // A generator's slug may hold letters beyond ASCII (Hugo: `über-uns`): an IRI, as Atom ids are.
  return toUriText(`tag:${host},${formatCalendarDay(date, config.timeZone)}:${slug}`, 'iri')
}

/** True when `value` is `known` with one letter changed, added, removed or two swapped (or a German spelling). */
function _isTypo(value: string, known: string): boolean {
  return _GERMAN_KEYS[value.toLowerCase()] === known || isOneEdit(value, known)
}

const _GERMAN_KEYS: Record<string, string> = {
  titel: 'title',
  datum: 'date',
  autor: 'author',
  kategorie: 'category',
  kategorien: 'categories',
  zusammenfassung: 'summary',
  bild: 'image',
  entwurf: 'draft',
  aktualisiert: 'updated',
  schlagworte: 'tags',
}
