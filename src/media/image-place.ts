import { statSync } from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.js'
import type { Generator } from '../sites/generator.js'
import { toUriText } from '../uri.js'

// A generator site writes a relative image path (`foto.jpg`, `../assets/a.png`) relative to the
// article FILE, next to which the image lies (Hugo's page bundles, Jekyll's assets). kanal looks
// for that file first: a bundle's file is published below the article's URL, a file elsewhere in
// the site at its own path (`static/` and `public/` are the site root). Only when no such file
// exists is the path resolved against the article's URL, as a browser would.

/** Where an article's relative images are looked for. Plain data (crosses threads). */
export interface ImagePlace {
  /** The folder of the article file. */
  articleDir: string
  /** The article file is a page bundle's `index.*`: the files beside it are published below its URL. */
  bundle: boolean
  articleUrl: string
  siteUrl: string
  /** The site's folder (the working folder): a file below it is published at its path there. */
  siteDir: string
  /** The site's published folder (`publicDir`), absolute, if set. */
  publicDir?: string
  from?: Generator
}

/** A relative image reference and its file: whether it exists, and where it is published. */
export interface LocatedImage {
  file: string
  exists: boolean
  /** Its published URL when the file exists and kanal can tell it (else the article URL applies). */
  url?: string
  /** The file was not there, but the article URL's file below `publicDir` is: no reason to warn. */
  published?: boolean
}

// Not a file reference: a scheme, a site path, a protocol-relative URL, a fragment or nothing.
const _NOT_RELATIVE = /^(?:[a-z][a-z0-9+.-]*:|[/\\]|#|$)/i
// Folders whose files a generator copies unchanged to the site root. Jekyll (and a site without a
// generator) publishes the whole site folder as it is; Astro and Hugo process images elsewhere
// (`src/assets`, `assets/`) into names kanal cannot know.
const _ROOTS: Record<Generator | 'kanal', string[] | 'all'> = {
  kanal: 'all',
  jekyll: 'all',
  hugo: ['static', 'content'],
  astro: ['public'],
  eleventy: ['public'],
}

/**
 * Where an article's relative images are looked for; undefined for kanal's own content without
 * `publicDir`, whose relative images resolve against the article's URL as they always did.
 */
export function imagePlaceOf(
  article: { source: { path: string }; url: string },
  config: Pick<Config, 'siteUrl' | 'from' | 'publicDir'>,
  cwd: string,
): ImagePlace | undefined {
  if (config.from === undefined && config.publicDir === undefined) return undefined
  const { dir, name } = path.parse(article.source.path)
  return {
    articleDir: dir,
    bundle: name === 'index',
    articleUrl: article.url,
    siteUrl: config.siteUrl,
    siteDir: cwd,
    ...(config.publicDir === undefined ? {} : { publicDir: path.resolve(cwd, config.publicDir) }),
    ...(config.from === undefined ? {} : { from: config.from }),
  }
}

/** The file a relative image reference names, and its URL; undefined when it is no relative reference. */
export function locateImage(reference: string, place: ImagePlace): LocatedImage | undefined {
  const written = reference.trim()
  if (_NOT_RELATIVE.test(written)) return undefined
  const relative = _decoded(written.replace(/[?#].*$/, ''))
  if (relative === undefined || relative === '') return undefined
  const file = path.resolve(place.articleDir, ...relative.split('/'))
  if (!_isFile(file)) {
    const published = _publishedCopy(written, place)
    return { file, exists: false, ...(published ? { published } : {}) }
  }
  const url = _publishedUrl(file, written, place)
  return url === undefined ? { file, exists: true } : { file, exists: true, url }
}

/** What a lookup found, as text: equal texts give equal HTML (the cache checks a stored body by it). */
export function describeLookup(located: LocatedImage | undefined): string {
  if (located === undefined) return 'none'
  if (located.exists) return `file ${located.url ?? ''}`
  return located.published ? 'published' : 'missing'
}

function _publishedUrl(file: string, written: string, place: ImagePlace): string | undefined {
  const below = path.relative(place.articleDir, file)
  if (place.bundle && !below.startsWith('..') && !path.isAbsolute(below)) {
    return toUriText(new URL(written, place.articleUrl).href)
  }
  const parts = path.relative(place.siteDir, file).split(path.sep)
  if (parts[0] === '..' || path.isAbsolute(parts.join('/'))) return undefined
  const roots = _ROOTS[place.from ?? 'kanal']
  if (roots !== 'all' && !roots.includes(parts[0] as string)) return undefined
  if (roots !== 'all') parts.shift()
  // Jekyll (and the rest) publish no file from a folder starting with `_` or `.`.
  if (parts.slice(0, -1).some((part) => part.startsWith('_') || part.startsWith('.'))) return undefined
  if (place.publicDir !== undefined && !_isFile(path.join(place.publicDir, ...parts))) return undefined
  return toUriText(new URL(parts.map(encodeURIComponent).join('/'), place.siteUrl).href)
}

/** Whether the file the article URL makes of the reference exists below `publicDir`. */
function _publishedCopy(written: string, place: ImagePlace): boolean {
  if (place.publicDir === undefined) return false
  const file = publishedFileOf(new URL(written, place.articleUrl).href, place.siteUrl, place.publicDir)
  return file !== undefined && _isFile(file)
}

/**
 * The file a URL below `siteUrl` is published from: the same path below `publicDir` (absolute), never
 * outside it (`https://x.de/bilder/a.jpg` → `<publicDir>/bilder/a.jpg`). Undefined for a URL elsewhere.
 */
export function publishedFileOf(url: string, siteUrl: string, publicDir: string): string | undefined {
  if (!url.startsWith(siteUrl)) return undefined
  const below = _decoded(new URL(url).pathname.slice(new URL(siteUrl).pathname.length))
  if (below === undefined) return undefined
  const file = path.resolve(publicDir, ...below.split('/'))
  return file.startsWith(`${publicDir}${path.sep}`) ? file : undefined
}

function _decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\\/g, '/'))
  } catch {
    return undefined
  }
}

function _isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}
