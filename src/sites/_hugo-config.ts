import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { decodeEntities } from '../render/entities.js'
import { HUGO_SUBSTITUTIONS, type Typographer } from '../render/typographer.js'
import { firstFile, readSettingsFile, text } from './_settings.js'

const _NAMES = ['hugo', 'config']
const _EXTENSIONS = ['toml', 'yaml', 'yml', 'json']

/** A Hugo site's settings: the file they were read from, and their keys. */
export interface HugoSettings {
  file: string
  settings: Record<string, unknown>
}

/**
 * A Hugo site's settings: `hugo.toml` (or `config.toml`, or their YAML/JSON forms) in the site folder,
 * else the config folder `config/_default/`, where a file named after a key holds that key
 * (`languages.toml`, `params.toml`, `permalinks.toml`), as Hugo merges them.
 */
export function readHugoSettings(dir: string): HugoSettings | undefined {
  const names = _NAMES.flatMap((name) => _EXTENSIONS.map((extension) => `${name}.${extension}`))
  const root = firstFile(dir, names)
  if (root) return { file: root, settings: readSettingsFile(dir, root) }
  const folder = 'config/_default'
  if (!existsSync(path.join(dir, folder))) return undefined
  const main = firstFile(
    dir,
    names.map((name) => `${folder}/${name}`),
  )
  const settings = main ? readSettingsFile(dir, main) : {}
  for (const name of readdirSync(path.join(dir, folder)).sort()) {
    const [key, extension, more] = name.split('.')
    if (!key || more !== undefined || !_EXTENSIONS.includes(extension ?? '') || _NAMES.includes(key)) continue
    settings[key] = { ...recordOf(settings[key]), ...readSettingsFile(dir, `${folder}/${name}`) }
  }
  return { file: main ?? folder, settings }
}

/** A multilingual Hugo site's languages as kanal needs them. */
export interface HugoLanguages {
  /** `defaultContentLanguage`: the feed's language. */
  main: string
  /** Every language key, the default first (kanal's `languages`); just the default for a site with one. */
  keys: string[]
  /** The default language's own settings (`[languages.de]`: title, languageCode, contentDir, params). */
  own: Record<string, unknown>
  /** The content folders of the other languages (translation by content folder), by key. */
  otherFolders: Map<string, string>
  /** `defaultContentLanguageInSubdir`: the default language's pages too live below `/de/`. */
  inSubdir: boolean
}

/** The languages of a Hugo site (`defaultContentLanguage`, `[languages.*]`). */
export function hugoLanguages(settings: Record<string, unknown>): HugoLanguages {
  const languages = recordOf(settings.languages)
  const named = Object.keys(languages).map((key) => key.toLowerCase())
  const given = text(settings.defaultContentLanguage)?.toLowerCase()
  // Hugo's default is English; a site that names no English takes its first language.
  const main = given ?? (named.length === 0 || named.includes('en') ? 'en' : (named[0] as string))
  const byKey = new Map(Object.entries(languages).map(([key, value]) => [key.toLowerCase(), recordOf(value)]))
  const otherFolders = new Map<string, string>()
  for (const [key, value] of byKey) {
    const folder = text(value.contentDir)
    if (key !== main && folder) otherFolders.set(key, folder)
  }
  return {
    main,
    keys: [main, ...named.filter((key) => key !== main)],
    own: byKey.get(main) ?? {},
    otherFolders,
    inSubdir: settings.defaultContentLanguageInSubdir === true,
  }
}

/**
 * A Hugo site's typographer when it is not Hugo's default: `false` when turned off (`typographer =
 * false` up to Hugo 0.111, `typographer.disable = true` since 0.112), else the marks it sets (0.112+),
 * as characters (`"&bdquo;"` → „); undefined for the default.
 */
export function hugoTypographer(settings: Record<string, unknown>): Typographer | undefined {
  const extensions = _lowerKeys(
    recordOf(_lowerKeys(recordOf(_lowerKeys(recordOf(settings.markup)).goldmark)).extensions),
  )
  const value = extensions.typographer
  if (value === false) return false
  const given = _lowerKeys(recordOf(value))
  if (given.disable === true) return false
  const marks: Record<string, string> = {}
  for (const key of Object.keys(HUGO_SUBSTITUTIONS)) {
    const mark = given[key.toLowerCase()]
    if (typeof mark === 'string') marks[key] = decodeEntities(mark)
  }
  return Object.keys(marks).length > 0 ? marks : undefined
}

/** A mapping with its keys in lower case: Hugo reads its settings' keys case-insensitively. */
function _lowerKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]))
}

/** A mapping, or an empty one for anything else. */
export function recordOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
