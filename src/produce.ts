import type { Config } from './config.js'
import { serializeFeed } from './formats/index.js'
import type { FeedModel } from './model.js'
import type { KeptFile, OutputFile } from './output/file.js'
import { buildSiteFiles } from './views/site-files.js'

/** What a group of output files is made from: one feed (all its formats), or the site views. */
export type GroupInput =
  | { kind: 'feed'; folder: string; model: FeedModel }
  | { kind: 'views'; config: Config; folders: string[] }

/**
 * Makes the files of one group: `produce` makes them anew. The plain one always does; a faster one may
 * keep the files the last build made from the same input, when they are still on disk as written.
 */
export type GroupMaker = (input: GroupInput, produce: () => OutputFile[]) => (OutputFile | KeptFile)[]

const _produce: GroupMaker = (_input, produce) => produce()

/** Every output file, one feed (in all formats) at a time, then the site views. */
export function* produceFiles(
  feeds: { folder: string; model: FeedModel }[],
  config: Config,
  group: GroupMaker = _produce,
): Generator<OutputFile | KeptFile> {
  for (const { folder, model } of feeds) {
    yield* group({ kind: 'feed', folder, model }, () => serializeFeed(model, folder))
  }
  const folders = feeds.map((feed) => feed.folder)
  yield* group({ kind: 'views', config, folders }, () => buildSiteFiles(feeds, config))
}
