import { statSync } from 'node:fs'
import path from 'node:path'

/**
 * Sizes and modification times of many files, by position (typed arrays, not an object per file:
 * 100,000 objects would only feed the garbage collector).
 */
export interface FileStats {
  sizes: Float64Array
  mtimes: Float64Array
}

/** Size and mtime of each listed file (for the cache and the up-to-date check), in listing order. */
export function statArticles(contentDir: string, files: string[]): FileStats {
  const stats: FileStats = { sizes: new Float64Array(files.length), mtimes: new Float64Array(files.length) }
  // The listed paths are normalised already: joined by hand, without path.join's work per file.
  const prefix = `${path.resolve(contentDir)}${path.sep}`
  for (const [index, relative] of files.entries()) {
    const stat = statSync(`${prefix}${relative}`)
    stats.sizes[index] = stat.size
    stats.mtimes[index] = stat.mtimeMs
  }
  return stats
}
