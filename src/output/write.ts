import { createHash } from 'node:crypto'
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { type BuildWarning, StateError, UsageError } from '../errors.js'
import { VERSION } from '../version.js'
import { isOwnPath, pathState } from './_safe-path.js'
import type { KeptFile, OutputFile } from './file.js'

/** The record of what kanal wrote last time, kept in the output folder. */
export const MANIFEST = '.kanal-manifest.json'

/** What happened to one output file. */
export interface WrittenFile {
  path: string
  bytes: number
  /** False when the file already had exactly these bytes and was left alone. */
  changed: boolean
}

interface _Manifest {
  kanal: 1
  /** The kanal version that wrote (and checked) the files. */
  version?: string
  /** Path → SHA-256 of the contents kanal wrote. */
  files: Record<string, string>
  /** Feed URLs whose WebSub ping failed: pinged again by the next `--ping` build. */
  unpinged?: string[]
}

/**
 * Writes the output all or nothing: every file is staged beside its target as it comes (so only one
 * document is in memory at a time), then all are renamed into place; if anything fails, including the
 * files' own production or `check`, the previous output is restored. Files kanal did not write are
 * never touched; files it wrote last time and no longer produces are removed. `check` sees every file
 * except those whose bytes this kanal version wrote before (and checked then).
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
  const previous = _readManifest(outDir, report)
  // A file whose bytes this kanal version already wrote, and checked then, needs no second check.
  const checkedBefore = previous.version === VERSION
  const staging = new _Staging(outDir)
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
      if (entry.changed && conflicts.length === 0) staging.stage(file.path, entry.bytes)
    }
    if (conflicts.length > 0) throw new UsageError(conflicts.join('\n'))
  } catch (error) {
    staging.discard()
    throw error
  }
  staging.commit()
  _removeStale(outDir, previous, new Set(written.map((file) => file.path)))
  const manifest: _Manifest = {
    kanal: 1,
    version: VERSION,
    files: hashes,
    ...(previous.unpinged?.length ? { unpinged: previous.unpinged } : {}),
  }
  _replace(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  return written
}

/** Feed URLs whose ping failed last time (recorded in the manifest). */
export async function readUnpinged(outDir: string): Promise<string[]> {
  return _readManifest(outDir).unpinged ?? []
}

/** Records the feed URLs whose ping failed, so the next `--ping` build tries them again. */
export async function recordUnpinged(outDir: string, urls: string[]): Promise<void> {
  const manifest = _readManifest(outDir)
  const { unpinged: _, ...rest } = manifest
  const next: _Manifest = urls.length > 0 ? { ...rest, unpinged: urls } : rest
  _replace(path.join(outDir, MANIFEST), `${JSON.stringify(next, null, 2)}\n`)
}

interface _Entry {
  path: string
  bytes: Buffer
  hash: string
  changed: boolean
}

/** Compares a file with what is on disk; a target kanal did not write (or that was edited) is a conflict. */
function _plan(outDir: string, file: OutputFile, previous: _Manifest, conflicts: string[]): _Entry {
  const bytes = Buffer.from(file.contents, 'utf8')
  const hash = _hash(bytes)
  const target = path.join(outDir, file.path)
  const state = pathState(outDir, file.path)
  if (state === 'other') {
    conflicts.push(
      `${target}: is a symbolic link, lies behind one, or is not a regular file; kanal never writes through a link. Remove it or choose another --out folder.`,
    )
    return { path: file.path, bytes, hash, changed: true }
  }
  const existing = state === 'file' ? _readIfThere(target) : undefined
  const recorded = previous.files[file.path]
  if (existing && _hash(existing) !== recorded && !existing.equals(bytes)) {
    conflicts.push(
      recorded
        ? `${target}: was changed since kanal wrote it; kanal will not overwrite it. Move it away to let kanal write it again.`
        : `${target}: exists but kanal did not write it; kanal will not overwrite it. Move it away or choose another --out folder.`,
    )
  }
  return { path: file.path, bytes, hash, changed: !existing?.equals(bytes) }
}

/** Files written beside their targets, renamed into place together, or all removed again. */
class _Staging {
  readonly #outDir: string
  readonly #staged: { target: string; temp: string }[] = []
  readonly #createdDirs: string[] = []

  constructor(outDir: string) {
    this.#outDir = outDir
  }

