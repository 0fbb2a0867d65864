import { mkdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * kanal's work folder for one output folder: the build lock, the staged files, the backups of the files
 * they replace and the publish journal. It lies beside the output folder (`dist` → `.dist.kanal`), so a
 * killed build leaves nothing in the published tree; only where that is impossible (the parent cannot
 * be written, or lies on another file system, which renames cannot cross) it is `dist/.kanal-work`.
 * A finished build removes it.
 */
export function workFolder(outDir: string): string {
  const beside = path.join(path.dirname(outDir), `.${path.basename(outDir)}.kanal`)
  try {
    mkdirSync(beside, { recursive: true })
    // An output folder not made yet will be made beside it, on the same file system.
    if (statSync(beside).dev === (_device(outDir) ?? statSync(beside).dev)) return beside
    _removeIfEmpty(beside)
  } catch {
    // Not writable (or in the way): the folder inside the output folder is the fallback.
  }
  const inside = path.join(outDir, INSIDE)
  mkdirSync(inside, { recursive: true })
  return inside
}

/** The work folder's name when it lies inside the output folder; never published as kanal's output. */
export const INSIDE = '.kanal-work'

/** Where the pieces lie inside the work folder. */
export const WORK = { lock: 'lock', stage: 'stage', old: 'old', journal: 'journal.json' } as const

/** Removes a staging or backup folder of the work folder (kanal's own, whatever it holds). */
export function clearWork(work: string, part: 'stage' | 'old'): void {
  rmSync(path.join(work, WORK[part]), { recursive: true, force: true })
}

/** Removes the work folder when nothing is left in it. */
export function removeWorkFolder(work: string): void {
  _removeIfEmpty(work)
}

function _device(dir: string): number | undefined {
  try {
    return statSync(dir).dev
  } catch {
    return undefined
  }
}

function _removeIfEmpty(dir: string): void {
  try {
    rmdirSync(dir)
  } catch {
    // Not empty (another build's lock) or already gone.
  }
}
