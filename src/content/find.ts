import { type Dirent, readdirSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { conventionsFor } from '../sites/conventions-for.js'
import type { Generator } from '../sites/generator.js'

// The extensions Jekyll, Hugo, Eleventy and Astro read as Markdown.
const _MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/

/**
 * Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`;
 * with a generator's conventions (`from`), only the files that generator can make an article of.
 */
export async function findArticles(contentDir: string, from?: Generator): Promise<string[]> {
  const root = path.resolve(contentDir)
  const conventions = conventionsFor(from)
  const files: string[] = []
  // Synchronous: one listing of 100,000 entries takes ~0.16 s this way against ~0.26 s through promises.
  // Entries come folder by folder: whether a folder is hidden is decided once per folder.
  let parent = ''
  let prefix: string | undefined = ''
  for (const entry of _list(root)) {
    if (!_MARKDOWN.test(entry.name) || !entry.isFile() || _hidden(entry.name)) continue
    if (entry.parentPath !== parent) {
      parent = entry.parentPath
      const folder = parent === root ? [] : parent.slice(root.length + 1).split(path.sep)
      prefix = folder.some(_hidden) ? undefined : folder.map((part) => `${part}/`).join('')
    }
    if (prefix === undefined) continue
    const relative = `${prefix}${entry.name}`
    if (!conventions || conventions.isArticleFile(relative)) files.push(relative)
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
