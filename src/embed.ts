import path from 'node:path'
import { type BuildResult, build } from './build.js'
import { toFeedPath } from './site-paths.js'

/**
 * What a site generator's plugin hands kanal: the config keys (as in `kanal.config.json`) plus
 * `content`, the folder of the Markdown articles.
 */
export interface EmbedOptions extends Record<string, unknown> {
  /** Content folder, relative to the project folder; default `content`. */
  content?: string
}

/** Where the generator put its output and what it knows about the site. */
export interface GeneratorRun {
  /** Name of the options in messages (`kanal options in eleventy.config.js`). */
  name: string
  /** The project folder. */
  cwd: string
  /** The generator's output folder; the feeds go to `feedPath` below it. */
  outputDir: string
  /** The site URL the generator knows, used when the options give none. */
  siteUrl?: string | undefined
  /** Where local article images are found; default `outputDir`. */
  publicDir?: string
  /** The URL the generator gave each content file (path below the content folder → URL). */
  pageUrls?: Record<string, string>
  /** Front matter keys the generator reads, which kanal does not warn about. */
  foreignKeys?: readonly string[]
}

/** A message for the generator's logger. */
export interface EmbedMessage {
  type: 'warn' | 'error'
  message: string
}

/**
 * Builds the feeds into the generator's output folder at `feedPath`. The generator's output folder
 * is the default `publicDir`, where local article images are found. Content problems come back as
 * messages (the plugin fails the generator's build on errors); bad options throw `UsageError`.
 */
export async function buildIntoSite(
  options: EmbedOptions,
  run: GeneratorRun,
): Promise<{ result: BuildResult; messages: EmbedMessage[] }> {
  const { content, ...values } = options
  const configValues = {
    ...(run.siteUrl === undefined ? {} : { siteUrl: run.siteUrl }),
    publicDir: path.relative(run.cwd, run.publicDir ?? run.outputDir) || '.',
    ...values,
  }
  // An invalid feedPath is reported by the config check; until then, write to the output root.
  const feedPath = toFeedPath(options.feedPath ?? '/') ?? '/'
  const result = await build({
    cwd: run.cwd,
    config: run.name,
    configValues,
    content: content ?? 'content',
    out: path.join(run.outputDir, ...feedPath.split('/').filter(Boolean)),
    ...(run.pageUrls ? { pageUrls: run.pageUrls } : {}),
    ...(run.foreignKeys ? { foreignKeys: run.foreignKeys } : {}),
  })
  const messages: EmbedMessage[] = [
    ...result.errors.map((error) => ({ type: 'error' as const, message: error.message })),
    ...result.warnings.map((warning) => ({ type: 'warn' as const, message: warning.message })),
  ]
  return { result, messages }
}
