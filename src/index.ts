import type { AdoptOptions, AdoptResult } from './guard/adopt.js'

export {
  type BuildOptions,
  type BuildResult,
  build,
  type HeldBackArticle,
  nowFromEnvironment,
} from './build.js'
export type { Config, Person } from './config.js'
export { type DiscoveryOptions, type DiscoveryResult, discoveryTags } from './discovery.js'
export {
  type BuildWarning,
  ContentError,
  type Location,
  PingError,
  SelfCheckError,
  StateError,
  UsageError,
} from './errors.js'
export type { AdoptedId, AdoptOptions, AdoptResult } from './guard/adopt.js'
export type { AgainstOptions, AgainstReport } from './guard/against.js'
export type { FeedDiff, IdentityBreak, ItemRef, LeftItem, UpdatedItem } from './guard/compare.js'
export type { PublishedFeed, PublishedItem } from './guard/published.js'
export { readFeed } from './guard/read-feed.js'
export type { WrittenFile } from './output/write.js'
export type { BuildStats, CacheStats } from './stats.js'

/** Takes over the ids of old feeds into the articles' front matter (`kanal adopt`); loaded when called. */
export async function adopt(options: AdoptOptions): Promise<AdoptResult> {
  return (await import('./guard/adopt.js')).adopt(options)
}
