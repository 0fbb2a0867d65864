import path from 'node:path'
import type { Config } from '../config.js'
import type { Typographer } from '../render/typographer.js'
import { conventionsFor } from './conventions-for.js'

/** The template language of a site's bodies, and what its built-ins need to know. Plain data (crosses threads). */
export interface BodyTemplates {
  kind: 'liquid' | 'hugo'
  /** The site's absolute URL, ending with `/` (Jekyll's `url` + `baseurl`). */
  siteUrl: string
  /** Jekyll's `_includes/` folder, for `{% include %}`. */
  includesDir?: string
  /** The site's Markdown dialect beyond CommonMark: Jekyll's kramdown (attribute lists `{: …}`). */
  markdown?: 'kramdown'
  /** A Hugo site's typographer, when the config sets it (off, or its own marks). */
  typographer?: Typographer
}

/** How the bodies of the config's generator hold template code, for an article file; undefined: none. */
export function bodyTemplatesFor(config: Config, articlePath: string): BodyTemplates | undefined {
  const kind = conventionsFor(config.from)?.templates
  if (kind === undefined || kind === 'none') return undefined
  return {
    kind,
    siteUrl: config.siteUrl,
    includesDir: path.join(siteFolderOf(articlePath), '_includes'),
    ...(config.from === 'jekyll' ? { markdown: 'kramdown' } : {}),
    ...(config.typographer === undefined ? {} : { typographer: config.typographer }),
  }
}

/** A Jekyll article's site folder: the one holding `_posts/` (and `_includes/`), else its folder's parent. */
export function siteFolderOf(articlePath: string): string {
  const parts = articlePath.split(path.sep)
  const posts = parts.lastIndexOf('_posts')
  return posts === -1 ? path.dirname(path.dirname(articlePath)) : parts.slice(0, posts).join(path.sep)
}
