import path from 'node:path'
import { type Config, exampleSiteWarning, parseConfig, readConfig } from './config.js'
import { type ContentError, UsageError } from './errors.js'
import type { BuildOptions } from './options.js'
import { checkOutputFolder } from './output/folder.js'

/** Everything a build is set to, resolved from its options: absolute folders, the config, "now". */
export interface BuildSettings {
  cwd: string
  now: Date
  config: Config
  contentDir: string
  outDir: string
  /** Undefined with `cache: false`. */
  cacheDir: string | undefined
  /** Warnings about the config itself (the example site URL left in place). */
  warnings: ContentError[]
}

/** Reads the config and resolves the folders; a bad config or folder throws `UsageError`. */
export async function resolveSettings(options: BuildOptions): Promise<BuildSettings> {
  const cwd = options.cwd ?? process.cwd()
  const now = options.now ?? nowFromEnvironment()
  const configFile = options.config ?? 'kanal.config.json'
  const parsed = options.configValues
    ? parseConfig(options.configValues, configFile, options)
    : await readConfig(path.resolve(cwd, configFile), options, configFile)
  const config = {
    ...parsed,
    ...(options.pageUrls ? { pageUrls: options.pageUrls } : {}),
    ...(options.foreignKeys ? { foreignKeys: options.foreignKeys } : {}),
  }
  const contentDir = path.resolve(cwd, options.content ?? 'content')
  const outDir = path.resolve(cwd, options.out ?? 'dist')
  checkOutputFolder(outDir, contentDir, path.resolve(cwd, configFile))
  return {
    cwd,
    now,
    config,
    contentDir,
    outDir,
    cacheDir:
      options.cache === false ? undefined : path.resolve(cwd, options.cache ?? 'node_modules/.cache/kanal'),
    warnings: [exampleSiteWarning(config, configFile)].filter((warning) => warning !== undefined),
  }
}

/** `SOURCE_DATE_EPOCH` (seconds, for reproducible builds) or the clock. */
export function nowFromEnvironment(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH
  if (epoch === undefined || epoch === '') return new Date()
  if (!/^\d+$/.test(epoch))
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (got "${epoch}")`)
  return new Date(Number(epoch) * 1000)
}
