import type { Config } from '../config.js'
import { ContentError } from '../errors.js'
import { FEED_FILES } from '../feed-model.js'
import type { WrittenFile } from '../output/write.js'
import { type PingOptions, pingHubs } from './ping.js'

/**
 * Pings the config's hubs for every subscription feed whose bytes changed in this build (archive pages
 * have no subscribers and are not pinged). Failures come back as warnings naming the feed file.
 */
export async function notifyHubs(
  config: Config,
  subscriptionFolders: string[],
  written: WrittenFile[],
  outDir: string,
  options: PingOptions = {},
): Promise<ContentError[]> {
  const feedPaths = new Set(
    subscriptionFolders.flatMap((folder) => Object.values(FEED_FILES).map((file) => `${folder}${file}`)),
  )
  const changed = written.filter((file) => file.changed && feedPaths.has(file.path))
  if (config.hubs.length === 0 || changed.length === 0) return []
  const byUrl = new Map(changed.map((file) => [new URL(file.path, config.siteUrl).href, file.path]))
  const outcomes = await pingHubs(config.hubs, [...byUrl.keys()], options)
  return outcomes
    .filter((outcome) => !outcome.ok)
    .map(
      (outcome) =>
        new ContentError(
          { file: `${outDir}/${byUrl.get(outcome.feedUrl) ?? outcome.feedUrl}` },
          `WebSub hub ${outcome.hub} was not notified after ${outcome.attempts} attempt(s): ${outcome.error ?? `status ${outcome.status}`}`,
        ),
    )
}
