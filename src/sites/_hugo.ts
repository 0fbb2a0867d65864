import path from 'node:path'
import { toHugoSegment } from '../slug.js'
import { FrontMatterDraft, firstText, type SiteConventions, textIn } from './_conventions.js'

// Hugo's front matter (https://gohugo.io/content-management/front-matter/) and the keys of its most
// used themes (PaperMod, Ananke, Stack). `_index.md` is a list page, never an article.

const _KNOWN = [
  'aliases',
  'build',
  '_build',
  'cascade',
  'description',
  'expiryDate',
  'expirydate',
  'headless',
  'isCJKLanguage',
  'keywords',
  'lastmod',
  'layout',
  'linkTitle',
  'markup',
  'menu',
  'menus',
  'modified',
  'outputs',
  'params',
  'publishDate',
  'pubdate',
  'resources',
  'series',
  'sitemap',
  'translationKey',
  'type',
  'weight',
  'images',
  'cover',
  'toc',
  'showToc',
  'TocOpen',
  'tocOpen',
  'hidemeta',
  'comments',
  'ShowReadingTime',
  'ShowWordCount',
  'ShowBreadCrumbs',
  'ShowPostNavLinks',
  'ShowShareButtons',
  'disableShare',
  'searchHidden',
  'featured_image',
  'featuredImage',
  'math',
  'license',
  'excerpt',
]

/** Hugo's content pages as Hugo reads them. */
export const hugo: SiteConventions = {
  name: 'hugo',
  knownKeys: new Set(_KNOWN),
  templates: 'hugo',
  // Hugo publishes any slug or file name, urlized: `_` and capitals kept, lower-cased.
  slugOf: toHugoSegment,
  // Themes show `{{ .Title | markdownify }}`: applied by the content stage (`render/hugo-title.ts`),
  // which alone loads markdown-it; these conventions are loaded by every build, also an up-to-date one.
  titles: 'markdown',
  isArticleFile(relative) {
    // `_index.en.md` too: a translated list page.
    return !/^_index(\.[^.]+)?\.[^.]+$/.test(path.posix.basename(relative))
  },
  toKanal(frontMatter) {
    const data = frontMatter.data
    if (data.headless === true) return undefined
    const build = (data.build ?? data._build) as Record<string, unknown> | undefined
    if (build && typeof build === 'object' && (build.list === 'never' || build.list === false))
      return undefined
    const draft = new FrontMatterDraft(frontMatter)
    draft.move('publishDate', 'date')
    draft.move('pubdate', 'date')
    draft.move('lastmod', 'updated')
    draft.move('modified', 'updated')
    draft.move('description', 'summary')
    draft.move('excerpt', 'summary')
    draft.move('images', 'image', firstText)
    draft.move('cover', 'image', (value) => textIn(value, 'image'))
    draft.move('featured_image', 'image')
    draft.move('featuredImage', 'image')
    return draft.done()
  },
}
