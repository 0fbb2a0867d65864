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
export type { WrittenFile } from './output/write.js'
export type { BuildStats, CacheStats } from './stats.js'
