import { readdirSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { isRunning } from '../process.js'
import { ignoreFailure } from './_fs.js'
import { pathState } from './_safe-path.js'

/**
 * Removes what builds of earlier kanal versions (which staged beside each target) left when they were killed:
 * `<file>.kanal-tmp-<pid>` and `<file>.kanal-old-<pid>`, regular files only, and only where `<file>` is
 * a path kanal writes or wrote and the process `<pid>` no longer runs. Anything else is not kanal's.
 */
export function removeLeftovers(outDir: string, paths: Iterable<string>): void {
  const byFolder = new Map<string, Set<string>>()
  for (const relative of paths) {
    const folder = path.posix.dirname(relative)
    const names = byFolder.get(folder) ?? new Set<string>()
    names.add(path.posix.basename(relative))
    byFolder.set(folder, names)
  }
  for (const [folder, names] of byFolder) {
    const dir = path.join(outDir, folder)
    let entries: string[]
    try {
      entries = readdirSync(dir)
    } catch {
      continue
    }
    for (const entry of entries) {
      const match = _LEFTOVER.exec(entry)
      if (!match || !names.has(match[1] as string) || isRunning(Number(match[2]))) continue
      // Reached without a symbolic link, and a regular file.
      const relative = folder === '.' ? entry : `${folder}/${entry}`
      if (pathState(outDir, relative) === 'file') ignoreFailure(() => unlinkSync(path.join(dir, entry)))
    }
  }
}

const _LEFTOVER = /^(.+)\.kanal-(?:tmp|old)-(\d+)$/
