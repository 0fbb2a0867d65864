import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { FEED_FILES } from '../feed-model.js'
import { type FetchOptions, fetchFeed } from './_fetch-feed.js'
import type { PublishedFeed } from './published.js'
import { readFeed } from './read-feed.js'

/** A published feed and the output path kanal would write in its place. */
export interface PublishedFile {
  /** Output path: `rss.xml`, `kategorie/politik/feed.json`. */
  path: string
  /** The feed folder it belongs to (`''` for the main feed). */
  folder: string
  feed: PublishedFeed
}

/** Where `against` is read from and how. */
export interface PublishedOptions extends FetchOptions {
  cwd: string
}

/**
 * The published feeds to compare with: from a previous output folder or the live site (`https://…/`),
 * each feed kanal would write in `folders` that is there; or one feed file or feed URL, which stands
 * for the main feed. Nothing to compare with is a `UsageError`.
 */
export async function loadPublished(
  against: string,
  folders: string[],
  options: PublishedOptions,
): Promise<PublishedFile[]> {
  if (/^https?:\/\//i.test(against)) return _fromUrl(against, folders, options)
  const place = path.resolve(options.cwd, against)
  const kind = await stat(place).catch(() => undefined)
  if (!kind)
    throw new UsageError(
      `--against ${against}: no such file or folder; give a previous output folder, a feed file or the site's URL`,
    )
  if (kind.isFile()) {
    const text = await readFile(place, 'utf8')
    return [{ path: _main(text), folder: '', feed: readFeed(text, against) }]
  }
  const found: PublishedFile[] = []
  for (const file of _feedPaths(folders)) {
    const text = await readFile(path.join(place, file.path), 'utf8').catch(() => undefined)
    if (text !== undefined) found.push({ ...file, feed: readFeed(text, path.posix.join(against, file.path)) })
  }
  if (found.length === 0)
    throw new UsageError(
      `--against ${against}: holds none of the feeds kanal writes (${Object.values(FEED_FILES).join(', ')}); give the folder that was published, or one feed file`,
    )
  return found
}

async function _fromUrl(
  against: string,
  folders: string[],
  options: PublishedOptions,
): Promise<PublishedFile[]> {
  if (!against.endsWith('/')) {
    const text = await fetchFeed(against, options)
    if (text === undefined)
      throw new UsageError(
        `${against}: not found (HTTP 404); give the URL of the published feed, or the site's URL ending in /`,
      )
    return [{ path: _main(text), folder: '', feed: readFeed(text, against) }]
  }
  const found: PublishedFile[] = []
  for (const file of _feedPaths(folders)) {
    const url = new URL(file.path, against).href
    const text = await fetchFeed(url, options)
    if (text !== undefined) found.push({ ...file, feed: readFeed(text, url) })
  }
  if (found.length === 0)
    throw new UsageError(
      `${against}: none of the feeds kanal would write is published there (${Object.values(FEED_FILES).join(', ')} answered 404); check the URL`,
    )
  return found
}

function _feedPaths(folders: string[]): { path: string; folder: string }[] {
  return folders.flatMap((folder) =>
    Object.values(FEED_FILES).map((name) => ({ path: `${folder}${name}`, folder })),
  )
}

/** The main feed's output path in the format the file is in. */
function _main(text: string): string {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (start.startsWith('{')) return FEED_FILES.json
  return /<feed[\s>]/.test(start) ? FEED_FILES.atom : FEED_FILES.rss
}
