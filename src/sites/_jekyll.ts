import path from 'node:path'
import { quoteValue } from '../quote.js'
import { toSlug } from '../slug.js'
import { FrontMatterDraft, isTemplateCode, type SiteConventions, splitWords, textIn } from './_conventions.js'

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
