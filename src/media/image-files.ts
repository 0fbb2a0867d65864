import { open } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import { readDimensions } from './_dimensions.js'
import { imagePlaceOf, type LocatedImage, locateImage, publishedFileOf } from './image-place.js'

/** What the published file of an article image tells: its size in bytes and, where the format says, pixels. */
export interface ImageFacts {
  /** Bytes of the file. */
  length: number
  width?: number
  height?: number
}

/** The facts per image URL (files read), and the URLs of local images whose file could not be read. */
export interface ReadImages {
  facts: Map<string, ImageFacts>
  unreadable: Set<string>
  /** Articles whose relative image names a file beside them published at another URL than the article URL gives. */
  located: Map<Article, string>
  /** Every image file looked at, found or not: the build's outcome depends on them. */
  files: string[]
  warnings: ContentError[]
}

// Enough for the header of every format read, JPEG's EXIF segments before the frame included.
const _HEAD_BYTES = 256 * 1024

/**
 * The file an image URL is published from: with `publicDir` set, an image below `siteUrl` is the file
 * at the same path below `publicDir` (`https://x.de/bilder/a.jpg` → `public/bilder/a.jpg`). Undefined
 * for images elsewhere, and without `publicDir`: kanal never fetches images.
 */
export function findImageFile(url: string, config: Config, cwd: string): string | undefined {
  if (config.publicDir === undefined) return undefined
  return publishedFileOf(url, config.siteUrl, path.resolve(cwd, config.publicDir))
}

/**
 * Reads the file of every shown article's image: its size in bytes (the enclosure's `length`) and
 * pixel size (Media RSS). A relative image path of a generator's site (or with `publicDir`) names
 * the file beside the article first (`locateImage`); else the published file below `publicDir`. A
 * relative image whose file is nowhere, or a local image whose file cannot be read, is a warning on
 * the article's `image` line; the feeds then carry only what needs no size.
 */
export async function readImages(
  articles: Iterable<Article>,
  config: Config,
  cwd: string,
): Promise<ReadImages> {
  const result: ReadImages = {
    facts: new Map(),
    unreadable: new Set(),
    located: new Map(),
    files: [],
    warnings: [],
  }
  for (const article of articles) {
    const beside = _beside(article, config, cwd, result)
    const url = beside?.url ?? article.image
    if (url === undefined || result.facts.has(url)) continue
    // The file beside the article is the image when kanal knows where it is published.
    const file = beside?.url !== undefined ? beside.file : findImageFile(url, config, cwd)
    if (file === undefined) continue
    result.files.push(file)
    try {
      result.facts.set(url, await _readFacts(file))
    } catch (error) {
      const shown = path.relative(cwd, file).split(path.sep).join('/')
      result.unreadable.add(url)
      result.warnings.push(
        new ContentError(
          { file: article.source.file, ...(article.keyLines?.image ? { line: article.keyLines.image } : {}) },
          `image file ${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}); the feeds carry the image without its size. Put the file into ${config.publicDir} or fix the image URL`,
        ),
      )
    }
  }
  return result
}

/** The file a relative image path names beside the article, noting it (and warning when it is nowhere). */
function _beside(
  article: Article,
  config: Config,
  cwd: string,
  result: ReadImages,
): LocatedImage | undefined {
  const place = article.imageReference === undefined ? undefined : imagePlaceOf(article, config, cwd)
  const located = place && locateImage(article.imageReference as string, place)
  if (located === undefined) return undefined
  result.files.push(located.file)
  if (located.url !== undefined && located.url !== article.image) result.located.set(article, located.url)
  if (!located.exists && !located.published) {
    const shown = path.relative(cwd, located.file).split(path.sep).join('/')
    result.warnings.push(
      new ContentError(
        { file: article.source.file, ...(article.keyLines?.image ? { line: article.keyLines.image } : {}) },
        `image file ${shown} does not exist, so the image is linked at ${article.image} (its path resolved against the article's URL); put the file there or fix the path`,
      ),
    )
  }
  return located
}

async function _readFacts(file: string): Promise<ImageFacts> {
  const handle = await open(file, 'r')
  try {
    const { size } = await handle.stat()
    const head = Buffer.alloc(Math.min(size, _HEAD_BYTES))
    await handle.read(head, 0, head.length, 0)
    return { length: size, ...readDimensions(head) }
  } finally {
    await handle.close()
  }
}
