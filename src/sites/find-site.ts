import path from 'node:path'
import { parseConfig } from '../config.js'
import { findArticles } from '../content/find.js'
import { contentFiles } from '../content/load.js'
import { readUnknownKeys } from '../content/read-article.js'
import { UsageError } from '../errors.js'
import { readAstroSite } from './_astro.js'
import { readEleventySite } from './_eleventy.js'
import { readHugoSite } from './_hugo-site.js'
import { readJekyllSite } from './_jekyll.js'
import type { FoundSite } from './_settings.js'
import type { Generator } from './generator.js'

export type { FoundSite } from './_settings.js'

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
  const ignoreKeys = await _unknownKeys(dir, site)
  if (ignoreKeys.length > 0) {
    site.config.ignoreKeys = ignoreKeys
    site.found.push(`ignoreKeys: ${JSON.stringify(ignoreKeys)} (front-matter keys of the site's articles)`)
  }
  return site
}

/** The keys the site's articles use that kanal would warn about, sorted. */
async function _unknownKeys(dir: string, site: FoundSite): Promise<string[]> {
  const contentDir = path.resolve(dir, String(site.config.content))
  let files: string[]
  try {
    files = await findArticles(contentDir, site.config.from as Generator)
  } catch (error) {
    if (error instanceof UsageError) return []
    throw error
  }
  const config = parseConfig({ ...site.config, siteUrl: 'https://www.example.com/' }, 'kanal.config.json')
  const found = contentFiles(contentDir, process.cwd(), files)
  const keys = new Set<string>()
  for (let index = 0; index < found.count; index++) {
    for (const key of readUnknownKeys(found.at(index), config)) keys.add(key)
  }
  return [...keys].sort()
}
