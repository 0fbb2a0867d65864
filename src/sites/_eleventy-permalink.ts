import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isSitePath } from '../site-paths.js'
import { toSlug } from '../slug.js'
import {
  type DataFile,
  type EleventyFolders,
  findGlobalValue,
  findScriptFiles,
  findValueAt,
  readDataBelow,
  readDataChain,
} from './_eleventy-data.js'

// An Eleventy site can compute its URLs in directory data files (`posts/posts.json`,
// `posts/posts.11tydata.js`) with template code and its own filters. kanal never runs the site's code:
// JavaScript data files are read as text, and a permalink is translated into kanal's placeholders only
// where its parts are recognised; everything else is said, with the plugin as the way to Eleventy's URLs.

/** What `init --from` makes of the permalink a site computes for its articles. */
export interface ComputedPermalink {
  /** kanal's equivalent of the articles' computed permalink, when every part of it was recognised. */
  pattern?: string
  /** What was taken as meaning what, one line each. */
  assumed: string[]
  /** What kanal cannot do like the site, and what to do about it, one line each. */
  notes: string[]
}

const _PLUGIN =
  'for Eleventy\'s own URLs, build the feeds inside Eleventy with the plugin "kanal/eleventy" (see README)'

/**
 * Reads the directory data files from Eleventy's input folder down to the article folder and below it,
 * and translates the permalink they compute for the articles into kanal's placeholders.
 */
export function readComputedPermalink(folders: EleventyFolders, fallback: string): ComputedPermalink {
  const result: ComputedPermalink = { assumed: [], notes: [] }
  const chain = readDataChain(folders)
  const governing = chain.findLast((file) => file.permalink !== undefined)
  if (governing) _translate(governing, chain, folders, fallback, result)
  for (const file of readDataBelow(folders)) {
    if (file.permalink === undefined) continue
    const below = path.posix.dirname(file.name)
    result.notes.push(
      `${file.name} computes the permalink of the articles in ${below}/: kanal gives them the URLs of "permalink" in kanal.config.json, which may differ from the site's; ${_PLUGIN}`,
    )
  }
  return result
}

function _translate(
  file: DataFile,
  chain: DataFile[],
  folders: EleventyFolders,
  fallback: string,
  result: ComputedPermalink,
): void {
  const template = file.permalink
  if (typeof template !== 'string') {
    result.notes.push(
      `${file.name} computes the permalink in JavaScript, which kanal does not run: kept Eleventy's folder-based URLs ("${fallback}"), so the URLs of the articles in ${folders.content}/ may differ from the site's; ${_PLUGIN}`,
    )
    return
  }
  // As Eleventy's data cascade: the innermost directory data first, then the global data.
  const lookup = (name: string) =>
    [...chain]
      .reverse()
      .map((each) => findValueAt(each.data, name, each.name))
      .find(Boolean) ?? findGlobalValue(folders, name)
  const translated = toKanalPermalink(template, {
    lookup,
    contentPath: path.posix.relative(folders.input, folders.content),
    filterFormat: (name) => _filterFormat(folders, name),
  })
  for (const filter of translated.customFilters)
    result.notes.push(
      `${file.name}: the permalink uses the site's own filter "${filter}", which kanal cannot evaluate; ${_PLUGIN}`,
    )
  if (translated.pattern !== undefined) {
    result.pattern = translated.pattern
    result.assumed.push(
      `permalink: ${JSON.stringify(translated.pattern)} (kanal's equivalent of ${file.name}'s ${JSON.stringify(template)}: ${translated.meanings.join(', ')}; check a few URLs against the site)`,
    )
  } else {
    result.notes.push(
      `${file.name}: kanal cannot translate the permalink ${JSON.stringify(template)} (${translated.problems.join('; ')}): kept Eleventy's folder-based URLs ("${fallback}"), so the URLs of the articles in ${folders.content}/ may differ from the site's; write "permalink" in kanal.config.json, or ${_PLUGIN.replace(/^for /, 'for ')}`,
    )
  }
}

/** What the translation can look up: data values, the site's filters, the article folder below the input. */
export interface PermalinkContext {
  /** A plain data value (`locale`, `metadata.language`) with where it came from, or undefined. */
  lookup(name: string): { value: string; from: string } | undefined
  /** The date format a site's own filter applies, with where it was read; `assumed` when only its name says so. */
  filterFormat(name: string): { format: string; from: string } | undefined
  contentPath: string
}

/** An Eleventy permalink template in kanal's placeholders, or why it cannot be. */
export interface TranslatedPermalink {
  pattern?: string
  /** The meaning taken for each part, for the report. */
  meanings: string[]
  problems: string[]
  /** The site's own filters the template uses. */
  customFilters: string[]
}

// Eleventy's and Liquid's built-in filters that a permalink may use on a slug.
const _SLUG_FILTERS = new Set(['slugify', 'slug', 'downcase', 'lower'])
const _BUILT_IN = new Set([..._SLUG_FILTERS, 'date', 'url'])

/**
 * Translates an Eleventy permalink (`/{{ locale }}/blog/{{ date | dateToPath }}/{{ page.fileSlug }}/index.html`)
 * into kanal's (`/de/blog/:year/:month/:day/:slug/`): `page.fileSlug` is `:slug`, `page.filePathStem` the
 * file's path, a date formatted as year/month/day (Liquid's `date: "%Y/%m/%d"`, or a filter whose format
 * the site's config shows) `:year/:month/:day`, a plain data value itself.
 */
