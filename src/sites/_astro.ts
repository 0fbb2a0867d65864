import { FrontMatterDraft, type SiteConventions } from './_conventions.js'

// The Astro blog template's content collection (src/content/blog, src/content.config.ts).

const _KNOWN = ['description', 'pubDate', 'updatedDate', 'heroImage', 'layout', 'excerpt', 'cover']

/** An Astro content collection's Markdown as the blog template reads it. */
export const astro: SiteConventions = {
  name: 'astro',
  knownKeys: new Set(_KNOWN),
  templates: 'none',
  isArticleFile: () => true,
  toKanal(frontMatter) {
    const draft = new FrontMatterDraft(frontMatter)
    draft.move('pubDate', 'date')
    draft.move('updatedDate', 'updated')
    draft.move('description', 'summary')
    draft.move('excerpt', 'summary')
    draft.move('heroImage', 'image')
    draft.move('cover', 'image')
    return draft.done()
  },
}
