import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { type Location, StateError } from '../errors.js'
import type { KeptFile } from '../output/file.js'
import { replaceFile } from './_replace-file.js'

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
  /** Drafts and scheduled articles left out (absent in stamps of older versions). */
  heldBack?: { file: string; reason: 'draft' | 'scheduled'; date: string; germanDate: string }[]
  /** Notes (spellings merged; absent in stamps of older versions). */
  notes?: (Location & { reason: string })[]
}

/** Output files produced together from one input (a feed's three formats, the site views). */
export interface OutputGroup {
  /** Hash of everything the files were made from (`fingerprint`). */
  fingerprint: string
  /** Their paths below the output folder. */
  paths: string[]
}

/** What a successful build records (`BuildStamp.record`). */
export interface BuildRecord {
  /** `inputsHash` of the build. */
  inputs: string
  /** Earliest and latest "now" (ms) in which the build would write the same. */
  now: [number, number]
  outDir: string
  /** The cache's index file: changed by anything but kanal, the check fails. */
  indexFile: string
  /** `BuildStamp.snapshot` of the output, taken right after writing it. */
  outputs: OutputSnapshot
  /** Image files the build read or looked for: their size and mtime (-1 when missing) are checked. */
  imageFiles: string[]
  result: StampResult
}

/** Output files by the fingerprint of their group, as written (`BuildStamp.snapshot`). */
export type OutputSnapshot = Record<string, _Output[]>

/** One output file as written: path below the output folder, size, mtime, SHA-256. */
type _Output = [string, number, number, string]

interface _Stamp {
  format: typeof _FORMAT
  inputs: string
  now: [number, number]
  outDir: string
  indexFile: string
  /** Size and mtime of the manifest and of the cache index, as the build left them. */
  manifest: [number, number]
  index: [number, number]
  /** Output files by the fingerprint of the group they belong to. */
  groups: Record<string, _Output[]>
  /** Image files with their size and mtime as the build saw them ([-1, -1]: not there). */
  images: [string, number, number][]
  result: StampResult
}

const _FORMAT = 'kanal-stamp-3'
const _FILE = 'build-stamp.json'
const _MANIFEST = '.kanal-manifest.json'

/**
 * The record of the last successful build, in the cache folder. It answers two questions:
 *
 * - `upToDate`: did anything the build read (kanal's code, the resolved config and options, every
 *   content file's path, size, mtime, ctime and inode, the image files it read or looked for, "now" as
 *   far as it decides which articles are due) or wrote
 *   (every output file's size and mtime) change since? If not, a build would write the same bytes, so
 *   it is skipped and its outcome reported again.
 * - `kept`: is a group of output files (one feed in every format) still on disk as written, and was it
 *   made from exactly the same input (`fingerprint`)? Then it need not be serialised and checked again.
 */
export class BuildStamp {
  readonly #stamp: _Stamp

  private constructor(stamp: _Stamp) {
    this.#stamp = stamp
  }

