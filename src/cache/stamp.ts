import { createHash } from 'node:crypto'
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ContentError, type Location } from '../errors.js'
import { VERSION } from '../version.js'

/** Size and modification time of a file: what the up-to-date check compares. */
export interface FileStat {
  size: number
  mtimeMs: number
}

/** What a build that found everything up to date reports again: the last real build's outcome. */
export interface StampResult {
  /** Article files read. */
  articles: number
  /** Articles the feeds showed. */
  shown: number
  /** Content warnings (not cache or WebSub warnings). */
  warnings: (Location & { reason: string })[]
  /** Output files, below the output folder, with their sizes. */
  files: { path: string; bytes: number }[]
}

/**
 * The record of the last successful build: a hash of everything it read (kanal's code, the resolved
 * config and options, and every content file's path, size and mtime), the range of "now" in which the
 * same articles were due, and the size and mtime of every file it wrote. While all of that still holds,
 * a build would write the same bytes again, so it is skipped and its outcome reported again.
 */
interface _Stamp {
  format: typeof _FORMAT
  inputs: string
  /** Earliest and latest "now" (ms) that select the same articles. */
  now: [number, number]
  /** Every output file, the manifest and the cache index: [absolute path, size, mtimeMs]. */
  outputs: [string, number, number][]
  result: StampResult
}

const _FORMAT = 'kanal-stamp-1'
const _FILE = 'build-stamp.json'

/** The hash of a build's inputs. `settings` are the resolved config, options and folders. */
export function inputsHash(settings: unknown, files: string[], stats: FileStat[]): string {
  const hash = createHash('sha256')
  // The code that would build: a new kanal, or the same version rebuilt, may write other bytes.
  hash.update(
    `${VERSION}\0${statSync(fileURLToPath(import.meta.url)).mtimeMs}\0${JSON.stringify(settings)}\n`,
  )
  for (const [index, file] of files.entries()) {
    const stat = stats[index] as FileStat
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`)
  }
  return hash.digest('hex')
}

/**
 * The last build's result when nothing it depends on changed since; undefined when a build must run.
 * A damaged or foreign stamp gives a warning (the build then runs and rewrites it).
 */
export function upToDate(
  cacheDir: string,
  inputs: string,
  now: Date,
  warnings: ContentError[],
): StampResult | undefined {
  const stamp = _read(cacheDir, warnings)
  if (!stamp || stamp.inputs !== inputs) return undefined
  if (now.getTime() < stamp.now[0] || now.getTime() > stamp.now[1]) return undefined
  for (const [file, size, mtimeMs] of stamp.outputs) {
    const stat = _stat(file)
    if (stat?.size !== size || stat.mtimeMs !== mtimeMs) return undefined
  }
  return stamp.result
}

/**
 * Records a successful build. `outputs` are the absolute paths of the files it left in the output
 * folder (written or left alone), the manifest and the cache index; `now` the range of "now" in which
 * it would write the same.
 */
export function recordBuild(
  cacheDir: string,
  inputs: string,
  now: [number, number],
  outputs: string[],
  result: StampResult,
): void {
  const stamp: _Stamp = { format: _FORMAT, inputs, now, outputs: [], result }
  for (const file of outputs) {
    const stat = _stat(file)
    // A file that is not there cannot be vouched for: no stamp, the next build runs.
    if (!stat) return
    stamp.outputs.push([file, stat.size, stat.mtimeMs])
  }
  const target = path.join(cacheDir, _FILE)
  const temp = `${target}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(stamp))
  renameSync(temp, target)
}

function _read(cacheDir: string, warnings: ContentError[]): _Stamp | undefined {
  const file = path.join(cacheDir, _FILE)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
  try {
    const stamp = JSON.parse(text) as _Stamp
    if (stamp.format === _FORMAT && Array.isArray(stamp.now) && Array.isArray(stamp.outputs)) return stamp
  } catch {
    // reported below
  }
  const where: Location = { file: path.relative(process.cwd(), file) || file }
  warnings.push(
    new ContentError(where, 'ignored the cache file: not a kanal build stamp; it will be rewritten'),
  )
  return undefined
}

function _stat(file: string): FileStat | undefined {
  try {
    const stat = statSync(file)
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined
  } catch {
    return undefined
  }
}
