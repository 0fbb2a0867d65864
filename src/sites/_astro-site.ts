import { readFileSync } from 'node:fs'
import path from 'node:path'
import { type FoundSite, feedUrlOf, firstFile, SiteNotes, siteUrlOf } from './_settings.js'

// `init --from` for an Astro site: its settings read into a kanal config (only `init` loads this file).

/**
 * An Astro site in `dir` (`astro.config.*`), read into a kanal config: `site` from the config, the
 * title and description from the blog template's `src/consts.ts`, read as text (nothing is run).
 */
export function readAstroSite(dir: string): FoundSite | undefined {
  const file = firstFile(dir, ['astro.config.mjs', 'astro.config.js', 'astro.config.ts', 'astro.config.mts'])
  if (!file) return undefined
  const config = readFileSync(path.join(dir, file), 'utf8')
  const constsFile = firstFile(dir, ['src/consts.ts', 'src/consts.js'])
  const consts = constsFile ? readFileSync(path.join(dir, constsFile), 'utf8') : ''
  const notes = new SiteNotes()
  notes.set('from', 'astro', file)
  notes.set(
    'title',
    _constant(consts, 'SITE_TITLE'),
    constsFile ?? '',
    path.basename(path.resolve(dir)),
    'the folder name',
  )
  notes.set('description', _constant(consts, 'SITE_DESCRIPTION'), constsFile ?? '')
  const site = /\bsite\s*:\s*['"`]([^'"`]+)['"`]/.exec(config)?.[1]
  const siteUrl = siteUrlOf(site)
  notes.set(
    'siteUrl',
    siteUrl,
    `${file}: site`,
    'https://www.example.com/',
    `${file} has no site: set your address`,
  )
  notes.set('language', undefined, file, 'de-DE', "kanal's default")
  notes.set('timeZone', undefined, file, 'Europe/Berlin', 'Astro sites name no zone')
  notes.set('content', 'src/content/blog', "the blog template's collection")
  const route = firstFile(dir, ['src/pages/blog/[...slug].astro', 'src/pages/blog/[slug].astro'])
  notes.set(
    'permalink',
    route ? '/blog/:path/' : undefined,
    route ?? '',
    '/blog/:path/',
    "the blog template's route",
  )
  // The blog template's `src/pages/rss.xml.js` publishes `rss.xml`, `dist/` when built.
  const rss = firstFile(dir, ['src/pages/rss.xml.js', 'src/pages/rss.xml.ts', 'src/pages/rss.xml.mjs'])
  notes.feedPlaces = { files: ['dist/rss.xml'], ...(rss ? { url: feedUrlOf(siteUrl, 'rss.xml') } : {}) }
  return notes.site('astro')
}

function _constant(source: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(['"\`])(.*?)\\1`).exec(source)?.[2]
}
