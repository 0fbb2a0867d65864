import { realpath, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { isInside } from './_inside.js'

/** The file a request resolves to, or that it names a folder without its trailing `/`, or neither. */
export type FoundFile =
  | { kind: 'file'; path: string }
  | { kind: 'folder' }
  | { kind: 'missing'; status: 403 | 404 }

/**
 * Finds the file for decoded path segments below `root`: a folder gives its `index.html`. Symbolic
 * links are followed only while they stay inside `root`. `slash` says whether the URL ended in `/`.
 */
export async function findFile(root: string, segments: string[], slash: boolean): Promise<FoundFile> {
  // Resolved per request: a rebuild may replace the whole output folder.
  const base = await _real(root)
  if (base === undefined) return { kind: 'missing', status: 404 }
  const target = await _inside(base, join(base, ...segments))
  if (target.kind !== 'file') return target
  const stats = await stat(target.path)
  if (stats.isFile()) return target
  if (!stats.isDirectory()) return { kind: 'missing', status: 404 }
  if (!slash) return { kind: 'folder' }
  const index = await _inside(base, join(target.path, 'index.html'))
  if (index.kind !== 'file') return index
  return (await stat(index.path)).isFile() ? index : { kind: 'missing', status: 404 }
}

async function _inside(base: string, path: string): Promise<FoundFile> {
  const real = await _real(path)
  if (real === undefined) return { kind: 'missing', status: 404 }
  if (!isInside(real, base)) return { kind: 'missing', status: 403 }
  return { kind: 'file', path: real }
}

async function _real(path: string): Promise<string | undefined> {
  try {
    return await realpath(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    // A name too long for the file system names no file either (a 300-character segment is a 404).
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG') return undefined
    throw error
  }
}
