import path from 'node:path'
import { parseDate } from '../dates/parse.js'
import { ContentError, type Location } from '../errors.js'
import { type Person, personProblem, toPerson } from '../person.js'
import { quoteValue } from '../quote.js'
import { decodeEntities } from '../render/entities.js'
import { toAbsoluteUrl } from '../render/urls.js'
import { toSlug } from '../slug.js'
import { toUriText } from '../uri.js'
import { findBidiControl } from './_bidi.js'
import type { FrontMatter, SourceFile } from './source.js'
import { removeForbiddenChars } from './xml-chars.js'

/** Reads typed fields out of front matter, collecting errors and warnings with their locations. */
export class Fields {
  readonly errors: ContentError[] = []
  readonly warnings: ContentError[] = []
  readonly #source: SourceFile
  readonly #data: Record<string, unknown>
  // Key → [line, column]: a map, so that 500,000 keys cost 500,000 look-ups, not their square.
  readonly #positions = new Map<string, [line: number, column: number]>()

  constructor(source: SourceFile, frontMatter: FrontMatter) {
    this.#source = source
    this.#data = frontMatter.data
    for (const [key, line, column] of frontMatter.positions) {
      if (!this.#positions.has(key)) this.#positions.set(key, [line, column])
    }
  }

  /** True when the front matter has `key` on a line of its own. */
  has(key: string): boolean {
    return this.#positions.has(key)
  }

  where(key: string): Location {
    // A missing key points at the first front-matter line, where it can be added.
    const found = this.#positions.get(key)
    if (found) return { file: this.#source.file, line: found[0], column: found[1] }
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
    const bidi = findBidiControl(text)
    if (bidi !== undefined) {
      this.warn(
        key,
        `"${key}" contains ${bidi.name} at character ${bidi.index + 1}, a bidirectional control: it shows the text in another order than it is read (a title can fake a file name's ending); remove it`,
      )
    }
    return text
  }

  /** A text field; with `decode`, its HTML character references decoded (a title, as its page shows it). */
  text(key: string, required: boolean, decode = false): string | undefined {
    const value = this.#data[key]
    if (value === undefined || value === null || value === '') {
      return required ? this.fail(key, `"${key}" is required: add a line like ${key}: …`) : undefined
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      return this.fail(key, `"${key}" must be text (got ${_kind(value)})`)
    }
    const written = decode ? decodeEntities(String(value)) : String(value)
    const text = this.clean(key, written).replace(/\s+/g, ' ').trim()
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
        `"${key}" must be a date like 25.10.2024 or 2024-10-25 (got ${quoteValue(value)})`,
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
        // One error per key: a list of a thousand wrong items is one mistake, said once.
        this.fail(key, `"${key}" must be text or a list of texts (got ${_kind(item)})`)
        return texts
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

  /**
   * The slug: kanal's strict rule, or, with `generatorSlug`, the segment a generator publishes for any
   * text (Hugo keeps `Mein_Artikel` as `mein_artikel`); a file's name is taken through the same rule.
   */
  slug(generatorSlug?: (text: string) => string): string {
    const value = this.#data.slug
    if (value === undefined || value === null)
      return generatorSlug?.(fileName(this.#source.relative)) || slugFromFile(this.#source.relative)
    const published = generatorSlug && typeof value === 'string' ? generatorSlug(value) : ''
    if (published) return published
    if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(value)) {
      const hint = typeof value === 'string' ? ` like ${quoteValue(toSlug(value) || 'mein-artikel')}` : ''
      this.fail('slug', `"slug" must use only a-z, 0-9 and hyphens${hint} (got ${quoteValue(value)})`)
      return slugFromFile(this.#source.relative)
    }
    return value
  }

  flag(key: string): boolean {
    const value = this.#data[key]
    if (value === undefined || value === null) return false
    if (typeof value === 'boolean') return value
    this.fail(key, `"${key}" must be true or false (got ${quoteValue(value)})`)
    return false
  }

  id(): string | undefined {
    const value = this.#data.id
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string' || !/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>"]+$/.test(value)) {
      return this.fail(
        'id',
        `"id" must be a URI without spaces, like tag:example.de,2024-10-25:mein-artikel or urn:uuid:… (got ${quoteValue(value)})`,
      )
    }
    // An IRI may not hold `[`, `|`, `{` …: encoded, as in every URL kanal writes.
    return toUriText(value, 'iri')
  }

  url(key: string, base: { articleUrl: string; siteUrl: string }): string | undefined {
    const value = this.#data[key]
    if (value === undefined || value === null || value === '') return undefined
    const url = typeof value === 'string' ? toAbsoluteUrl(value.trim(), base) : undefined
    if (!url || !/^https?:/.test(url)) {
      return this.fail(
        key,
        `"${key}" must be an http(s) URL or a path like /bilder/foto.jpg (got ${quoteValue(value)})`,
      )
    }
    return url
  }
}

/** The slug a file gets from its name (`Über uns.md` → `ueber-uns`, `x/index.md` → `x`). */
export function slugFromFile(relative: string): string {
  return toSlug(fileName(relative)) || 'artikel'
}

/** The name an article file stands for: its own, or its folder's for `x/index.md`. */
function fileName(relative: string): string {
  const parsed = path.posix.parse(relative)
  return parsed.name === 'index' && parsed.dir ? path.posix.basename(parsed.dir) : parsed.name
}

function _kind(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'nothing'
  return typeof value === 'object' ? 'a mapping' : `${typeof value} ${quoteValue(value)}`
}
