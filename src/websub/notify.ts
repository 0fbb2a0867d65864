import path from 'node:path'
import type { Config } from '../config.js'
import { PingError } from '../errors.js'
import { FEED_FILES, feedBaseUrl } from '../feed-model.js'
import { readUnpinged, recordUnpinged, type WrittenFile } from '../output/write.js'
import { type PingOptions, pingHubs } from './ping.js'

/**
 * Pings the config's hubs for every subscription feed whose bytes changed in this build (archive pages
 * have no subscribers and are not pinged), and for those whose ping failed last time. Failures come
 * back as warnings naming the feed file, and are recorded for the next `--ping` build.
 */
export async function notifyHubs(
  config: Config,
  subscriptionFolders: string[],
  written: WrittenFile[],
  outDir: string,
  outName: string,
  options: PingOptions = {},
): Promise<PingError[]> {
  const feedPaths = new Set(
    subscriptionFolders.flatMap((folder) => Object.values(FEED_FILES).map((file) => `${folder}${file}`)),
  )
  const base = feedBaseUrl(config)
  const retry = new Set(await readUnpinged(outDir))
  const due = written.filter(
    (file) => feedPaths.has(file.path) && (file.changed || retry.has(new URL(file.path, base).href)),
  )
  if (config.hubs.length === 0 || due.length === 0) return []
  const byUrl = new Map(due.map((file) => [new URL(file.path, base).href, file.path]))
  const outcomes = await pingHubs(config.hubs, [...byUrl.keys()], options)
  await recordUnpinged(outDir, [
    ...new Set(outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.feedUrl)),
  ])
  return outcomes
    .filter((outcome) => !outcome.ok)
    .map(
      (outcome) =>
        new PingError(
          { file: path.join(outName, byUrl.get(outcome.feedUrl) ?? outcome.feedUrl) },
          `WebSub hub ${outcome.hub} was not notified after ${outcome.attempts} attempt(s): ${outcome.error ?? `status ${outcome.status}`}`,
        ),
    )
}
