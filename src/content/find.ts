import { type Dirent, readdirSync } from 'node:fs'
import path from 'node:path'
import { ContentError, UsageError } from '../errors.js'

/** The article files found, and a warning when symbolic links were skipped. */
export interface FoundArticles {
  /** Paths below the content folder, with `/`, sorted. */
  files: string[]
  warnings: ContentError[]
}

/**
 * Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`.
 * Symbolic links (to articles or folders) are not followed: an article elsewhere would leave the
 * content folder, and a link loop would never end. They are named in one warning, not skipped silently.
 */
export async function findArticles(contentDir: string, cwd = process.cwd()): Promise<FoundArticles> {
  const root = path.resolve(contentDir)
  const files: string[] = []
  const links: string[] = []
  // Synchronous: one listing of 100,000 entries takes ~0.16 s this way against ~0.26 s through promises.
  // Entries come folder by folder: whether a folder is hidden is decided once per folder.
  let parent = ''
  let prefix: string | undefined = ''
  for (const entry of _list(root)) {
    if (entry.isSymbolicLink() && !_hidden(entry.name)) links.push(path.join(entry.parentPath, entry.name))
    if (!entry.name.endsWith('.md') || !entry.isFile() || _hidden(entry.name)) continue
    if (entry.parentPath !== parent) {
      parent = entry.parentPath
      const folder = parent === root ? [] : parent.slice(root.length + 1).split(path.sep)
      prefix = folder.some(_hidden) ? undefined : folder.map((part) => `${part}/`).join('')
    }
    if (prefix !== undefined) files.push(`${prefix}${entry.name}`)
  }
  return { files: files.sort(), warnings: _linkWarning(links, root, cwd) }
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

function _list(root: string): Dirent[] {
  try {
    return readdirSync(root, { recursive: true, withFileTypes: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UsageError(
      `the content folder ${path.relative(process.cwd(), root) || root} does not exist: create it (kanal init does) or pass --content <folder>`,
    )
  }
}
