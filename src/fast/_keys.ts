import { statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sha256 } from '../hash.js'
import type { BodyJob } from '../render/article-body.js'
import { VERSION } from '../version.js'

/**
 * The code that builds: a new kanal, or the same version built again from changed sources (its files
 * get a new mtime; an npm install gives every file the same one), may write other bytes.
 */
export const CODE_STAMP = `${VERSION}\0${statSync(fileURLToPath(import.meta.url)).mtimeMs}`

/** The cache's format: entries and keys of another format or kanal code are never used. */
export const CACHE_FORMAT = `kanal-cache-10/${CODE_STAMP}`

/** What an article's validation depends on besides its file: the config (and kanal's version). */
export function configKey(config: unknown): string {
  return sha256(`${CACHE_FORMAT}\0${JSON.stringify(config)}`)
}

/**
 * The key of a rendered body: it depends on the body, on the URLs relative links resolve against, and
 * on the front matter's summary (the plain-text summary is kept with the HTML), on a site's templates,
 * on the text that ends the summary (`excerptSeparator`) and on whether the body is MDX.
 */
export function renderKey(bodyHash: string, job: Omit<BodyJob, 'source'>): string {
  const { articleUrl, siteUrl, summary = '', templates, excerptSeparator, mdx } = job
  // Bodies of a generator's site also depend on how its template code is read (an include's folder).
  const read = templates === undefined ? '' : `\0${JSON.stringify(templates)}`
  const cut = excerptSeparator === undefined ? '' : `\0cut\0${excerptSeparator}`
  const dialect = mdx ? '\0mdx' : ''
  return sha256(`${CACHE_FORMAT}\0${bodyHash}\0${articleUrl}\0${siteUrl}\0${summary}${read}${cut}${dialect}`)
}
