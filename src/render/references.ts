import path from 'node:path'
import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import type { RenderedArticle } from '../model.js'
import { toUriText } from '../uri.js'
import { escapeAttribute } from './_attribute.js'
import { type Found, findTarget } from './_find-target.js'
import type { RenderResult } from './articles.js'
import type { LinkTargets } from './link-targets.js'
import { hasReferences, type ReferenceMarker, replaceReferences } from './reference-marker.js'

/** An article the feeds leave out for now (`FeedSieve.heldBack`): a link to it would lead nowhere yet. */
export interface HeldBackFile {
  file: string
  reason: 'draft' | 'scheduled'
}

/**
 * Puts the linked article's URL where a rendered body holds a reference marker (`reference-marker.ts`):
 * the stage after `renderArticles`, so that bodies are rendered (and cached) on their own and only this
 * plain step joins them with the other articles' URLs. A reference to no published article keeps the
 * link's text without the link, with a warning at the tag's line.
 */
export function resolveReferences(
  bodies: RenderResult,
  targets: LinkTargets,
  heldBack: HeldBackFile[],
  config: Config,
): RenderResult {
  // Without template code a body holds no marker, only, perhaps, text that looks like one.
  if (!targets.wanted) return bodies
  const held = new Map(heldBack.map((article) => [article.file, article.reason]))
  const warnings = [...bodies.warnings]
  const rendered = new Map<Article, RenderedArticle>()
  for (const [article, body] of bodies.rendered) {
    if (!hasReferences(body.html) && !hasReferences(body.summary)) {
      rendered.set(article, body)
      continue
    }
    const referrer = {
      path: article.source.path.split(path.sep).join('/'),
      relative: article.source.relative,
      url: article.url,
      siteUrl: config.siteUrl,
    }
    const urls = new Map<string, string | undefined>()
    const urlOf = (marker: ReferenceMarker): string | undefined => {
      const key = `${marker.kind} ${marker.line} ${marker.target}`
      if (urls.has(key)) return urls.get(key)
      const found = findTarget(marker, referrer, targets)
      const url = _urlOf(found, held)
      urls.set(key, typeof url === 'string' ? url : undefined)
      if (typeof url !== 'string') {
        const where = { file: article.source.file, line: article.source.bodyLine + marker.line }
        warnings.push(
          new ContentError(
            where,
            `left out the link ${_tagOf(marker)}: ${url.missing}; the link keeps only its text`,
          ),
        )
      }
      return typeof url === 'string' ? url : undefined
    }
    const html = _resolveHtml(body.html, urlOf)
    // A summary cut inside a long marker ends with its start: that goes, the `…` stays.
    const summary = replaceReferences(body.summary, (marker) => urlOf(marker) ?? '').replace(
      /\s*https:\/\/kanal\.invalid\/\S*(?=…$)/,
      '',
    )
    rendered.set(article, { ...body, html, summary })
  }
  return { ...bodies, rendered, warnings }
}

/** The URL a reference leads to, or why it leads nowhere (an article held back counts as none). */
function _urlOf(found: Found, held: Map<string, 'draft' | 'scheduled'>): string | { missing: string } {
  if ('missing' in found) return found
  if ('url' in found) return found.url
  const reason = held.get(found.target.file)
  if (reason === 'draft')
    return {
      missing: `${found.target.file} is a draft, so it is not published; publish it, or remove the link`,
    }
  if (reason === 'scheduled')
    return {
      missing: `${found.target.file} is dated after now, so it is not published yet; the link comes with the first build after its date`,
    }
  const { url } = found.target
  return found.fragment === undefined ? url : toUriText(`${url}#${found.fragment}`)
}

/**
 * The HTML with every marker replaced: by the URL, or, where it leads nowhere, a link by its text and
 * an image by nothing (a marker elsewhere, in text, by nothing).
 */
function _resolveHtml(html: string, urlOf: (marker: ReferenceMarker) => string | undefined): string {
  const leadsNowhere = (tag: string): boolean => {
    let nowhere = false
    replaceReferences(tag, (marker) => {
      if (urlOf(marker) === undefined) nowhere = true
      return ''
    })
    return nowhere
  }
  const unlinked = html
    .replace(/(<a\b[^>]*>)([\s\S]*?)<\/a>/g, (whole, open: string, text: string) =>
      hasReferences(open) && leadsNowhere(open) ? text : whole,
    )
    .replace(/<img\b[^>]*>/g, (tag) => (hasReferences(tag) && leadsNowhere(tag) ? '' : tag))
  return replaceReferences(unlinked, (marker) => escapeAttribute(urlOf(marker) ?? ''))
}

function _tagOf({ kind, target }: ReferenceMarker): string {
  const shown = target.length > 60 ? `${target.slice(0, 59)}…` : target
  return kind === 'ref' ? `{{< ref "${shown}" >}}` : `{% ${kind} ${shown} %}`
}
