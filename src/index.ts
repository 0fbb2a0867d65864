export { type BuildOptions, type BuildResult, build, nowFromEnvironment } from './build.js'
export type { Config, Person } from './config.js'
export { ContentError, type Location, SelfCheckError, UsageError } from './errors.js'
export type { WrittenFile } from './output/write.js'
