import { statSync } from 'node:fs'
import path from 'node:path'

/**
 * Sizes, modification times, inode change times and inodes of many files, by position (typed arrays,
 * not an object per file: 100,000 objects would only feed the garbage collector). What git and make
 * look at: `touch -r` can set an mtime back, but the ctime moves with every change, and a file saved
 * by renaming a new one into place has a new inode.
 */
export interface FileStats {
  sizes: Float64Array
  mtimes: Float64Array
  ctimes: Float64Array
  inodes: Float64Array
}

/** Stats for `count` files, all unknown (NaN: a file without an article, or gone). */
export function unknownStats(count: number): FileStats {
  const stats = {
    sizes: new Float64Array(count),
    mtimes: new Float64Array(count),
    ctimes: new Float64Array(count),
    inodes: new Float64Array(count),
  }
  stats.sizes.fill(Number.NaN)
  return stats
}

/** Stats of each listed file (for the cache and the up-to-date check), in listing order. */
export function statArticles(contentDir: string, files: string[]): FileStats {
  const stats = unknownStats(files.length)
  // The listed paths are normalised already: joined by hand, without path.join's work per file.
  const prefix = `${path.resolve(contentDir)}${path.sep}`
  for (const [index, relative] of files.entries()) {
    let stat: ReturnType<typeof statSync>
    try {
      stat = statSync(`${prefix}${relative}`)
    } catch {
      // Gone since it was listed, or not readable: no stats, so it is read, and reading reports it.
      continue
    }
    if (!stat) continue
    stats.sizes[index] = stat.size
    stats.mtimes[index] = stat.mtimeMs
    stats.ctimes[index] = stat.ctimeMs
    stats.inodes[index] = stat.ino
  }
  return stats
}

/** Whether the file at `at` has the same size, mtime, ctime and inode in `a` and `b`. */
export function sameStatsAt(a: FileStats, b: FileStats, at: number): boolean {
  return (
    a.sizes[at] === b.sizes[at] &&
    a.mtimes[at] === b.mtimes[at] &&
    a.ctimes[at] === b.ctimes[at] &&
    a.inodes[at] === b.inodes[at]
  )
}
