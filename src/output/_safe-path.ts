import { lstatSync } from 'node:fs'
import path from 'node:path'

/**
 * True when `relative` names a file strictly inside the output folder in kanal's own spelling:
 * forward slashes, no `.` or `..` segments, not absolute, no backslashes or NUL. Manifest entries that
 * are not are someone else's (a hand edit or a hostile pull request) and are never acted on.
 */
export function isOwnPath(relative: string): boolean {
  if (relative === '' || relative.includes('\\') || relative.includes('\0')) return false
  if (relative.startsWith('/') || /^[A-Za-z]:/.test(relative)) return false
  return relative.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** What lies at an output path, found without following any symbolic link on the way. */
export type PathState = 'missing' | 'file' | 'other'

/**
 * Walks from `outDir` to `relative` with lstat: a symbolic link anywhere on the way (a folder or the
 * file itself) makes the path `other`, so kanal never reads, replaces or removes through a link.
 */
export function pathState(outDir: string, relative: string): PathState {
  let current = outDir
  const segments = relative.split('/')
  for (const [index, segment] of segments.entries()) {
    current = path.join(current, segment)
    let stat: ReturnType<typeof lstatSync>
    try {
      stat = lstatSync(current)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing'
      return 'other'
    }
    const last = index === segments.length - 1
    if (stat.isSymbolicLink()) return 'other'
    if (last) return stat.isFile() ? 'file' : 'other'
    if (!stat.isDirectory()) return 'other'
  }
  return 'other'
}
