import { existsSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { quoteValue } from '../quote.js'
import { toSlug } from '../slug.js'
import { FrontMatterDraft, isTemplateCode, type SiteConventions, splitWords, textIn } from './_conventions.js'
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

// Jekyll posts are `_posts/YYYY-MM-DD-slug.md`: the date and the slug come from the file name, the
// front matter may override both. Minimal Mistakes, the most used theme, adds the keys listed here
// (https://mmistakes.github.io/minimal-mistakes/docs/layouts/ and …/docs/helpers/).

const _POST_NAME = /^(\d{4})-(\d{2})-(\d{2})-(.+)\.[^.]+$/

const _ZONELESS_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/

const _KNOWN = [
  // Jekyll itself and its common plugins (jekyll-seo-tag, jekyll-redirect-from, jekyll-sitemap)
  'layout',
  'permalink',
  'published',
  'excerpt',
  'excerpt_separator',
  'description',
  'last_modified_at',
  'render_with_liquid',
  'redirect_from',
  'redirect_to',
  'sitemap',
  'seo',
  'canonical_url',
  'lang',
  'locale',
  'twitter',
  'hidden',
  'pin',
  'math',
  'mermaid',
  'subtitle',
  'tagline',
  'modified',
  // Minimal Mistakes
  'header',
  'toc',
  'toc_label',
  'toc_icon',
  'toc_sticky',
  'toc_collapse',
  'author_profile',
  'sidebar',
  'classes',
  'share',
  'related',
  'comments',
  'read_time',
  'words_per_minute',
  'show_date',
  'breadcrumbs',
  'entries_layout',
  'gallery',
  'feature_row',
  'link',
  'search',
  'title_separator',
  'seo_title',
]

/** Jekyll's posts as Jekyll reads them. */
export const jekyll: SiteConventions = {
  name: 'jekyll',
  knownKeys: new Set(_KNOWN),
  templates: 'liquid',
  isArticleFile(relative) {
    // Jekyll publishes only posts whose file name starts with a date; `_drafts/` holds drafts.
    const name = path.posix.basename(relative)
    return _POST_NAME.test(name) || relative.split('/').includes('_drafts')
  },
  toKanal(frontMatter, relative) {
    const draft = new FrontMatterDraft(frontMatter)
    const name = _POST_NAME.exec(path.posix.basename(relative))
    if (name) {
      const [, year, month, day, title] = name as unknown as string[]
      draft.fill('date', `${year}-${month}-${day}`)
      draft.fill('slug', toSlug(title as string) || 'artikel')
    } else if (!draft.has('slug')) {
      draft.fill('slug', toSlug(path.posix.parse(relative).name) || 'artikel')
    }
    if (relative.split('/').includes('_drafts')) draft.fill('draft', true)
    // Jekyll's YAML reads an unquoted time without a zone as UTC (Psych), whatever the site's zone.
    for (const key of ['date', 'last_modified_at']) {
      const value = draft.data[key]
      if (typeof value === 'string' && _ZONELESS_TIME.test(value)) draft.data[key] = `${value}Z`
    }
    draft.move('published', 'draft', (value) => (typeof value === 'boolean' ? !value : value))
    draft.move('excerpt', 'summary')
    draft.move('description', 'summary')
    draft.move('last_modified_at', 'updated')
    draft.move('modified', 'updated')
    // A page-level permalink is a path below the site (baseurl included by Jekyll, as kanal's `url`);
    // Liquid in it is nothing Jekyll evaluates there, and no URL to publish.
    if (isTemplateCode(draft.data.permalink))
      draft.warn(
        'permalink',
        `the permalink ${quoteValue(draft.data.permalink)} holds template code, which is no URL; the article gets the URL of "permalink" in kanal.config.json instead: write a plain path here`,
      )
    draft.move('permalink', 'url', (value) =>
      typeof value === 'string' && !value.includes(':') && !isTemplateCode(value) ? value : undefined,
    )
    if (typeof draft.data.categories === 'string') draft.data.categories = splitWords(draft.data.categories)
    if (typeof draft.data.tags === 'string') draft.data.tags = splitWords(draft.data.tags)
    if (draft.data.image !== undefined && typeof draft.data.image === 'object') {
      draft.data.image = textIn(draft.data.image, 'path')
    }
    const header = draft.data.header
    draft.move(
      'header',
      'image',
      () => textIn(header, 'teaser') ?? textIn(header, 'image') ?? textIn(header, 'overlay_image'),
    )
    return draft.done()
  },
}

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
