import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { UsageError } from '../errors.js'
import { isRunning } from '../process.js'
import { ignoreFailure, writeNew } from './_fs.js'
import { finishPublish } from './_publish.js'
import { removeWorkFolder, WORK, workFolder } from './_work-folder.js'

/** A held build lock; `release` gives it up (and removes the empty work folder). */
export interface BuildLock {
  release(): void
}

/** How long a build waits for another one on the same output folder or cache before it gives up. */
export const LOCK_WAIT_MS = 5000

/**
 * Takes the build lock: `lock` in kanal's work folder beside the output folder (`.dist.kanal/lock`),
 * and `lock` in the cache folder, each holding the builder's process id. A second build waits up to
 * `waitMs` and then throws `UsageError` naming the process that holds it; a lock whose process no longer
 * runs is taken over. With the lock held, a publish that a killed build left half done is finished,
 * so the build starts from one build's output.
 */
export async function lockOutput(
  outDir: string,
  cacheDir: string | undefined,
  waitMs = LOCK_WAIT_MS,
): Promise<BuildLock> {
  const work = _environment(outDir, () => workFolder(outDir))
  const held: string[] = []
  const release = () => {
    for (const file of held.reverse()) _releaseFile(file)
    removeWorkFolder(work)
  }
  try {
    const deadline = Date.now() + waitMs
    const lock = path.join(work, WORK.lock)
    held.push(await _take(lock, outDir, deadline, waitMs).catch((error) => _asUsage(outDir, error)))
    const cacheLock = cacheDir === undefined ? undefined : _cacheLockFile(cacheDir)
    // A cache kanal cannot write needs no lock: the build goes on without it.
    const cache =
      cacheLock && (await _take(cacheLock, cacheDir as string, deadline, waitMs).catch(_unlessBusy))
    if (cache) held.push(cache)
    _environment(outDir, () => finishPublish(outDir, work))
  } catch (error) {
    release()
    throw error
  }
  return { release }
}

/** Runs `work`; a file-system error (not kanal's bug) becomes a usage error naming the output folder. */
function _environment<T>(outDir: string, work: () => T): T {
  try {
    return work()
  } catch (error) {
    return _asUsage(outDir, error)
  }
}

function _asUsage(outDir: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code
  if (typeof code !== 'string') throw error
  throw new UsageError(
    `${outDir}: kanal cannot prepare the output folder (${(error as Error).message}); it needs a folder it may write to, with its work folder beside or inside it. Check the path and its permissions.`,
  )
}

/** Lets a busy lock's error through; any other failure of the cache's lock means no cache lock. */
function _unlessBusy(error: unknown): undefined {
  if (error instanceof UsageError) throw error
  return undefined
}

/** The cache's lock file; none when the cache folder cannot be made (the build runs without the cache). */
function _cacheLockFile(cacheDir: string): string | undefined {
  try {
    mkdirSync(cacheDir, { recursive: true })
    return path.join(cacheDir, WORK.lock)
  } catch {
    return undefined
  }
}

async function _take(file: string, what: string, deadline: number, waitMs: number): Promise<string> {
  for (;;) {
    const holder = _tryTake(file)
    if (holder === undefined) return file
    if (holder === 'stale') continue
    if (Date.now() >= deadline) {
      throw new UsageError(
        `${what}: another kanal build (process ${holder}) is using it; kanal waited ${waitMs / 1000} s. Run one build at a time on the same output folder and cache; if process ${holder} is not kanal, remove ${file}.`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Creates the lock file whole (written under a private name, then linked, which fails if it exists).
 * Returns undefined when taken, the process id of the running build that holds it, or `stale` when it
 * is to be tried again at once (a dead process's lock was removed, or the work folder just vanished).
 */
function _tryTake(file: string): number | 'stale' | undefined {
  const mine = `${file}.${process.pid}`
  try {
    // The build that held the lock removes the work folder when it ends; it is made again.
    mkdirSync(path.dirname(file), { recursive: true })
    writeNew(mine, `${process.pid}\n`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'stale'
    throw error
  }
  try {
    linkSync(mine, file)
    return undefined
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'stale'
    if (code !== 'EEXIST') throw error
  } finally {
    ignoreFailure(() => unlinkSync(mine))
  }
  const holder = _holder(file)
  if (holder !== undefined && isRunning(holder)) return holder
  _takeOver(file, holder)
  return 'stale'
}

/**
 * Removes the lock of a process that no longer runs. It is first renamed to a private name, so that of
 * two builds taking it over at once only one removes it; should that have been a fresh lock of another
 * build (the stale one was taken over in between), it is put back.
 */
function _takeOver(file: string, dead: number | undefined): void {
  const claimed = `${file}.stale-${process.pid}`
  if (!ignoreFailure(() => renameSync(file, claimed))) return
  if (_holder(claimed) !== dead) ignoreFailure(() => linkSync(claimed, file))
  ignoreFailure(() => unlinkSync(claimed))
}

function _holder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10)
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

/** Removes a lock file if it is still this process's. */
function _releaseFile(file: string): void {
  if (_holder(file) === process.pid) ignoreFailure(() => unlinkSync(file))
}
