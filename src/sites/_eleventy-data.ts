import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { readSettingsFile } from './_settings.js'

// The data an Eleventy site keeps beside its pages, read for `init --from`: directory data files
// (`posts/posts.json`, `posts/posts.11tydata.js`) and global data (`_data/*.json`). JavaScript is read
// as text and never run.

/** Where the site is: its folder, Eleventy's input folder and the article folder (both relative to `dir`). */
export interface EleventyFolders {
  dir: string
  input: string
  content: string
  /** Global data already read (`{ metadata: … }` from `_data/metadata.*`), for `{{ metadata.language }}`. */
  globals: { data: Record<string, unknown>; from: string }
  /** The Eleventy config file, where the site's filters are defined. */
  configFile: string
}

export interface DataFile {
  /** Path below the site folder, with `/`. */
  name: string
  data: Record<string, unknown>
  /** The permalink it sets: a template, or `code` when it is a function kanal does not run. */
  permalink?: string | { code: true }
}

/** A plain text value at a dotted name (`metadata.language`), or undefined. */
export function findValueAt(
  data: Record<string, unknown>,
  name: string,
  from: string,
): { value: string; from: string } | undefined {
  let value: unknown = data
  for (const key of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return typeof value === 'string' || typeof value === 'number' ? { value: String(value), from } : undefined
}

/** A value of the global data: `_data/<name>.json` (never its JavaScript), or the metadata already read. */
export function findGlobalValue(
  folders: EleventyFolders,
  name: string,
): { value: string; from: string } | undefined {
  const first = name.split('.')[0] as string
  const file = ['_data', `${folders.input}/_data`]
    .map((folder) => path.posix.join(folder, `${first}.json`))
    .find((candidate) => existsSync(path.join(folders.dir, candidate)))
  if (file) return findValueAt({ [first]: readSettingsFile(folders.dir, file) }, name, file)
  return findValueAt(folders.globals.data, name, folders.globals.from)
}

/** The directory data files from the input folder down to the article folder, outermost first. */
export function readDataChain(folders: EleventyFolders): DataFile[] {
  const below = path.posix.relative(folders.input, folders.content)
  const steps = below === '' ? [] : below.split('/')
  const files: DataFile[] = []
  for (let depth = 1; depth <= steps.length; depth++) {
    const folder = path.posix.join(folders.input, ...steps.slice(0, depth))
    files.push(..._dataFilesIn(folders.dir, folder))
  }
  return files
}

/** The directory data files in folders below the article folder. */
export function readDataBelow(folders: EleventyFolders): DataFile[] {
  const found: DataFile[] = []
  const walk = (folder: string) => {
    let names: string[]
    try {
      names = readdirSync(path.join(folders.dir, folder), { withFileTypes: true })
        // Not the site's pages: dependencies, build output, hidden and `_` folders (`_site`, `_data`).
        .filter((entry) => entry.isDirectory() && !/^[._]|^node_modules$/.test(entry.name))
        .map((entry) => entry.name)
        .sort()
    } catch {
      return
    }
    for (const name of names) {
      const below = path.posix.join(folder, name)
      found.push(..._dataFilesIn(folders.dir, below))
      walk(below)
    }
  }
  walk(folders.content)
  return found
}

/** A folder's directory data files (`x/x.json`, then `x/x.11tydata.*`, as Eleventy lets the latter win). */
function _dataFilesIn(dir: string, folder: string): DataFile[] {
  const base = path.posix.basename(folder)
  const names = ['json', '11tydata.json', '11tydata.js', '11tydata.cjs', '11tydata.mjs']
    .map((ext) => path.posix.join(folder, `${base}.${ext}`))
    .filter((name) => existsSync(path.join(dir, name)))
  return names.map((name) => (name.endsWith('.json') ? _jsonData(dir, name) : _jsData(dir, name)))
}

function _jsonData(dir: string, name: string): DataFile {
  const data = readSettingsFile(dir, name)
  const computed = data.eleventyComputed as Record<string, unknown> | undefined
  const permalink = typeof data.permalink === 'string' ? data.permalink : computed?.permalink
  return _withSource(name, data, typeof permalink === 'string' ? permalink : undefined)
}

/** A JavaScript data file read as text, never run: its plain `key: "text"` values and its permalink. */
function _jsData(dir: string, name: string): DataFile {
  const text = readFileSync(path.join(dir, name), 'utf8')
  const data: Record<string, unknown> = {}
  for (const match of text.matchAll(/\b(\w+)\s*:\s*(['"])([^'"\n]*)\2/g))
    data[match[1] as string] ??= match[3] as string
  const literal = /\bpermalink\s*:\s*(['"`])((?:(?!\1)[^\n])*)\1/.exec(text)
  const permalink =
    literal && !(literal[1] === '`' && literal[2]?.includes('${'))
      ? literal[2]
      : /\bpermalink\s*[:(]/.test(text)
        ? { code: true as const }
        : undefined
  return _withSource(name, data, permalink)
}

function _withSource(
  name: string,
  data: Record<string, unknown>,
  permalink: DataFile['permalink'],
): DataFile {
  return { name, data, ...(permalink === undefined ? {} : { permalink }) }
}

export function findScriptFiles(dir: string, folder: string): string[] {
  try {
    return readdirSync(path.join(dir, folder))
      .filter((name) => /\.(c|m)?js$/.test(name))
      .sort()
      .map((name) => `${folder}/${name}`)
  } catch {
    return []
  }
}
