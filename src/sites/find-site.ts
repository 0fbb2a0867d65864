import path from 'node:path'
import { parseConfig } from '../config.js'
import { findArticles } from '../content/find.js'
import { contentFiles } from '../content/load.js'
import { findUnknownKeys, readArticle } from '../content/read-article.js'
import { type ContentError, formatLocation, UsageError } from '../errors.js'
import { readAstroSite } from './_astro-site.js'
import { readEleventySite } from './_eleventy-site.js'
import { readHugoSite } from './_hugo-site.js'
import { readJekyllSite } from './_jekyll-site.js'
import { findOldFeed } from './_old-feed.js'
import type { FoundSite, OldFeed } from './_settings.js'
import type { Generator } from './generator.js'

export type { FoundSite, OldFeed } from './_settings.js'

/**
 * Recognises the generator of the site in `dir` from its files and reads its settings into a kanal
 * config (`init --from`); front-matter keys the site's articles use that neither kanal nor the
 * generator knows go to `ignoreKeys`. A folder that is no site kanal knows is a usage error (exit 2).
 */
export async function findSite(dir: string): Promise<FoundSite> {
  const site = readJekyllSite(dir) ?? readHugoSite(dir) ?? (await readEleventySite(dir)) ?? readAstroSite(dir)
  if (!site) {
    throw new UsageError(
      `${path.relative(process.cwd(), dir) || '.'}: no site kanal knows: looked for _config.yml with _posts/ (Jekyll), hugo.toml/yaml/json, config.toml/yaml/json or config/_default/ (Hugo), eleventy.config.* or .eleventy.js with _data/metadata.* (Eleventy), astro.config.* (Astro)`,
    )
  }
  const oldFeed = findOldFeed(dir, site.feedPlaces ?? { files: [] }, String(site.config.siteUrl))
  if (oldFeed) {
    site.oldFeed = oldFeed
    // The feed itself says whether its ids are its links: then kanal's URL ids keep them.
    if (oldFeed.file && !oldFeed.builtFor) _idsAsIn(site, oldFeed)
  }
  const { keys: ignoreKeys, computed } = await _readArticles(dir, site)
  if (computed.length > 0) site.notes.push(_computedNote(computed))
  if (ignoreKeys.length > 0) {
    site.config.ignoreKeys = ignoreKeys
    site.found.push(`ignoreKeys: ${JSON.stringify(ignoreKeys)} (front-matter keys of the site's articles)`)
  }
  return site
}

function _idsAsIn(site: FoundSite, feed: OldFeed): void {
  const noted = site.assumed.findIndex((line) => line.startsWith('idFrom:'))
  if (noted !== -1) site.assumed.splice(noted, 1)
  if (feed.idsAreLinks) {
    site.config.idFrom = 'url'
    site.found.push(`idFrom: "url" (${feed.file}: its ids are the articles' URLs)`)
  } else delete site.config.idFrom
}

/**
 * What the site's articles hold that init reports: the keys kanal would warn about (sorted), and the
 * warnings about permalinks that are template code.
 */
async function _readArticles(
  dir: string,
  site: FoundSite,
): Promise<{ keys: string[]; computed: ContentError[] }> {
  const contentDir = path.resolve(dir, String(site.config.content))
  let files: string[]
  try {
    files = await findArticles(contentDir, site.config.from as Generator)
  } catch (error) {
    if (error instanceof UsageError) return { keys: [], computed: [] }
    throw error
  }
  const config = parseConfig({ ...site.config, siteUrl: 'https://www.example.com/' }, 'kanal.config.json')
  // Files named as below the site folder, as the rest of init's report names them.
  const found = contentFiles(contentDir, dir, files)
  const keys = new Set<string>()
  const computed: ContentError[] = []
  for (let index = 0; index < found.count; index++) {
    const { warnings } = readArticle(found.at(index), config)
    for (const key of findUnknownKeys(warnings)) keys.add(key)
    computed.push(...warnings.filter((warning) => warning.reason.startsWith('the permalink ')))
  }
  return { keys: [...keys].sort(), computed }
}

/** One note for the articles whose front-matter permalink is template code: how many, the first one. */
function _computedNote(computed: ContentError[]): string {
  const [first] = computed as [ContentError]
  const many = computed.length === 1 ? 'an article computes its' : `${computed.length} articles compute their`
  return `${many} permalink in front matter with template code kanal cannot evaluate (first ${formatLocation(first.location)}: ${first.reason.split(';')[0]?.replace(/^the permalink /, '')}): they get the URL of "permalink" in kanal.config.json, each build warns; for Eleventy's own URLs, build the feeds inside Eleventy with the plugin "kanal/eleventy" (see README)`
}
