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
  if (!_feedable(now)) {
    throw new UsageError(
      `"now" (--now, SOURCE_DATE_EPOCH or the clock) must lie in the years 0001 to 9999, not ${Number.isNaN(now.getTime()) ? 'an invalid date' : now.toISOString()}`,
    )
  }
  const configFile = options.config ?? 'kanal.config.json'
  const parsed = options.configValues
    ? parseConfig(options.configValues, configFile, options)
    : await readConfig(path.resolve(cwd, configFile), options, configFile)
  const config = {
    ...parsed,
    ...(options.pageUrls ? { pageUrls: options.pageUrls } : {}),
    ...(options.foreignKeys ? { foreignKeys: options.foreignKeys } : {}),
  }
  // The config's `content` is relative to the config file; --content (and the default) to the cwd.
  const contentDir =
    options.content === undefined && config.content !== undefined
      ? path.resolve(path.dirname(path.resolve(cwd, configFile)), config.content)
      : path.resolve(cwd, options.content ?? 'content')
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
  const now = new Date(Number(epoch) * 1000)
  if (!/^\d+$/.test(epoch) || !_feedable(now)) {
    throw new UsageError(
      `SOURCE_DATE_EPOCH must be whole seconds since 1970, up to ${_LATEST / 1000} (9999-12-30) (got "${epoch}")`,
    )
  }
  return now
}

// Feeds write dates in years 0000 to 9999, in UTC and in the feed's zone: a day's margin each side.
const _EARLIEST = Date.parse('0001-01-02T00:00:00Z')
const _LATEST = Date.parse('9999-12-30T00:00:00Z')

function _feedable(date: Date): boolean {
  const time = date.getTime()
  return time >= _EARLIEST && time <= _LATEST
}
