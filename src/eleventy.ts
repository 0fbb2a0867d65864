import path from 'node:path'
import { buildIntoSite, type EmbedMessage, type EmbedOptions } from './embed.js'

export type { EmbedOptions as KanalEleventyOptions } from './embed.js'

/** The part of Eleventy's config object the plugin uses (Eleventy 3). */
interface EleventyConfig {
  addCollection(name: string, make: (api: { getAll(): EleventyPage[] }) => unknown): void
  on(event: 'eleventy.after', listener: (event: EleventyAfter) => Promise<void>): void
  logger?: { logWithOptions(options: { message: string; type?: string; prefix?: string }): void }
}

interface EleventyPage {
  inputPath: string
  url: string | false
  data?: { metadata?: { url?: unknown } }
}

interface EleventyAfter {
  directories?: { output?: string }
  dir?: { output?: string }
}

/** Front matter keys Eleventy reads (its data cascade), which are no mistake in an article. */
const _ELEVENTY_KEYS = [
  'permalink',
  'layout',
  'eleventyExcludeFromCollections',
  'eleventyComputed',
  'eleventyNavigation',
  'eleventyImport',
  'eleventyDataSchema',
  'pagination',
  'templateEngineOverride',
  'dynamicPermalink',
  'permalinkBypassOutputDir',
]

/** Name of the plugin's options in kanal's messages. */
const _NAME = 'kanal options (eleventy addPlugin)'

/**
 * The Eleventy 3 plugin: `eleventyConfig.addPlugin(kanal, { title, content: 'posts', … })`. After
 * Eleventy has written its output, kanal writes the feeds into Eleventy's output folder at
 * `feedPath`. Articles are the Markdown files below `content` that Eleventy put into its collections,
 * at the URLs Eleventy gave them (custom permalinks included); the site URL is `siteUrl` or the
 * site's `metadata.url`. Problems go to Eleventy's logger; errors fail the build.
 */
export default function kanalEleventy(eleventyConfig: EleventyConfig, options: EmbedOptions = {}): void {
  let pages: EleventyPage[] = []
  // A collection callback sees every page Eleventy keeps in collections, with its final URL.
  eleventyConfig.addCollection('kanalPages', (api) => {
    pages = api.getAll()
    return []
  })
  eleventyConfig.on('eleventy.after', async (event) => {
    const cwd = process.cwd()
    const contentDir = path.resolve(cwd, options.content ?? 'content')
    const pageUrls: Record<string, string> = {}
    const metadataUrl = pages.find((page) => page.data?.metadata?.url !== undefined)?.data?.metadata?.url
    const siteUrl = typeof options.siteUrl === 'string' ? options.siteUrl : metadataUrl
    for (const page of pages) {
      const file = path.resolve(cwd, page.inputPath)
      if (page.url === false || !file.endsWith('.md') || !file.startsWith(`${contentDir}${path.sep}`))
        continue
      const below = path.relative(contentDir, file).split(path.sep).join('/')
      pageUrls[below] =
        typeof siteUrl === 'string' && URL.canParse(siteUrl) ? _absolute(page.url, siteUrl) : page.url
    }
    const outputDir = path.resolve(cwd, event.directories?.output ?? event.dir?.output ?? '_site')
    const { messages } = await buildIntoSite(options, {
      name: _NAME,
      cwd,
      outputDir,
      siteUrl: typeof siteUrl === 'string' ? siteUrl : undefined,
      pageUrls,
      foreignKeys: _ELEVENTY_KEYS,
    }).catch((error: Error) => {
      throw _failed(eleventyConfig, [{ type: 'error', message: error.message }])
    })
    if (messages.some((message) => message.type === 'error')) throw _failed(eleventyConfig, messages)
    _log(eleventyConfig, messages)
  })
}

/** An Eleventy page URL (`/2024/wahl/`) below the site URL, as kanal's `permalink` would resolve it. */
function _absolute(url: string, siteUrl: string): string {
  return new URL(`.${url}`, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href
}

function _log(eleventyConfig: EleventyConfig, messages: EmbedMessage[]): void {
  // Eleventy 3 always has its logger; kanal itself prints nothing.
  for (const { type, message } of messages) {
    eleventyConfig.logger?.logWithOptions({ message, type, prefix: '[kanal]' })
  }
}

/** The error that fails Eleventy's build, naming the first problem (also when no logger showed it). */
function _failed(eleventyConfig: EleventyConfig, messages: EmbedMessage[]): Error {
  _log(eleventyConfig, messages)
  const first = messages.find((message) => message.type === 'error')?.message
  return new Error(
    first ? `kanal: ${first}` : 'kanal: the feeds were not built; see the [kanal] errors above',
  )
}
