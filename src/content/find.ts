import { type Dirent, readdirSync } from 'node:fs'
import path from 'node:path'
import { type ContentError, UsageError } from '../errors.js'
import { SkippedFiles } from './_skipped.js'

/**
 * Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`.
 * With `report`, a warning is added when no article is found or files that look like Markdown are
 * skipped, saying how many files were not read and why.
 */
export async function findArticles(
  contentDir: string,
  report?: { cwd: string; warnings: ContentError[] },
): Promise<string[]> {
  const root = path.resolve(contentDir)
  const files: string[] = []
  // Synchronous: one listing of 100,000 entries takes ~0.16 s this way against ~0.26 s through promises.
  // Entries come folder by folder: whether a folder is hidden is decided once per folder.
  let parent = ''
  let prefix: string | undefined = ''
  const skipped = new SkippedFiles()
  for (const entry of _list(root)) {
    if (!entry.isFile()) continue
    if (entry.parentPath !== parent) {
      parent = entry.parentPath
      const folder = parent === root ? [] : parent.slice(root.length + 1).split(path.sep)
      prefix = folder.some(_hidden) ? undefined : folder.map((part) => `${part}/`).join('')
    }
    if (prefix === undefined || _hidden(entry.name)) skipped.add('hidden', entry.name)
    else if (!entry.name.endsWith('.md')) skipped.add('extension', entry.name)
    else files.push(`${prefix}${entry.name}`)
  }
  if (report) {
    const shown = path.relative(report.cwd, root).split(path.sep).join('/') || '.'
    const warning = skipped.warning(shown, files.length)
    if (warning) report.warnings.push(warning)
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
