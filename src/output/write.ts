import { createHash } from 'node:crypto'
import { link, mkdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { UsageError } from '../errors.js'
import type { OutputFile } from './file.js'

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
  /** Path → SHA-256 of the contents kanal wrote. */
  files: Record<string, string>
  /** Feed URLs whose WebSub ping failed: pinged again by the next `--ping` build. */
  unpinged?: string[]
}

/**
 * Writes the output all or nothing: every file is staged beside its target first, then renamed into
 * place; if anything fails, the previous output is restored. Files kanal did not write are never
 * touched; files it wrote last time and no longer produces are removed.
 */
export async function writeOutput(outDir: string, files: OutputFile[]): Promise<WrittenFile[]> {
  const previous = await _readManifest(outDir)
  const plan = await _plan(outDir, files, previous)
  const staged = await _stage(outDir, plan)
  await _commit(staged)
  await _removeStale(outDir, previous, files)
  const manifest: _Manifest = {
    kanal: 1,
    files: Object.fromEntries(plan.map((entry) => [entry.path, entry.hash])),
    ...(previous.unpinged?.length ? { unpinged: previous.unpinged } : {}),
  }
  await _replace(path.join(outDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
  return plan.map((entry) => ({ path: entry.path, bytes: entry.bytes.length, changed: entry.changed }))
}

/** Feed URLs whose ping failed last time (recorded in the manifest). */
export async function readUnpinged(outDir: string): Promise<string[]> {
  return (await _readManifest(outDir)).unpinged ?? []
}

/** Records the feed URLs whose ping failed, so the next `--ping` build tries them again. */
export async function recordUnpinged(outDir: string, urls: string[]): Promise<void> {
  const manifest = await _readManifest(outDir)
  const { unpinged: _, ...rest } = manifest
  const next: _Manifest = urls.length > 0 ? { ...rest, unpinged: urls } : rest
  await _replace(path.join(outDir, MANIFEST), `${JSON.stringify(next, null, 2)}\n`)
}

interface _Entry {
  path: string
  bytes: Buffer
  hash: string
  changed: boolean
}

async function _plan(outDir: string, files: OutputFile[], previous: _Manifest): Promise<_Entry[]> {
  const conflicts: string[] = []
  const plan: _Entry[] = []
  for (const file of files) {
    const bytes = Buffer.from(file.contents, 'utf8')
    const hash = _hash(bytes)
    const target = path.join(outDir, file.path)
    const existing = await readFile(target).catch(() => undefined)
    const recorded = previous.files[file.path]
    if (existing && _hash(existing) !== recorded && !existing.equals(bytes)) {
      conflicts.push(
        recorded
          ? `${target}: was changed since kanal wrote it; kanal will not overwrite it. Move it away to let kanal write it again.`
          : `${target}: exists but kanal did not write it; kanal will not overwrite it. Move it away or choose another --out folder.`,
      )
    }
    plan.push({ path: file.path, bytes, hash, changed: !existing?.equals(bytes) })
  }
  if (conflicts.length > 0) throw new UsageError(conflicts.join('\n'))
  return plan
}

async function _stage(outDir: string, plan: _Entry[]): Promise<{ target: string; temp: string }[]> {
  const staged: { target: string; temp: string }[] = []
  try {
    for (const entry of plan.filter((item) => item.changed)) {
      const target = path.join(outDir, entry.path)
      await mkdir(path.dirname(target), { recursive: true })
      const temp = `${target}.kanal-tmp-${process.pid}`
      staged.push({ target, temp })
      await writeFile(temp, entry.bytes)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => unlink(temp).catch(() => {})))
    throw error
  }
  return staged
}

/** Renames staged files into place, keeping hard-linked backups until every rename succeeded. */
async function _commit(staged: { target: string; temp: string }[]): Promise<void> {
  const done: { target: string; backup?: string }[] = []
  try {
    for (const { target, temp } of staged) {
      const backup = `${target}.kanal-old-${process.pid}`
      const hasBackup = await link(target, backup).then(
        () => true,
        () => false,
      )
      try {
        await rename(temp, target)
      } catch (error) {
        // The target is untouched; its backup is only a second name for it.
        if (hasBackup) await unlink(backup).catch(() => {})
        throw error
      }
      done.push({ target, ...(hasBackup ? { backup } : {}) })
    }
  } catch (error) {
    for (const { target, backup } of done.reverse()) {
      await (backup ? rename(backup, target) : unlink(target)).catch(() => {})
    }
    await Promise.all(staged.map(({ temp }) => unlink(temp).catch(() => {})))
    throw error
  }
  await Promise.all(done.map(({ backup }) => backup && unlink(backup).catch(() => {})))
}

async function _removeStale(outDir: string, previous: _Manifest, files: OutputFile[]): Promise<void> {
  const current = new Set(files.map((file) => file.path))
  for (const [stale, hash] of Object.entries(previous.files)) {
    if (current.has(stale)) continue
    const target = path.join(outDir, stale)
    const existing = await readFile(target).catch(() => undefined)
    // Only what kanal wrote, unchanged since: a file the user edited stays.
    if (!existing || _hash(existing) !== hash) continue
    await unlink(target)
    await _removeEmptyParents(outDir, path.dirname(target))
  }
}

async function _removeEmptyParents(outDir: string, dir: string): Promise<void> {
  const root = path.resolve(outDir)
  for (
    let current = path.resolve(dir);
    current.startsWith(`${root}${path.sep}`);
    current = path.dirname(current)
  ) {
    const removed = await rmdir(current).then(
      () => true,
      () => false,
    )
    if (!removed) return
  }
}

async function _readManifest(outDir: string): Promise<_Manifest> {
  const text = await readFile(path.join(outDir, MANIFEST), 'utf8').catch(() => undefined)
  if (text === undefined) return { kanal: 1, files: {} }
  try {
    const value = JSON.parse(text) as _Manifest
    if (value.kanal === 1 && typeof value.files === 'object' && value.files !== null) return value
  } catch {
    // A damaged record is treated as none: kanal then refuses to overwrite what it cannot prove it wrote.
  }
  return { kanal: 1, files: {} }
}

async function _replace(target: string, contents: string): Promise<void> {
  const temp = `${target}.kanal-tmp-${process.pid}`
  await writeFile(temp, contents)
  await rename(temp, target)
}

function _hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