  /** The stamp in `cacheDir`; undefined when there is none, or (with a warning) a damaged one. */
  static read(cacheDir: string, warnings: StateError[]): BuildStamp | undefined {
    const file = path.join(cacheDir, _FILE)
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return undefined
    }
    try {
      const stamp = JSON.parse(text) as _Stamp
      if (stamp.format === _FORMAT && _isStamp(stamp)) return new BuildStamp(stamp)
      // A stamp of another kanal version is no damage: the build simply runs.
      const other = stamp.format !== _FORMAT && String(stamp.format).startsWith('kanal-stamp-')
      if (other) return undefined
    } catch {
      // reported below
    }
    const where: Location = { file: path.relative(process.cwd(), file) || file }
    warnings.push(
      new StateError(where, 'ignored the cache file: not a kanal build stamp; it will be rewritten'),
    )
    return undefined
  }

  /** The last build's result when nothing it depends on changed since; undefined when a build must run. */
  upToDate(inputs: string, now: Date): StampResult | undefined {
    const stamp = this.#stamp
    if (stamp.inputs !== inputs || now.getTime() < stamp.now[0] || now.getTime() > stamp.now[1]) return
    if (!_same(path.join(stamp.outDir, _MANIFEST), stamp.manifest)) return undefined
    // The cache itself: a damaged or replaced index must be noticed (and warned about) by a build.
    if (!_same(stamp.indexFile, stamp.index)) return undefined
    for (const outputs of Object.values(stamp.groups)) {
      for (const [file, size, mtimeMs] of outputs) {
        if (!_same(path.join(stamp.outDir, file), [size, mtimeMs])) return undefined
      }
    }
    // Images are inputs outside the content folder: a replaced, added or removed file changes the feeds.
    for (const [file, size, mtimeMs] of stamp.images) {
      if (size === -1 ? _stat(file) !== undefined : !_same(file, [size, mtimeMs])) return undefined
    }
    return stamp.result
  }

  /**
   * The files of a group made from `fingerprint` in the last build, when all are still in `outDir` as
   * written; undefined when the group must be produced again.
   */
  kept(fingerprint: string, outDir: string): KeptFile[] | undefined {
    const stamp = this.#stamp
    const outputs = stamp.groups[fingerprint]
    if (!outputs || stamp.outDir !== outDir) return undefined
    // The manifest vouches for the files' hashes; rewritten by anything else, it vouches for nothing.
    if (!_same(path.join(outDir, _MANIFEST), stamp.manifest)) return undefined
    const kept: KeptFile[] = []
    for (const [file, size, mtimeMs, hash] of outputs) {
      if (!_same(path.join(outDir, file), [size, mtimeMs])) return undefined
      kept.push({ path: file, kept: { bytes: size, sha256: hash } })
    }
    return kept
  }

  /**
   * The output files of this build's groups as they are now: size, mtime, and the hash the manifest
   * records. Taken right after writing, so that nothing done later (saving the cache, WebSub pings
   * that may take seconds) leaves room for a change the stamp would then vouch for. Undefined when a
   * file is missing: nothing is recorded and the next build runs.
   */
  static snapshot(outDir: string, groups: OutputGroup[]): OutputSnapshot | undefined {
    const hashes = _manifestHashes(outDir)
    if (!hashes) return undefined
    const snapshot: OutputSnapshot = {}
    for (const group of groups) {
      const outputs: _Output[] = []
      for (const file of group.paths) {
        const stat = _stat(path.join(outDir, file))
        const hash = hashes[file]
        if (!stat || hash === undefined) return undefined
        outputs.push([file, stat.size, stat.mtimeMs, hash])
      }
      snapshot[group.fingerprint] = outputs
    }
    return snapshot
  }

  /** Records a successful build in `cacheDir`, after it saved the cache and pinged its hubs. */
  static record(cacheDir: string, record: BuildRecord): void {
    const manifest = _stat(path.join(record.outDir, _MANIFEST))
    const index = _stat(record.indexFile)
    if (!manifest || !index) return
    const groups = record.outputs
    const stamp: _Stamp = {
      format: _FORMAT,
      inputs: record.inputs,
      now: record.now,
      outDir: record.outDir,
      indexFile: record.indexFile,
      manifest: [manifest.size, manifest.mtimeMs],
      index: [index.size, index.mtimeMs],
      groups,
      images: [...new Set(record.imageFiles)].map((file) => {
        const stat = _stat(file)
        return stat ? [file, stat.size, stat.mtimeMs] : [file, -1, -1]
      }),
      result: record.result,
    }
    const target = path.join(cacheDir, _FILE)
    replaceFile(target, JSON.stringify(stamp))
  }
}

function _isStamp(stamp: _Stamp): boolean {
  const pair = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every(Number.isFinite)
  const output = (value: unknown) =>
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    Number.isFinite(value[1]) &&
    Number.isFinite(value[2]) &&
    typeof value[3] === 'string'
  return (
    typeof stamp.inputs === 'string' &&
    typeof stamp.outDir === 'string' &&
    typeof stamp.indexFile === 'string' &&
    pair(stamp.now) &&
    pair(stamp.manifest) &&
    pair(stamp.index) &&
    Array.isArray(stamp.images) &&
    typeof stamp.groups === 'object' &&
    stamp.groups !== null &&
    Object.values(stamp.groups).every((outputs) => Array.isArray(outputs) && outputs.every(output)) &&
    typeof stamp.result === 'object' &&
    stamp.result !== null &&
    Array.isArray(stamp.result.warnings) &&
    Array.isArray(stamp.result.files)
  )
}

function _same(file: string, [size, mtimeMs]: [number, number]): boolean {
  const stat = _stat(file)
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs
}

/** Size and modification time of a file: what the up-to-date check compares. */
interface _FileStat {
  size: number
  mtimeMs: number
}

function _stat(file: string): _FileStat | undefined {
  try {
    const stat = statSync(file)
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined
  } catch {
    return undefined
  }
}

function _manifestHashes(outDir: string): Record<string, string> | undefined {
  try {
    const manifest = JSON.parse(readFileSync(path.join(outDir, _MANIFEST), 'utf8')) as {
      files?: Record<string, string>
    }
    return manifest.files
  } catch {
    return undefined
  }
}
