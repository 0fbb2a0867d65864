import { readdir } from 'node:fs/promises'
import path from 'node:path'

/** Lists the Markdown files below `contentDir` (sub-folders included, dot-files skipped), sorted, with `/`. */
export async function findArticles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true })
  const files: string[] = []
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.md')) continue
    const relative = path.relative(contentDir, path.join(entry.parentPath, entry.name))
    if (relative.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules')) continue
    files.push(relative.split(path.sep).join('/'))
  }
  return files.sort()
}
