import { fingerprint, type OutputGroup } from './cache/stamp.js'
import type { Config } from './config.js'
import { serializeFeed } from './formats/index.js'
import type { FeedModel } from './model.js'
import type { KeptFile, OutputFile } from './output/file.js'
import { buildSiteFiles } from './views/site-files.js'

/** Output files the last build made from the same input, if still on disk as written. */
export type KeptFiles = (fingerprint: string) => KeptFile[] | undefined

/**
 * Every output file, one feed (in all formats) at a time, then the site views. A group whose input
 * (the feed's model and folder; for the views, every feed's and the config) is what the last build
 * made it from, and whose files are still as written, is kept instead of produced. `groups` receives
 * each group's fingerprint and paths, for the next build.
 */
export function* produceFiles(
  feeds: { folder: string; model: FeedModel }[],
  config: Config,
  kept: KeptFiles,
  groups: OutputGroup[],
): Generator<OutputFile | KeptFile> {
  const prints: string[] = []
  for (const feed of feeds) {
    const print = fingerprint(feed.folder, feed.model)
    prints.push(print)
    yield* _group(print, () => serializeFeed(feed.model, feed.folder), kept, groups)
  }
  yield* _group(
    fingerprint(
      config,
      feeds.map((feed) => feed.folder),
      prints,
    ),
    () => buildSiteFiles(feeds, config),
    kept,
    groups,
  )
}

function* _group(
  print: string,
  produce: () => OutputFile[],
  kept: KeptFiles,
  groups: OutputGroup[],
): Generator<OutputFile | KeptFile> {
  const files = kept(print) ?? produce()
  groups.push({ fingerprint: print, paths: files.map((file) => file.path) })
  yield* files
}
