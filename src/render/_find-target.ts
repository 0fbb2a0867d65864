import { statSync } from 'node:fs'
import path from 'node:path'
import { siteFolderOf } from '../sites/body-templates.js'
import { toUriText } from '../uri.js'
import { type LinkTarget, type LinkTargets, stemOf } from './link-targets.js'
import type { ReferenceMarker } from './reference-marker.js'

// Which file a reference names, by the rules of the generator that wrote it. Jekyll's `post_url` takes a
// post's name (`2024-01-05-slug`, with the folders below or above `_posts/`), `link` a path from the
// site's folder; Hugo's `ref` a path below content/ (relative to the page first, then from the top), a
// page bundle's folder, or a file name alone when only one page has it, with or without extension.

/** The article whose file links, as the references need it. */
export interface Referrer {
  /** Its file, with `/`. */
  path: string
  /** Its file below the content folder, with `/`. */
  relative: string
  url: string
  siteUrl: string
}

/** What a reference names: an article, another file's URL, or nothing (why, and what to do). */
export type Found = { target: LinkTarget; fragment?: string } | { url: string } | { missing: string }

const _ARTICLE = /\.(?:md|markdown|mdown|mkd|mdx)$/i

/** The file a reference names, found among the site's articles (and, for `link`, its other files). */
export function findTarget(marker: ReferenceMarker, referrer: Referrer, targets: LinkTargets): Found {
  if (marker.kind === 'post_url') return _postUrl(marker.target, referrer, targets)
  if (marker.kind === 'link') return _link(marker.target, referrer, targets)
  return _ref(marker.target, referrer, targets)
}

/** Jekyll's `post_url`: `[folders/]YYYY-MM-DD-slug`, a post in `_posts/folders/` or `folders/_posts/`. */
function _postUrl(name: string, referrer: Referrer, targets: LinkTargets): Found {
  const parts = /^(.*\/)?(\d+-\d+-\d+)-(.+)$/.exec(name.replace(/^\//, ''))
  if (!parts)
    return {
      missing: `"${name}" is no post name (YYYY-MM-DD-title); write the post's file name without its extension`,
    }
  const [, folders = '', date, slug] = parts
  const site = _withSlashes(siteFolderOf(_native(referrer.path)))
  const file = `${_escape(`${date}-${slug}`)}\\.[^./]+$`
  const pattern = new RegExp(`^_posts/${_escape(folders)}${file}|^${_escape(folders)}_posts/?${file}`)
  const found = targets
    .named(`${date}-${slug}`)
    .find((target) => pattern.test(path.posix.relative(site, target.path)))
  if (found) return { target: found }
  return {
    missing: `no post in _posts/${folders} is named ${date}-${slug} (with any extension); correct the name, or write the article's URL`,
  }
}

/** Jekyll's `link`: a file by its path from the site's folder; an article's URL, or a plain file's. */
function _link(relative: string, referrer: Referrer, targets: LinkTargets): Found {
  const site = _withSlashes(siteFolderOf(_native(referrer.path)))
  if (relative.split('/').includes('..'))
    return { missing: `${relative} leads out of the site's folder; write a path from the site's folder` }
  const file = path.posix.join(site, relative.replace(/^\//, ''))
  const found = targets.atStem(stemOf(file)).find((target) => target.path === file)
  if (found) return { target: found }
  const stats = statSync(_native(file), { throwIfNoEntry: false })
  if (stats?.isFile() && !_ARTICLE.test(file) && !/\.html?$/i.test(file)) {
    return { url: toUriText(new URL(path.posix.relative(site, file), referrer.siteUrl).href) }
  }
  if (stats?.isFile())
    return {
      missing: `${relative} is no article kanal publishes (a page, or a draft in _drafts/), so its URL is unknown; write the URL, or link a published article`,
    }
  return {
    missing: `the site has no file ${relative} (the path starts at the site's folder, like _posts/2024-01-05-titel.md); correct it, or write the URL`,
  }
}

/** Hugo's `ref` and `relref`: a page by its path, its bundle's folder or its unique file name; `#fragment` kept. */
function _ref(reference: string, referrer: Referrer, targets: LinkTargets): Found {
  const hash = reference.indexOf('#')
  const written = hash === -1 ? reference : reference.slice(0, hash)
  const fragment = hash === -1 ? undefined : reference.slice(hash + 1)
  const withFragment = (target: LinkTarget): Found => ({ target, ...(fragment ? { fragment } : {}) })
  const content = _hugoContentOf(referrer)
  const relative = referrer.path.slice(content.length)
  if (written === '') {
    const self = targets.atStem(stemOf(referrer.path)).find((target) => target.path === referrer.path)
    if (self) return withFragment(self)
  }
  const clean = written.replace(/^\/+/, '').replace(/\/+$/, '')
  const bases = written.startsWith('/') ? [''] : [path.posix.dirname(relative), '']
  for (const base of bases) {
    const file = path.posix.join(content, base, clean)
    const found = _ARTICLE.test(file)
      ? targets.atStem(stemOf(file)).find((target) => target.path.toLowerCase() === file.toLowerCase())
      : (targets.atStem(file)[0] ?? targets.atStem(`${file}/index`)[0])
    if (found) return withFragment(found)
  }
  if (clean !== '' && !clean.includes('/')) {
    const named = targets.named(_ARTICLE.test(clean) ? stemOf(clean) : clean)
    const [only] = named
    if (only && named.length === 1) return withFragment(only)
    if (named.length > 1) {
      const files = named.slice(0, 3).map((target) => target.file)
      return {
        missing: `"${clean}" names ${named.length} articles (${files.join(', ')}); write its path below the content folder`,
      }
    }
  }
  return {
    missing: `no article below the content folder is at "${written}"; correct the path (below the content folder, or the file name), or write the URL`,
  }
}

/**
 * Hugo's content folder, which its paths start from: kanal's may be a section below it (`content/posts`,
 * as `init --from` writes), so it is the nearest folder above named `content` (Hugo's default), else kanal's.
 */
function _hugoContentOf(referrer: Referrer): string {
  const kanal = referrer.path.slice(0, referrer.path.length - referrer.relative.length)
  const parts = kanal.split('/')
  const at = parts.lastIndexOf('content')
  return at === -1 ? kanal : `${parts.slice(0, at + 1).join('/')}/`
}

function _escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function _withSlashes(file: string): string {
  return file.split(path.sep).join('/')
}

function _native(file: string): string {
  return file.split('/').join(path.sep)
}
