import { fingerprint, type OutputGroup } from './cache/stamp.js'
import type { Config } from './config.js'
import { serializeFeed } from './formats/index.js'
import type { FeedItem, FeedModel } from './model.js'
import type { KeptFile, OutputFile } from './output/file.js'
import { buildSiteFiles } from './views/site-files.js'

/** Output files the last build made from the same input, if still on disk as written. */
export type KeptFiles = (fingerprint: string) => KeptFile[] | undefined

/** Files the last build made that may be kept, and where to record this build's groups. */
export interface Reuse {
  kept: KeptFiles
  /** Receives each group's fingerprint and paths, for the next build. */
  groups: OutputGroup[]
}

/**
 * Every output file, one feed (in all formats) at a time, then the site views. With `reuse`, a group
 * whose input (the feed's model and folder; for the views, every feed's and the config) is what the
 * last build made it from, and whose files are still as written, is kept instead of produced.
 */
export function* produceFiles(
  feeds: { folder: string; model: FeedModel }[],
  config: Config,
  reuse?: Reuse,
): Generator<OutputFile | KeptFile> {
  const prints: string[] = []
  for (const feed of feeds) {
    const produce = () => serializeFeed(feed.model, feed.folder)
    if (!reuse) {
      yield* produce()
      continue
    }
    const print = fingerprint(feed.folder, _withoutBodies(feed.model))
    prints.push(print)
    yield* _group(print, produce, reuse)
  }
  const produce = () => buildSiteFiles(feeds, config)
  if (!reuse) yield* produce()
  else
    yield* _group(
      fingerprint(
        config,
        feeds.map((feed) => feed.folder),
        prints,
      ),
      produce,
      reuse,
    )
}

function* _group(print: string, produce: () => OutputFile[], reuse: Reuse): Generator<OutputFile | KeptFile> {
  const files = reuse.kept(print) ?? produce()
  reuse.groups.push({ fingerprint: print, paths: files.map((file) => file.path) })
  yield* files
}

// A body known by its key (the hash of what it was rendered from) need not be hashed again.
function _withoutBodies(model: FeedModel): FeedModel {
  const items = model.items.map((item) => {
    if (item.bodyKey === undefined) return item
    const { html: _html, summary: _summary, ...rest } = item
    return rest as FeedItem
  })
  return { ...model, items }
}
