import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'

/** Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`. */
export async function findArticles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true }).catch((error) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new UsageError(
      `the content folder ${path.relative(process.cwd(), contentDir) || contentDir} does not exist: create it (kanal init does) or pass --content <folder>`,
    )
  })
  const files: string[] = []
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const relative = path.relative(contentDir, path.join(entry.parentPath, entry.name))
    if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue
    files.push(relative.split(path.sep).join('/'))
  }
  return files.sort()
}
