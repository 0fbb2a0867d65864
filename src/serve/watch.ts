import { type Dirent, type FSWatcher, watch } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { createRebuildScheduler } from './_scheduler.js'

/** What to watch: folders with everything below them, and single files (the config). */
export interface WatchTargets {
  dirs: string[]
  files?: string[]
}

/** A running watch. */
export interface SourceWatch {
  /** Stops watching; resolves when a rebuild in progress has finished. */
  close(): Promise<void>
}

/** One watched folder, with its inode: a folder replaced at the same path needs a new watch. */
interface _Watched {
  watcher: FSWatcher
  ino: number
}

/**
 * Calls `onChange` (debounced, never two at once) when anything below the folders or one of the
 * files changes, except paths for which `ignore` is true and hidden or `node_modules` entries.
 *
 * Every folder is watched on its own, never a file: editors that save by writing a new file and
 * renaming it over the old one (`sed -i`, vim, many IDEs) replace the file's inode, and a watch on
 * that inode then hears nothing more. A folder's watch hears every rename, delete and create of its
 * entries. Before each rebuild the set of folders is read again, so new folders are watched, and a
 * folder that was moved away or replaced (same path, another inode) is watched again. The parents
 * of the watched folders and files are watched for their names only, so the content folder coming
 * back after a move, or the config being replaced, starts a rebuild too.
 */
export async function watchSources(
  targets: WatchTargets,
  onChange: () => Promise<void>,
  ignore: (path: string) => boolean = () => false,
): Promise<SourceWatch> {
  const roots = targets.dirs.map((dir) => resolve(dir))
  const files = (targets.files ?? []).map((file) => resolve(file))
  // A folder to watch that does not exist is the caller's mistake, not a change to wait for.
  for (const root of roots) await stat(root)
  const watched = new Map<string, _Watched>()
  let closed = false

  const parents = new Map<string, Set<string>>()
  for (const path of [...roots, ...files]) {
    const names = parents.get(dirname(path)) ?? new Set<string>()
    names.add(basename(path))
    parents.set(dirname(path), names)
  }

  const sync = async (): Promise<void> => {
    const wanted = new Map<string, (name: string | null) => boolean>()
    for (const [parent, names] of parents) wanted.set(parent, (name) => name === null || names.has(name))
    for (const root of roots)
      for (const dir of await _folders(root, ignore)) {
        wanted.set(dir, (name) => name === null || !_skip(join(dir, name), name, ignore))
      }
    for (const [dir, entry] of watched) {
      if (!wanted.has(dir)) {
        entry.watcher.close()
        watched.delete(dir)
      }
    }
    for (const [dir, accepts] of wanted) {
      const ino = await _inode(dir)
      const entry = watched.get(dir)
      if (entry && entry.ino === ino) continue
      entry?.watcher.close()
      watched.delete(dir)
      if (ino === undefined || closed) continue
      try {
        const watcher = watch(dir, (_event, name) => {
          if (accepts(name === null ? null : name.toString())) scheduler.notify()
        })
        // The folder was removed: the next sync drops or renews the watch; the preview goes on.
        watcher.on('error', () => {
          watcher.close()
          if (watched.get(dir)?.watcher === watcher) watched.delete(dir)
          scheduler.notify()
        })
        watched.set(dir, { watcher, ino })
      } catch {
        // Gone between stat and watch: the event that removed it already asked for a rebuild.
      }
    }
  }

  const scheduler = createRebuildScheduler(async () => {
    await sync()
    await onChange()
  })
  await sync()
  return {
    async close() {
      closed = true
      await scheduler.close()
      for (const entry of watched.values()) entry.watcher.close()
      watched.clear()
    },
  }
}

/** `root` and every folder below it that is not skipped; nothing when `root` is gone. */
async function _folders(root: string, ignore: (path: string) => boolean): Promise<string[]> {
  const found: string[] = []
  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch {
      return
    }
    found.push(dir)
    for (const entry of entries) {
      const path = join(dir, entry.name)
      if (entry.isDirectory() && !_skip(path, entry.name, ignore)) await visit(path)
    }
  }
  if (!ignore(root)) await visit(root)
  return found
}

async function _inode(dir: string): Promise<number | undefined> {
  try {
    const stats = await stat(dir)
    return stats.isDirectory() ? stats.ino : undefined
  } catch {
    return undefined
  }
}

function _skip(path: string, name: string, ignore: (path: string) => boolean): boolean {
  return name.startsWith('.') || name === 'node_modules' || ignore(path)
}
