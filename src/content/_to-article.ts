import path from 'node:path'
import type { Config } from '../config.js'
import { formatCalendarDay } from '../dates/format.js'
import { parseDate } from '../dates/parse.js'
import { isOneEdit } from '../did-you-mean.js'
import { ContentError, type Location } from '../errors.js'
import { type Person, personProblem, toPerson } from '../person.js'
import { toAbsoluteUrl } from '../render/urls.js'
import { toSlug } from '../slug.js'
import { permalinkFor } from './_permalink.js'
import type { Article } from './article.js'
import type { FrontMatter, KeyPosition, SourceFile } from './source.js'
import { removeForbiddenChars } from './xml-chars.js'

/** The outcome of validating one article: the article when it is valid, and every problem found. */
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
  const fields = new _Fields(source, frontMatter)
  for (const key of Object.keys(frontMatter.data)) {
    if (!_KNOWN.has(key)) {
      const near = [..._KNOWN].find((known) => _isTypo(key, known))
      const hint = near ? `did you mean "${near}"?` : `known keys are ${[..._KNOWN].join(', ')}`
      fields.warn(key, `unknown key "${key}" is ignored; ${hint}`)
    }
  }
  const title = fields.text('title', true)
  const date = fields.date('date', config.timeZone, true)
  const updated = fields.date('updated', config.timeZone, false) ?? date
  const summaryText = fields.text('summary', false)
  const categories = [...fields.list('category'), ...fields.list('categories')]
  const tags = fields.list('tags')
  const author = fields.author() ?? config.author
  const slug = fields.slug()
  const draft = fields.flag('draft')
  const id = fields.id()
  if (fields.errors.length > 0 || title === undefined || date === undefined || updated === undefined) {
    return { errors: fields.errors, warnings: fields.warnings }
  }
  const url =
    fields.url('url', { articleUrl: config.siteUrl, siteUrl: config.siteUrl }) ??
    new URL(permalinkFor(config, slug, date).replace(/^\//, ''), config.siteUrl).href
  const image = fields.url('image', { articleUrl: url, siteUrl: config.siteUrl })
  const article: Article = {
    source,
    slug,
    title,
    date,
    updated,
    ...(summaryText === undefined ? {} : { summary: summaryText }),
    categories: [...new Set(categories)],
    tags: [...new Set(tags)],
    ...(author ? { author } : {}),
    url,
    id: id ?? (config.idFrom === 'url' ? url : _tagUri(config, date, slug)),
    draft,
    ...(image ? { image } : {}),
    keyLines: {
      slug: fields.where('slug').line,
      id: fields.where('id').line,
      url: fields.where('url').line,
      date: fields.where('date').line,
    },
  }
  return { article, errors: fields.errors, warnings: fields.warnings }
}

const _hosts = new Map<string, string>()

/** `tag:` URI from the host without `www.`, the day of publication and the slug (RFC 4151). */
function _tagUri(config: Config, date: Date, slug: string): string {
  let host = _hosts.get(config.siteUrl)
  if (host === undefined) {
    host = new URL(config.siteUrl).hostname.replace(/^www\./, '')
    _hosts.set(config.siteUrl, host)
  }
  return `tag:${host},${formatCalendarDay(date, config.timeZone)}:${slug}`
}

/** Reads typed fields out of front matter, collecting errors and warnings with their locations. */
class _Fields {
  readonly errors: ContentError[] = []
  readonly warnings: ContentError[] = []
  readonly #source: SourceFile
  readonly #data: Record<string, unknown>
  readonly #positions: KeyPosition[]

  constructor(source: SourceFile, frontMatter: FrontMatter) {
    this.#source = source
    this.#data = frontMatter.data
    this.#positions = frontMatter.positions
  }

  where(key: string): Location {
    // A missing key points at the first front-matter line, where it can be added.
    const found = this.#positions.find(([known]) => known === key)
    if (found) return { file: this.#source.file, line: found[1], column: found[2] }
    return { file: this.#source.file, line: this.#source.frontMatterLine, column: 1 }
  }

  fail(key: string, reason: string): undefined {
    this.errors.push(new ContentError(this.where(key), reason))
    return undefined
  }

  warn(key: string, reason: string): void {
    this.warnings.push(new ContentError(this.where(key), reason))
  }

  /** A string with forbidden characters removed (warned); numbers are taken as text. */
  clean(key: string, value: string): string {
    const { text, removed } = removeForbiddenChars(value)
    if (removed > 0) {
      this.warn(
        key,
        `removed ${removed} control ${removed === 1 ? 'character' : 'characters'} that XML does not allow from "${key}"`,
      )
    }
    return text
  }

  text(key: string, required: boolean): string | undefined {
    const value = this.#data[key]
    if (value === undefined || value === null || value === '') {
      return required ? this.fail(key, `"${key}" is required: add a line like ${key}: …`) : undefined
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return this.fail(key, `"${key}" must be text (got ${_kind(value)})`)
    }
    const text = this.clean(key, String(value)).replace(/\s+/g, ' ').trim()
    return text === '' && required ? this.fail(key, `"${key}" must not be empty`) : text || undefined
  }

  date(key: string, timeZone: string, required: boolean): Date | undefined {
    const value = this.#data[key]
    if (value === undefined || value === null || value === '') {
      return required ? this.fail(key, `"${key}" is required: add a line like ${key}: 25.10.2024`) : undefined
    }
    if (typeof value !== 'string') {
      return this.fail(
        key,
        `"${key}" must be a date like 25.10.2024 or 2024-10-25 (got ${JSON.stringify(value)})`,
      )
    }
    const result = parseDate(value, timeZone)
    if (!result.ok) return this.fail(key, `"${key}": ${result.reason}`)
    if (result.adjustment) this.warn(key, `"${key}": ${result.adjustment}`)
    return result.instant
  }

  list(key: string): string[] {
    const value = this.#data[key]
    if (value === undefined || value === null) return []
    const items = Array.isArray(value) ? value : [value]
    const texts: string[] = []
    for (const item of items) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        this.fail(key, `"${key}" must be text or a list of texts (got ${_kind(item)})`)
        continue
      }
      const text = this.clean(key, String(item)).replace(/\s+/g, ' ').trim()
      if (text) texts.push(text)
    }
    return texts
  }

  author(): Person | undefined {
    const value = this.#data.author
    if (value === undefined || value === null) return undefined
    const person = typeof value === 'string' ? { name: value } : toPerson(value)
    if (!person) {
      return this.fail('author', `"author" must be a name or {name, email, url}: it ${personProblem(value)}`)
    }
    // The same normalisation as titles: no forbidden characters, white space collapsed.
    const name = this.clean('author', person.name).replace(/\s+/g, ' ').trim()
    if (name === '')
      return this.fail('author', '"author" must have a name with letters (got only white space)')
    return { ...person, name }
  }

  slug(): string {
    const value = this.#data.slug
    if (value === undefined || value === null) return _slugFromFile(this.#source.relative)
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value)) {
      const hint = typeof value === 'string' ? ` like ${JSON.stringify(toSlug(value) || 'mein-artikel')}` : ''
      this.fail('slug', `"slug" must use only a-z, 0-9 and hyphens${hint} (got ${JSON.stringify(value)})`)
      return _slugFromFile(this.#source.relative)
    }
    return value
  }

  flag(key: string): boolean {
    const value = this.#data[key]
    if (value === undefined || value === null) return false
    if (typeof value === 'boolean') return value
    this.fail(key, `"${key}" must be true or false (got ${JSON.stringify(value)})`)
    return false
  }

  id(): string | undefined {
    const value = this.#data.id
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"]+$/.test(value)) {
      return this.fail(
        'id',
        `"id" must be a URI without spaces, like tag:example.de,2024-10-25:mein-artikel or urn:uuid:… (got ${JSON.stringify(value)})`,
      )
    }
    return value
  }

  url(key: string, base: { articleUrl: string; siteUrl: string }): string | undefined {
    const value = this.#data[key]
    if (value === undefined || value === null || value === '') return undefined
    const url = typeof value === 'string' ? toAbsoluteUrl(value.trim(), base) : undefined
    if (!url || !/^https?:/.test(url)) {
      return this.fail(
        key,
        `"${key}" must be an http(s) URL or a path like /bilder/foto.jpg (got ${JSON.stringify(value)})`,
      )
    }
    return url
  }
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

function _slugFromFile(relative: string): string {
  const parsed = path.posix.parse(relative)
  const name = parsed.name === 'index' && parsed.dir ? path.posix.basename(parsed.dir) : parsed.name
  return toSlug(name) || 'artikel'
}

function _kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'nothing'
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${JSON.stringify(value)}`
}
