import { mkdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { type BuildWarning, UsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { readIfThere, sha256, writeNew } from './_fs.js'
import { removeLeftovers } from './_leftovers.js'
import { MANIFEST, type Manifest, readManifest, toManifestText } from './_manifest.js'
import { finishPublish, type Move, publish, type Removal } from './_publish.js'
import { pathState } from './_safe-path.js'
import { clearWork, removeWorkFolder, WORK, workFolder } from './_work-folder.js'
import type { KeptFile, OutputFile } from './file.js'

export { MANIFEST } from './_manifest.js'

/** What happened to one output file. */
export interface WrittenFile {
  path: string
  bytes: number
  /** False when the file already had exactly these bytes and was left alone. */
  changed: boolean
}

/**
 * Writes the output all or nothing: every changed file is staged in kanal's work folder beside the
 * output folder as it comes (so only one document is in memory at a time and nothing unfinished is
 * ever in the output folder), then all are renamed into place under a journal (`_publish.ts`); if
 * anything fails, including the files' own production or `check`, the previous output is restored, and
 * a build killed meanwhile is completed by the next one. Files kanal did not write are never touched;
 * files it wrote last time and no longer produces are removed. `check` sees every file except those
 * whose bytes this kanal version wrote before (and checked then).
 *
 * File calls are synchronous: a build makes a few calls per output file, one after another, and each
 * awaited call would cost a round trip through libuv's thread pool (≈40 ms idle in a 5-article build).
 */
export async function writeOutput(
  outDir: string,
  files: Iterable<OutputFile | KeptFile>,
  check: (file: OutputFile) => void = () => {},
  report: { warnings: BuildWarning[]; cwd: string } = { warnings: [], cwd: outDir },
): Promise<WrittenFile[]> {
  const work = workFolder(outDir)
  finishPublish(outDir, work)
  const previous = readManifest(outDir, report)
  // A file whose bytes this kanal version already wrote, and checked then, needs no second check.
  const checkedBefore = previous.version === VERSION
  const staging = new _Staging(work)
  const written: WrittenFile[] = []
  const hashes: Record<string, string> = {}
  const conflicts: string[] = []
  try {
    for (const file of files) {
      if ('kept' in file) {
        // Still as the last build wrote it (the stamp compared size and mtime): trusted as recorded.
        if (previous.files[file.path] !== file.kept.sha256) {
          throw new Error(`kanal bug: ${file.path} was kept, but the manifest records other contents`)
        }
        written.push({ path: file.path, bytes: file.kept.bytes, changed: false })
        hashes[file.path] = file.kept.sha256
        continue
      }
      const entry = _plan(outDir, file, previous, conflicts)
      if (entry.changed || !checkedBefore || previous.files[file.path] !== entry.hash) check(file)
      written.push({ path: file.path, bytes: entry.bytes.length, changed: entry.changed })
      hashes[file.path] = entry.hash
      if (entry.changed && conflicts.length === 0)
        staging.stage(file.path, entry.bytes, entry.hash, entry.existed)
    }
    if (conflicts.length > 0) throw new UsageError(conflicts.join('\n'))
    const manifest: Manifest = {
      kanal: 1,
      version: VERSION,
      files: hashes,
      ...(previous.unpinged?.length ? { unpinged: previous.unpinged } : {}),
    }
    const text = Buffer.from(toManifestText(manifest))
    staging.stage(MANIFEST, text, sha256(text), pathState(outDir, MANIFEST) === 'file')
  } catch (error) {
    clearWork(work, 'stage')
    removeWorkFolder(work)
    throw error
  }
  const current = new Set(written.map((file) => file.path))
  try {
    publish(outDir, work, staging.moves, _stale(outDir, previous, current))
  } catch (error) {
    // Rolled back: the work folder holds nothing more of this build.
    removeWorkFolder(work)
    throw error
  }
  removeLeftovers(outDir, [...current, ...Object.keys(previous.files), MANIFEST])
  removeWorkFolder(work)
  return written
}

/** Feed URLs whose ping failed last time (recorded in the manifest). */
export async function readUnpinged(outDir: string): Promise<string[]> {
  return readManifest(outDir).unpinged ?? []
}

/** Records the feed URLs whose ping failed, so the next `--ping` build tries them again. */
export async function recordUnpinged(outDir: string, urls: string[]): Promise<void> {
  const manifest = readManifest(outDir)
  const { unpinged: _, ...rest } = manifest
  const next: Manifest = urls.length > 0 ? { ...rest, unpinged: urls } : rest
  // Written in the work folder and renamed into place: the manifest is whole or not changed.
  const work = workFolder(outDir)
  const temp = path.join(work, `${MANIFEST}.tmp`)
  writeNew(temp, toManifestText(next))
  renameSync(temp, path.join(outDir, MANIFEST))
  removeWorkFolder(work)
}

interface _Entry {
  path: string
  bytes: Buffer
  hash: string
  changed: boolean
  existed: boolean
}

/** Compares a file with what is on disk; a target kanal did not write (or that was edited) is a conflict. */
function _plan(outDir: string, file: OutputFile, previous: Manifest, conflicts: string[]): _Entry {
  const bytes = Buffer.from(file.contents, 'utf8')
  const hash = sha256(bytes)
  const target = path.join(outDir, file.path)
  const state = pathState(outDir, file.path)
  if (state === 'other') {
    conflicts.push(
      `${target}: is a symbolic link, lies behind one, or is not a regular file; kanal never writes through a link. Remove it or choose another --out folder.`,
    )
    return { path: file.path, bytes, hash, changed: true, existed: false }
  }
  const existing = state === 'file' ? readIfThere(target) : undefined
  const recorded = previous.files[file.path]
  if (existing && sha256(existing) !== recorded && !existing.equals(bytes)) {
    conflicts.push(
      recorded
        ? `${target}: was changed since kanal wrote it; kanal will not overwrite it. Move it away to let kanal write it again.`
        : `${target}: exists but kanal did not write it; kanal will not overwrite it. Move it away or choose another --out folder.`,
    )
  }
  return { path: file.path, bytes, hash, changed: !existing?.equals(bytes), existed: existing !== undefined }
}

/** Files written to the work folder's `stage/` as they come, under their output paths. */
class _Staging {
  readonly #stage: string
  readonly #made = new Set<string>()
  readonly moves: Move[] = []

  constructor(work: string) {
    // Whatever a killed build staged there is not part of any publish (`finishPublish` ran).
    clearWork(work, 'stage')
    this.#stage = path.join(work, WORK.stage)
  }

  stage(relative: string, bytes: Buffer, hash: string, replaces: boolean): void {
    const file = path.join(this.#stage, relative)
    const dir = path.dirname(file)
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      this.#made.add(dir)
    }
    writeNew(file, bytes)
    this.moves.push({ path: relative, hash, replaces })
  }
}

/** Files kanal wrote last time, no longer produces and finds unchanged (a file the user edited stays). */
function _stale(outDir: string, previous: Manifest, current: Set<string>): Removal[] {
  const stale: Removal[] = []
  for (const [relative, hash] of Object.entries(previous.files)) {
    if (current.has(relative) || pathState(outDir, relative) !== 'file') continue
    if (sha256(readIfThere(path.join(outDir, relative)) ?? '') === hash) stale.push({ path: relative, hash })
  }
  return stale
}
