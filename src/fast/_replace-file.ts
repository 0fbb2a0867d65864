import { renameSync, rmSync, writeFileSync } from 'node:fs'

/**
 * Puts `contents` in place of `file` whole: written beside it under this process's name, then
 * renamed over it. A write or rename that fails (a full disk, a file size limit) leaves `file` as it
 * was and takes the temporary file away again, then throws.
 */
export function replaceFile(file: string, contents: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, contents)
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
