import { quoteValue } from '../quote.js'
import { FrontMatterDraft, isTemplateCode, type SiteConventions } from './_conventions.js'

// Eleventy's data keys (https://www.11ty.dev/docs/data-configuration/) and eleventy-base-blog's.

const _ZONELESS = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/

const _KNOWN = [
  'layout',
  'permalink',
  'eleventyExcludeFromCollections',
  'eleventyNavigation',
  'eleventyComputed',
  'eleventyImport',
  'pagination',
  'templateEngineOverride',
  'dynamicPermalink',
  'description',
  'excerpt',
  'modified',
  'updated',
]

/** Eleventy's Markdown templates as Eleventy reads them. */
export const eleventy: SiteConventions = {
  name: 'eleventy',
  knownKeys: new Set(_KNOWN),
  templates: 'liquid',
  isArticleFile: () => true,
  toKanal(frontMatter) {
    if (frontMatter.data.permalink === false) return undefined
    const draft = new FrontMatterDraft(frontMatter)
    // Eleventy reads YAML dates without a zone (`date: 2018-05-01`) as UTC, as js-yaml makes them.
    for (const key of ['date', 'modified']) {
      const value = draft.data[key]
      if (typeof value === 'string' && _ZONELESS.test(value))
        draft.data[key] = `${value.replace(' ', 'T')}${value.length === 10 ? 'T00:00' : ''}Z`
    }
    draft.move('eleventyExcludeFromCollections', 'draft', (value) => (value === true ? true : undefined))
    draft.move('description', 'summary')
    draft.move('excerpt', 'summary')
    draft.move('modified', 'updated')
    // Template code is Eleventy's to evaluate, often with the site's own filters: never a URL here.
    const computed = draft.data.eleventyComputed as Record<string, unknown> | undefined
    for (const [key, value] of [
      ['permalink', draft.data.permalink],
      ['eleventyComputed', computed && typeof computed === 'object' ? computed.permalink : undefined],
    ] as const)
      if (isTemplateCode(value))
        draft.warn(
          key,
          `the permalink ${quoteValue(value)} is template code kanal cannot evaluate; the article gets the URL of "permalink" in kanal.config.json instead: write a plain path here, or build the feeds with the Eleventy plugin "kanal/eleventy" for Eleventy's own URLs`,
        )
    // `/a/b/index.html` is served as `/a/b/`; other paths are the URL as they are.
    draft.move('permalink', 'url', (value) =>
      typeof value === 'string' && !value.includes('{') ? value.replace(/\/index\.html$/, '/') : undefined,
    )
    return draft.done()
  },
}
