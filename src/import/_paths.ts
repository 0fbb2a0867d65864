import { relative, sep } from 'node:path'

/** A path as shown to the author: relative to `cwd`, with `/`. */
export function toDisplayPath(file: string, cwd: string): string {
  return relative(cwd, file).split(sep).join('/')
}

/** Whether an unknown error is a Node system error with this code (`ENOENT`, `EEXIST`, …). */
export function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code
}
