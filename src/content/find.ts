import { type Dirent, readdirSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'

/** Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`. */
export async function findArticles(contentDir: string): Promise<string[]> {
  const root = path.resolve(contentDir)
  const files: string[] = []
  // Synchronous: one listing of 100,000 entries takes ~0.16 s this way against ~0.26 s through promises.
  // Entries come folder by folder: whether a folder is hidden is decided once per folder.
  let parent = ''
  let prefix: string | undefined = ''
  for (const entry of _list(root)) {
    if (!entry.name.endsWith('.md') || !entry.isFile() || _hidden(entry.name)) continue
    if (entry.parentPath !== parent) {
      parent = entry.parentPath
      const folder = parent === root ? [] : parent.slice(root.length + 1).split(path.sep)
      prefix = folder.some(_hidden) ? undefined : folder.map((part) => `${part}/`).join('')
    }
    if (prefix !== undefined) files.push(`${prefix}${entry.name}`)
  }
  return files.sort()
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

/** With a site generator's page URLs (by path below the content folder), only the files it published. */
export function publishedOnly(
  files: string[],
  pageUrls: Readonly<Record<string, string>> | undefined,
): string[] {
  return pageUrls ? files.filter((file) => Object.hasOwn(pageUrls, file)) : files
}
