export {
  type BuildOptions,
  type BuildResult,
  build,
  type HeldBackArticle,
  nowFromEnvironment,
} from './build.js'
export type { CacheStats } from './cache/cache.js'
export type { Config, Person } from './config.js'
export { ContentError, type Location, SelfCheckError, UsageError } from './errors.js'
export type { WrittenFile } from './output/write.js'
