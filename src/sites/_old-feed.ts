import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { readFeed } from '../guard/read-feed.js'
import type { FeedPlaces, OldFeed } from './_settings.js'

// Feeds committed to the repository itself, whatever the generator.
const _COMMITTED = ['feed.xml', 'atom.xml', 'rss.xml', 'index.xml', 'feed.json']
// A file larger than this is no feed to read while setting up.
const _MAX_BYTES = 50 * 1024 * 1024

/**
 * The site's current feed: the first of its build output's feed files (then of the usual committed
 * ones) that reads as a feed with items, else only the URL its settings give; undefined without either.
 */
export function findOldFeed(dir: string, places: FeedPlaces, siteUrl: string): OldFeed | undefined {
  const url = places.url === undefined ? {} : { url: places.url }
  for (const file of [...new Set([...places.files, ..._COMMITTED])]) {
    const feed = _readFeedFile(path.join(dir, file), file)
    if (!feed || feed.items.length === 0) continue
    const links = feed.items.flatMap((item) => (item.link ? [item.link] : []))
    const site = new URL(siteUrl).origin
    const other = links.map((link) => _origin(link)).find((origin) => origin !== undefined && origin !== site)
    return {
      file,
      ...url,
      items: feed.items.length,
      idsAreLinks: feed.items.every((item) => item.link !== undefined && item.id === item.link),
      ...(other === undefined ? {} : { builtFor: other }),
    }
  }
  return places.url === undefined ? undefined : url
}

function _readFeedFile(place: string, file: string) {
  try {
    if (!statSync(place).isFile() || statSync(place).size > _MAX_BYTES) return undefined
    return readFeed(readFileSync(place, 'utf8'), file)
  } catch (error) {
    // Not there, or no feed (a Jekyll `feed.xml` template with front matter): not the published feed.
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code !== undefined) return undefined
    throw error
  }
}

function _origin(link: string): string | undefined {
  return URL.canParse(link) ? new URL(link).origin : undefined
}
