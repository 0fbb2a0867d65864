import { existsSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import {
  authorOf,
  type FoundSite,
  feedUrlOf,
  firstFile,
  languageTag,
  readSettingsFile,
  SiteNotes,
  siteUrlOf,
  text,
} from './_settings.js'

// `init --from` for a Jekyll site: its settings read into a kanal config (only `init` loads this file).

// Jekyll's named permalink styles (https://jekyllrb.com/docs/permalinks/#built-in-formats).
const _STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  none: '/:categories/:title:output_ext',
}

/** A Jekyll site in `dir` (`_config.yml` and `_posts/`), read into a kanal config; undefined if it is none. */
export function readJekyllSite(dir: string): FoundSite | undefined {
  const file = firstFile(dir, ['_config.yml', '_config.yaml'])
  if (!file || !existsSync(path.join(dir, '_posts'))) return undefined
  const settings = readSettingsFile(dir, file)
  const notes = new SiteNotes()
  const from = file
  notes.set('from', 'jekyll', `${file} and _posts/`)
  notes.set('title', text(settings.title), from, path.basename(path.resolve(dir)), 'the folder name')
  notes.set('description', text(settings.description), from)
  const siteUrl = siteUrlOf(settings.url, settings.baseurl)
  notes.set(
    'siteUrl',
    siteUrl,
    `${from}: url + baseurl`,
    siteUrlOf('https://www.example.com/', settings.baseurl),
    `${from} has no url: set your address`,
  )
  notes.set('language', languageTag(settings.lang ?? settings.locale), from, 'de-DE', "kanal's default")
  notes.set('timeZone', text(settings.timezone), from, 'Europe/Berlin', 'no timezone in the site')
  notes.set('author', authorOf(settings.author), from)
  notes.set('content', '_posts', 'Jekyll reads its posts from there')
  // Recorded, not read at build time: the config is what the cache keys and the up-to-date check
  // cover, so a changed separator rebuilds every summary; _config.yml is no input of a build.
  const separator = text(settings.excerpt_separator)
  if (separator?.trim()) notes.set('excerptSeparator', separator, from)
  const style = text(settings.permalink) ?? 'date'
  notes.set('permalink', _permalink(style, file), `${from}: permalink ${JSON.stringify(style)}`)
  // jekyll-feed writes `feed.xml` (or its `feed.path`) into the site, `_site/` when built.
  const feedPath = text(_record(settings.feed).path) ?? 'feed.xml'
  const plugins = [settings.plugins, settings.gems].flat()
  notes.feedPlaces = {
    files: [`_site/${feedPath.replace(/^\/+/, '')}`, '_site/atom.xml'],
    ...(plugins.includes('jekyll-feed') ? { url: feedUrlOf(siteUrl, feedPath) } : {}),
  }
  return notes.site('jekyll')
}

/** A Jekyll permalink (a style or a pattern) in kanal's placeholders. */
function _permalink(style: string, file: string): string {
  const pattern = (_STYLES[style] ?? style).replace(/:output_ext/g, '.html').replace(/:title/g, ':slug')
  const unknown = /:(?!year\b|month\b|day\b|slug\b|categories\b)\w+/.exec(pattern)
  if (unknown || !pattern.startsWith('/')) {
    throw new UsageError(
      `${file}: permalink ${JSON.stringify(style)} uses ${unknown?.[0] ?? 'a relative path'}, which kanal cannot fill; write "permalink" in kanal.config.json with :year, :month, :day, :slug, :categories`,
    )
  }
  return pattern
}

function _record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
