import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { readComputedPermalink } from './_eleventy-permalink.js'
import {
  authorOf,
  type FoundSite,
  feedUrlOf,
  firstFile,
  languageTag,
  readSettingsFile,
  SiteNotes,
  siteUrlOf,
  text,
} from './_settings.js'

// `init --from` for an Eleventy site: its settings read into a kanal config (only `init` loads this file).

/**
 * An Eleventy site in `dir` (`eleventy.config.*` or `.eleventy.js`, with `_data/metadata.*`), read into a
 * kanal config. A `metadata.js` is the site's own code: it is imported, as Eleventy itself does.
 */
export async function readEleventySite(dir: string): Promise<FoundSite | undefined> {
  const configFile = firstFile(dir, [
    'eleventy.config.js',
    'eleventy.config.mjs',
    'eleventy.config.cjs',
    '.eleventy.js',
  ])
  if (!configFile) return undefined
  const input = existsSync(path.join(dir, 'content')) ? 'content' : '.'
  const dataName = ['_data', `${input}/_data`]
    .flatMap((folder) => ['json', 'js', 'mjs', 'cjs'].map((ext) => `${folder}/metadata.${ext}`))
    .find((name) => existsSync(path.join(dir, name)))
  if (!dataName) return undefined
  const metadata = dataName.endsWith('.json')
    ? readSettingsFile(dir, dataName)
    : (((await import(pathToFileURL(path.join(dir, dataName)).href)).default ?? {}) as Record<
        string,
        unknown
      >)
  const notes = new SiteNotes()
  notes.set('from', 'eleventy', `${configFile} and ${dataName}`)
  notes.set('title', text(metadata.title), dataName, path.basename(path.resolve(dir)), 'the folder name')
  notes.set('description', text(metadata.description), dataName)
  const siteUrl = siteUrlOf(metadata.url)
  notes.set(
    'siteUrl',
    siteUrl,
    dataName,
    'https://www.example.com/',
    `${dataName} has no url: set your address`,
  )
  notes.set('language', languageTag(metadata.language), dataName, 'de-DE', "kanal's default")
  notes.set('timeZone', undefined, dataName, 'Europe/Berlin', 'Eleventy sites name no zone')
  notes.set('author', authorOf(metadata.author), dataName)
  const folder = ['blog', 'posts'].find((name) => existsSync(path.join(dir, input, name))) ?? ''
  const content = path.posix.join(input, folder)
  notes.set('content', content, `the folder of the site's posts`)
  const folderUrls = `/${folder ? `${folder}/` : ''}:path/`
  const computed = readComputedPermalink(
    { dir, input, content, configFile, globals: { data: { metadata }, from: dataName } },
    folderUrls,
  )
  if (computed.pattern === undefined)
    notes.set('permalink', folderUrls, 'Eleventy makes URLs from folders and file names')
  else notes.config.permalink = computed.pattern
  notes.assumed.push(...computed.assumed)
  notes.notes.push(...computed.notes)
  // The feed plugin's `outputPath` (eleventy-base-blog: `/feed/feed.xml`), read from the config's text.
  const configText = readFileSync(path.join(dir, configFile), 'utf8')
  const output = /outputPath\s*:\s*['"`](\/[^'"`]+\.(?:xml|json))['"`]/.exec(configText)?.[1]
  notes.feedPlaces = {
    files: [
      ...(output ? [`_site${output}`] : []),
      '_site/feed.xml',
      '_site/feed/feed.xml',
      '_site/feed.json',
    ],
    ...(output ? { url: feedUrlOf(siteUrl, output) } : {}),
  }
  return notes.site('eleventy')
}
