import { FEED_FILES } from '../feed-model.js'
import type { FeedModel } from '../model.js'
import type { OutputFile } from '../output/file.js'
import { serializeAtom } from './_atom.js'
import { serializeJsonFeed } from './_json-feed.js'
import { serializeRss } from './_rss.js'

/** Serialises one feed in every format, as files inside `folder`. */
export function serializeFeed(model: FeedModel, folder: string): OutputFile[] {
  return [
    { path: `${folder}${FEED_FILES.rss}`, contents: serializeRss(model) },
    { path: `${folder}${FEED_FILES.atom}`, contents: serializeAtom(model) },
    { path: `${folder}${FEED_FILES.json}`, contents: serializeJsonFeed(model) },
  ]
}