export function toKanalPermalink(template: string, context: PermalinkContext): TranslatedPermalink {
  const out: TranslatedPermalink = { meanings: [], problems: [], customFilters: [] }
  if (/\{%/.test(template)) out.problems.push('a {% %} tag')
  const filled = template.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (_, expression: string) => {
    const [head = '', ...filters] = expression.split('|').map((part) => part.trim())
    const names = filters.map((filter) => _filterCall(filter).name)
    out.customFilters.push(...names.filter((name) => !_BUILT_IN.has(name)))
    const part = _part(head, filters, context)
    if (part.problem) out.problems.push(`{{ ${expression} }}: ${part.problem}`)
    else if (part.meaning) out.meanings.push(`{{ ${expression} }} as ${part.meaning}`)
    return part.text ?? ''
  })
  // Eleventy writes a permalink without a leading slash below its output folder too.
  const pattern = _servedPath(`/${filled}`.replace(/\/{2,}/g, '/'))
  if (out.problems.length === 0 && !/:(slug|path)/.test(pattern))
    out.problems.push('it names no part of the article file (page.fileSlug, page.filePathStem)')
  else if (out.problems.length === 0 && !isSitePath(pattern))
    out.problems.push(`${JSON.stringify(pattern)} is no path kanal can publish below the site`)
  if (out.problems.length === 0) out.pattern = pattern
  return out
}

function _part(
  head: string,
  filters: string[],
  context: PermalinkContext,
): { text?: string; meaning?: string; problem?: string } {
  const slugOnly = filters.every((filter) => _SLUG_FILTERS.has(filter))
  if (head === 'page.fileSlug' && slugOnly) return { text: ':slug', meaning: ':slug' }
  if (head === 'page.filePathStem' && filters.length === 0) {
    const text = `/${path.posix.join(context.contentPath, ':path')}`
    return { text, meaning: `${text} (an index file named by its folder)` }
  }
  if ((head === 'date' || head === 'page.date') && filters.length === 1) {
    const { name, argument } = _filterCall(filters[0] as string)
    const found =
      argument !== undefined
        ? { format: argument, from: `the format given to ${name}` }
        : context.filterFormat(name)
    const text = found && _datePlaceholders(found.format)
    if (text) return { text, meaning: `${text} (${found.from})` }
    return { problem: `kanal does not know which date parts the filter "${name}" writes` }
  }
  if (/^[\w.]+$/.test(head) && slugOnly) {
    const found = context.lookup(head)
    if (found) {
      const text = filters.length > 0 ? toSlug(found.value) : found.value
      return { text, meaning: `${JSON.stringify(text)} (${found.from})` }
    }
    return { problem: `"${head}" is no plain value in the site's data` }
  }
  return { problem: 'kanal cannot evaluate it' }
}

/** A filter as called: Liquid's `date: "%Y/%m"`, Nunjucks' `dateFilter("yyyy/LL")`, or a bare name. */
function _filterCall(filter: string): { name: string; argument?: string } {
  const call = /^([\w$]+)\s*(?::\s*|\(\s*)(['"])(.*?)\2\s*\)?\s*$/.exec(filter)
  if (call) return { name: call[1] as string, argument: call[3] as string }
  return { name: (/^[\w$]+/.exec(filter)?.[0] ?? filter).trim() }
}

/** `yyyy/MM/dd`, `%Y/%m/%d`, `YYYY-MM` … as kanal's placeholders; undefined for any other format. */
function _datePlaceholders(format: string): string | undefined {
  const tokens = format.split(/([/-])/)
  const placeholders: Record<string, string> = {
    yyyy: ':year',
    YYYY: ':year',
    '%Y': ':year',
    MM: ':month',
    LL: ':month',
    '%m': ':month',
    dd: ':day',
    DD: ':day',
    '%d': ':day',
  }
  const text = tokens.map((token) => (token === '/' || token === '-' ? token : placeholders[token]))
  return text.every((token) => token !== undefined) && format !== '' ? text.join('') : undefined
}

/**
 * The date format a site's own filter applies: the first date format in its definition
 * (`addFilter("dateToPath", …toFormat("yyyy/LL/dd"))`) in the Eleventy config or `_config/`; a filter
 * whose code is not found but whose name says it (`dateToPath`, `datePermalink`) is taken as year/month/day.
 */
function _filterFormat(folders: EleventyFolders, name: string): { format: string; from: string } | undefined {
  const files = [folders.configFile, ...findScriptFiles(folders.dir, '_config')]
  for (const file of files) {
    const text = readFileSync(path.join(folders.dir, file), 'utf8')
    const at = text.search(new RegExp(`addFilter\\(\\s*['"\`]${name.replace(/\W/g, '')}['"\`]`))
    if (at === -1) continue
    for (const match of text.slice(at, at + 800).matchAll(/(['"`])([%\w/-]{2,20})\1/g)) {
      const format = match[2] as string
      if (_datePlaceholders(format)) return { format, from: `${name} formats ${format} in ${file}` }
    }
    // Its code is there and shows no year/month/day format: its name promises nothing then.
    return undefined
  }
  if (/date/i.test(name) && /path|permalink|url|folder|dir/i.test(name))
    return {
      format: 'yyyy/MM/dd',
      from: `${name} taken as year/month/day by its name; its code is not in the site's config`,
    }
  return undefined
}

/** Eleventy serves `/a/b/index.html` as `/a/b/`. */
function _servedPath(permalink: string): string {
  return permalink.replace(/\/index\.html$/, '/')
}
