import { createHash } from 'node:crypto'
import { readFileSync, rmdirSync, unlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** SHA-256 of some bytes, in hex (what the manifest records). */
export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A file's bytes, or undefined when it cannot be read. */
export function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Writes a new file; whatever sits at the path (a leftover, a planted link) is removed, never followed. */
export function writeNew(file: string, contents: string | Buffer): void {
  ignoreFailure(() => unlinkSync(file))
  try {
    writeFileSync(file, contents, { flag: 'wx' })
  } catch (error) {
    // A write the disk refuses (full, past a file size limit) names no file: it is this one, made
    // by this call, and it goes rather than stay behind half-written.
    const refused = error as NodeJS.ErrnoException
    if (refused.syscall === 'write') {
      refused.path ??= file
      ignoreFailure(() => unlinkSync(file))
    }
    throw error
  }
}

/** Removes `dir` and its parents while they are empty, up to (not including) `root`. */
export function removeEmptyParents(root: string, dir: string): void {
  const top = path.resolve(root)
  for (
    let current = path.resolve(dir);
    current.startsWith(`${top}${path.sep}`);
    current = path.dirname(current)
  ) {
    if (!ignoreFailure(() => rmdirSync(current))) return
  }
}

/** Runs `work`; false when it threw (for clean-up steps whose failure changes nothing). */
export function ignoreFailure(work: () => void): boolean {
  try {
    work()
    return true
  } catch {
    return false
  }
}
