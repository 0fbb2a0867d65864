import { readdirSync } from 'node:fs'
import path from 'node:path'
import { hugoLanguages, hugoTypographer, readHugoSettings, recordOf } from './_hugo-config.js'
import { authorOf, type FoundSite, feedUrlOf, languageTag, SiteNotes, siteUrlOf, text } from './_settings.js'

// `init --from` for a Hugo site: its settings read into a kanal config (only `init` loads this file).

/**
 * A Hugo site in `dir` (`hugo.toml`, `config.toml`, their YAML/JSON forms, or `config/_default/`), read
 * into a kanal config. A multilingual site's feed is its default language's (`defaultContentLanguage`):
 * `languages` lists the keys, so translations by file name (`x.en.md`) are left out; translations by
 * content folder (`[languages.en] contentDir`) lie outside the article folder anyway.
 */
export function readHugoSite(dir: string): FoundSite | undefined {
  const read = readHugoSettings(dir)
  if (!read) return undefined
  const { file, settings } = read
  const languages = hugoLanguages(settings)
  const own = languages.own
  const params = { ...recordOf(settings.params), ...recordOf(own.params) }
  const notes = new SiteNotes()
  notes.set('from', 'hugo', file)
  notes.set(
    'title',
    text(own.title ?? settings.title),
    file,
    path.basename(path.resolve(dir)),
    'the folder name',
  )
  notes.set('description', text(params.description ?? own.description ?? settings.description), file)
  const siteUrl = siteUrlOf(settings.baseURL ?? settings.baseurl)
  notes.set(
    'siteUrl',
    siteUrl,
    `${file}: baseURL`,
    'https://www.example.com/',
    `${file} has no baseURL: set your address`,
  )
  notes.set(
    'language',
    languageTag(own.languageCode ?? own.locale ?? settings.languageCode ?? languages.main),
    file,
    'de-DE',
    "kanal's default",
  )
  notes.set(
    'timeZone',
    text(own.timeZone ?? own.timezone ?? settings.timeZone ?? settings.timezone),
    file,
    'Europe/Berlin',
    'no timeZone in the site',
  )
  notes.set('author', authorOf(params.author ?? settings.author), file)
  const contentDir = text(own.contentDir) ?? text(settings.contentDir) ?? 'content'
  const mainSections = params.mainSections ?? params.mainsections
  const named = Array.isArray(mainSections) ? text(mainSections[0]) : undefined
  const section = named ?? _largestSection(path.join(dir, contentDir))
  notes.set(
    'content',
    `${contentDir}/${section}`,
    named ? `${file}: mainSections` : 'the section with the most articles',
  )
  // Hugo reads the default language's key in a file name (`x.de.md`) as soon as the site names it.
  if (settings.languages !== undefined || settings.defaultContentLanguage !== undefined)
    notes.set('languages', languages.keys, `${file}: defaultContentLanguage, languages`)
  if (languages.keys.length > 1) {
    const folders = [...languages.otherFolders].map(([key, folder]) => `${folder} (${key})`)
    notes.assumed.push(
      `the feeds hold the default language "${languages.main}" only: translations ${folders.length > 0 ? `in ${folders.join(', ')} and ` : ''}named like x.${languages.keys[1]}.md are left out`,
    )
  }
  notes.set('typographer', hugoTypographer(settings), `${file}: markup.goldmark.extensions.typographer`)
  // The default language's pages live below `/de/` when the site says so.
  const prefix = languages.inSubdir ? `/${languages.main}` : ''
  const permalinks = recordOf(settings.permalinks)
  const pattern = text(permalinks[section]) ?? text(recordOf(permalinks.page)[section])
  notes.set(
    'permalink',
    pattern === undefined ? undefined : `${prefix}${_permalink(pattern, section)}`,
    `${file}: permalinks.${section}`,
    `${prefix}/${section}/:filepath/`,
    "Hugo's default: the path below content/",
  )
  // Hugo's own RSS template gives each page's URL as its guid, at `index.xml` of the site.
  notes.set('idFrom', undefined, file, 'url', "Hugo's RSS gives each page's URL as its id")
  // The default language's home, and so its feed, is below `/de/` too when the site says so.
  const feed = `${prefix.slice(1)}${prefix ? '/' : ''}index.xml`
  notes.feedPlaces = { files: [`public/${feed}`], url: feedUrlOf(siteUrl, feed) }
  if (settings.disablePathToLower === true)
    notes.assumed.push(
      `lower-case URLs: ${file} sets disablePathToLower, which kanal does not follow; pages with capitals in their file name or slug get other URLs than the site's`,
    )
  return notes.site('hugo')
}

/**
 * A Hugo permalink pattern in kanal's placeholders: `:filename` is the file (or bundle) name, kanal's too;
 * `:slugorfilename` is kanal's `:slug`; Hugo's `:slug` (the slug, else the title) and `:title` (the
 * title) are kanal's `:slugortitle` and `:hugotitle`, the title cleaned as Hugo cleans it.
 */
function _permalink(pattern: string, section: string): string {
  return pattern
    .replace(/:contentbasename\b/g, ':filename')
    .replace(/:slug\b/g, ':slugortitle')
    .replace(/:title\b/g, ':hugotitle')
    .replace(/:(slugorfilename|slugorcontentbasename)\b/g, ':slug')
    .replace(/:sections?\b/g, section)
}

function _largestSection(contentDir: string): string {
  let best = 'posts'
  let most = 0
  let entries: string[] = []
  try {
    entries = readdirSync(contentDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort()
  } catch {
    return best
  }
  for (const name of entries) {
    const count = readdirSync(path.join(contentDir, name), { recursive: true })
      .map(String)
      .filter((file) => /\.(md|markdown)$/.test(file) && !file.endsWith('_index.md')).length
    if (count > most) [best, most] = [name, count]
  }
  return best
}
