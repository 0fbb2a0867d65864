import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { ContentError } from '../errors.js'
import { isErrorCode, toDisplayPath } from './_paths.js'

/** The export files named by the inputs, as absolute paths, and the inputs that do not exist. */
export interface FoundFiles {
  files: string[]
  errors: ContentError[]
}

/**
 * Resolves inputs against `cwd`: a file is taken as it is, a folder gives every `.txt` file below it
 * (recursive, hidden entries skipped, sorted by path). Each file is listed once, in input order.
 */
export async function findTextFiles(inputs: string[], cwd: string): Promise<FoundFiles> {
  const files = new Set<string>()
  const errors: ContentError[] = []
  for (const input of inputs) {
    const path = resolve(cwd, input)
    const stats = await stat(path).catch((error: unknown) => {
      if (isErrorCode(error, 'ENOENT')) return undefined
      throw error
    })
    if (!stats) errors.push(new ContentError({ file: toDisplayPath(path, cwd) }, 'no such file or folder'))
    else if (stats.isDirectory()) for (const file of await _walk(path)) files.add(file)
    else files.add(path)
  }
  return { files: [...files], errors }
}

async function _walk(folder: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) found.push(...(await _walk(path)))
    else if (entry.isFile() && /\.txt$/i.test(entry.name)) found.push(path)
  }
  // Code-unit order, not locale order, so every machine imports in the same order.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}
