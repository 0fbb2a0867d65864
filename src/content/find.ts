import { type Dirent, existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { ContentError, UsageError } from '../errors.js'
import { conventionsFor } from '../sites/conventions-for.js'
import type { Generator } from '../sites/generator.js'
import { SkippedFiles } from './_skipped.js'
import { isTranslation, languageOf, translationsNote } from './languages.js'

/** A multilingual site's languages (default first), and where the note on translations left out goes. */
export interface SiteLanguages {
  languages?: readonly string[] | undefined
  notes: ContentError[]
}

// The extensions Jekyll, Hugo, Eleventy and Astro read as Markdown; MDX is read as Markdown too
// (its JavaScript is left out when the body is rendered).
const _MARKDOWN = /\.(?:md|markdown|mdown|mkd|mdx)$/

/**
 * Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`;
 * with a generator's conventions (`from`), only the files that generator can make an article of. With
 * `warnings`, a warning is added when no article is found or files that look like Markdown are
 * skipped, saying how many files were not read and why. With a multilingual site's `languages`, the
 * other languages' files (`x.en.md`) are left out, with a note in `notes` saying how many.
 */
export async function findArticles(
  contentDir: string,
  cwd = process.cwd(),
  from?: Generator,
  warnings?: ContentError[],
  site?: SiteLanguages,
): Promise<string[]> {
  const root = path.resolve(contentDir)
  const conventions = conventionsFor(from)
  const files: string[] = []
  // Synchronous: one listing of 100,000 entries takes ~0.16 s this way against ~0.26 s through promises.
  // Entries come folder by folder: whether a folder is hidden is decided once per folder.
  let parent = ''
  let prefix: string | undefined = ''
  const skipped = new SkippedFiles()
  const links: string[] = []
  const translations = new Map<string, number>()
  for (const entry of _list(root, cwd)) {
    if (entry.isSymbolicLink() && !_hidden(entry.name)) links.push(path.join(entry.parentPath, entry.name))
    if (!entry.isFile()) continue
    if (entry.parentPath !== parent) {
      parent = entry.parentPath
      const folder = parent === root ? [] : parent.slice(root.length + 1).split(path.sep)
      prefix = folder.some(_hidden) ? undefined : folder.map((part) => `${part}/`).join('')
    }
    if (prefix === undefined || _hidden(entry.name)) skipped.add('hidden', entry.name)
    else if (!_MARKDOWN.test(entry.name)) skipped.add('extension', entry.name)
    else {
      _refuseUndecodable(entry, cwd)
      const relative = `${prefix}${entry.name}`
      if (conventions && !conventions.isArticleFile(relative)) skipped.add('list page', entry.name)
      else if (isTranslation(relative, site?.languages)) {
        const key = languageOf(relative, site?.languages) as string
        translations.set(key, (translations.get(key) ?? 0) + 1)
      } else files.push(relative)
    }
  }
  const shown = path.relative(cwd, root).split(path.sep).join('/') || '.'
  if (warnings) {
    const warning = skipped.warning(shown, files.length)
    if (warning) warnings.push(warning)
    warnings.push(..._linkWarning(links, root, cwd))
  }
  const note = site?.languages && translationsNote(shown, translations, site.languages)
  if (note) site.notes.push(note)
  return files.sort()
}

function _linkWarning(links: string[], root: string, cwd: string): ContentError[] {
  const shown = links
    .filter((link) => !path.relative(root, link).split(path.sep).some(_hidden))
    .map((link) => path.relative(cwd, link).split(path.sep).join('/'))
    .sort()
  if (shown.length === 0) return []
  const named = shown.slice(0, 3).join(', ') + (shown.length > 3 ? ` and ${shown.length - 3} more` : '')
  const count = shown.length === 1 ? 'a symbolic link' : `${shown.length} symbolic links`
  return [
    new ContentError(
      { file: shown[0] as string },
      `skipped ${count} in the content folder (${named}): kanal reads only real files and folders there; copy the article in instead`,
    ),
  ]
}

function _hidden(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules'
}

/**
 * A file name that is not UTF-8 reaches kanal with U+FFFD in place of its bytes, a name no file has:
 * reading it would fail later as if the file had vanished. Named here, with what to do.
 */
function _refuseUndecodable(entry: Dirent, cwd: string): void {
  if (!entry.name.includes('\uFFFD')) return
  const file = path.join(entry.parentPath, entry.name)
  if (existsSync(file)) return
  throw new ContentError(
    { file: _shown(file, cwd) },
    'the file name is not valid UTF-8 (perhaps Latin-1): rename the file with UTF-8 characters',
  )
}

function _list(root: string, cwd: string): Dirent[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
  } catch (error) {
    const { code, path: at = root } = error as NodeJS.ErrnoException
    const folder = _shown(at, cwd)
    if (code === 'ENOENT' && at === root) {
      throw new UsageError(
        `the content folder ${folder} does not exist: create it (kanal init does) or pass --content <folder>`,
      )
    }
    if (code === 'ENOTDIR' && at === root) {
      throw new UsageError(`the content folder ${folder} is a file, not a folder: pass --content <folder>`)
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UsageError(`cannot read the folder ${folder} (no permission): allow kanal to read it`)
    }
    if (code === 'ENOENT') {
      throw new UsageError(`the folder ${folder} was removed while kanal listed the content; build again`)
    }
    throw error
  }
}

/** A path as messages show it: relative to the working directory, with `/`. */
function _shown(file: string, cwd: string): string {
  return (path.relative(cwd, file) || file).split(path.sep).join('/')
}

/** With a site generator's page URLs (by path below the content folder), only the files it published. */
export function publishedOnly(
  files: string[],
  pageUrls: Readonly<Record<string, string>> | undefined,
): string[] {
  return pageUrls ? files.filter((file) => Object.hasOwn(pageUrls, file)) : files
}