  stage(relative: string, bytes: Buffer): void {
    const target = path.join(this.#outDir, relative)
    const created = mkdirSync(path.dirname(target), { recursive: true })
    if (created) this.#createdDirs.push(created)
    const temp = `${target}.kanal-tmp-${process.pid}`
    this.#staged.push({ target, temp })
    _writeNew(temp, bytes)
  }

  /** Removes every staged file and the folders staging created. */
  discard(): void {
    for (const { temp } of this.#staged) _ignoreFailure(() => unlinkSync(temp))
    for (const dir of this.#createdDirs.reverse()) rmSync(dir, { recursive: true, force: true })
  }

  /** Renames staged files into place, keeping hard-linked backups until every rename succeeded. */
  commit(): void {
    const done: { target: string; backup?: string }[] = []
    try {
      for (const { target, temp } of this.#staged) {
        const backup = `${target}.kanal-old-${process.pid}`
        const hasBackup = _ignoreFailure(() => linkSync(target, backup))
        try {
          renameSync(temp, target)
        } catch (error) {
          // The target is untouched; its backup is only a second name for it.
          if (hasBackup) _ignoreFailure(() => unlinkSync(backup))
          throw error
        }
        done.push({ target, ...(hasBackup ? { backup } : {}) })
      }
    } catch (error) {
      for (const { target, backup } of done.reverse()) {
        _ignoreFailure(() => (backup ? renameSync(backup, target) : unlinkSync(target)))
      }
      this.discard()
      throw error
    }
    for (const { backup } of done) if (backup) _ignoreFailure(() => unlinkSync(backup))
  }
}

function _removeStale(outDir: string, previous: _Manifest, current: Set<string>): void {
  for (const [stale, hash] of Object.entries(previous.files)) {
    if (current.has(stale) || pathState(outDir, stale) !== 'file') continue
    const target = path.join(outDir, stale)
    const existing = _readIfThere(target)
    // Only what kanal wrote, unchanged since: a file the user edited stays.
    if (!existing || _hash(existing) !== hash) continue
    unlinkSync(target)
    _removeEmptyParents(outDir, path.dirname(target))
  }
}

function _removeEmptyParents(outDir: string, dir: string): void {
  const root = path.resolve(outDir)
  for (
    let current = path.resolve(dir);
    current.startsWith(`${root}${path.sep}`);
    current = path.dirname(current)
  ) {
    if (!_ignoreFailure(() => rmdirSync(current))) return
  }
}

/**
 * The manifest, with only the entries kanal could have written: a path outside the output folder (`..`,
 * absolute, backslashes) is foreign, reported once in `warnings` and never acted on.
 */
function _readManifest(outDir: string, report?: { warnings: BuildWarning[]; cwd: string }): _Manifest {
  const file = path.join(outDir, MANIFEST)
  const text = pathState(outDir, MANIFEST) === 'file' ? _readIfThere(file)?.toString('utf8') : undefined
  if (text === undefined) return { kanal: 1, files: {} }
  try {
    const value = JSON.parse(text) as _Manifest
    if (value.kanal === 1 && typeof value.files === 'object' && value.files !== null) {
      const files: Record<string, string> = {}
      const foreign: string[] = []
      for (const [name, hash] of Object.entries(value.files)) {
        if (isOwnPath(name) && typeof hash === 'string') files[name] = hash
        else foreign.push(name)
      }
      if (foreign.length > 0) report?.warnings.push(_foreignWarning(path.relative(report.cwd, file), foreign))
      return { ...value, files }
    }
  } catch {
    // A damaged record is treated as none: kanal then refuses to overwrite what it cannot prove it wrote.
  }
  return { kanal: 1, files: {} }
}

function _replace(target: string, contents: string): void {
  const temp = `${target}.kanal-tmp-${process.pid}`
  _writeNew(temp, contents)
  renameSync(temp, target)
}

/** Writes a new file; whatever sits at the path (a leftover, a planted link) is removed, never followed. */
function _writeNew(file: string, contents: string | Buffer): void {
  _ignoreFailure(() => unlinkSync(file))
  writeFileSync(file, contents, { flag: 'wx' })
}

function _foreignWarning(file: string, foreign: string[]): StateError {
  const shown = foreign.slice(0, 3).map((name) => JSON.stringify(name.slice(0, 80)))
  const more = foreign.length > 3 ? ` and ${foreign.length - 3} more` : ''
  return new StateError(
    { file: file.split(path.sep).join('/') },
    `lists ${foreign.length === 1 ? 'a path' : 'paths'} outside the output folder (${shown.join(', ')}${more}); kanal ignores ${foreign.length === 1 ? 'it' : 'them'} and touches no such file. The manifest was edited by hand or by someone else: check the change that did it.`,
  )
}

function _readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

/** Runs `work`; false when it threw (for clean-up steps whose failure changes nothing). */
function _ignoreFailure(work: () => void): boolean {
  try {
    work()
    return true
  } catch {
    return false
  }
}

function _hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
