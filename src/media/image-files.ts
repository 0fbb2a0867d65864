import { open } from 'node:fs/promises'
import path from 'node:path'
import type { Config } from '../config.js'
import type { Article } from '../content/article.js'
import { ContentError } from '../errors.js'
import { readDimensions } from './_dimensions.js'

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
  if (config.publicDir === undefined || !url.startsWith(config.siteUrl)) return undefined
  const below = decodeURIComponent(new URL(url).pathname).slice(new URL(config.siteUrl).pathname.length)
  const root = path.resolve(cwd, config.publicDir)
  const file = path.resolve(root, ...below.split('/'))
  return file.startsWith(`${root}${path.sep}`) ? file : undefined
}

/**
 * Reads the published file of every shown article's image: its size in bytes (the enclosure's
 * `length`) and pixel size (Media RSS). A local image whose file cannot be read is a warning on the
 * article's `image` line; the feeds then carry only what needs no size.
 */
export async function readImages(
  articles: Iterable<Article>,
  config: Config,
  cwd: string,
): Promise<ReadImages> {
  const result: ReadImages = { facts: new Map(), unreadable: new Set(), warnings: [] }
  for (const article of articles) {
    const url = article.image
    if (url === undefined || result.facts.has(url)) continue
    const file = findImageFile(url, config, cwd)
    if (file === undefined) continue
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
