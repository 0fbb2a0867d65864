import { FrontMatterDraft, type SiteConventions } from './_conventions.js'

// Eleventy's data keys (https://www.11ty.dev/docs/data-configuration/) and eleventy-base-blog's.

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
    draft.move('eleventyExcludeFromCollections', 'draft', (value) => (value === true ? true : undefined))
    draft.move('description', 'summary')
    draft.move('excerpt', 'summary')
    draft.move('modified', 'updated')
    // `/a/b/index.html` is served as `/a/b/`; other paths are the URL as they are.
    draft.move('permalink', 'url', (value) =>
      typeof value === 'string' && !value.includes('{') ? value.replace(/\/index\.html$/, '/') : undefined,
    )
    return draft.done()
  },
}
