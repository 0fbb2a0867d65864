import { watch } from 'node:fs'
import { resolve } from 'node:path'
import { createRebuildScheduler } from './_scheduler.js'

/** A running folder watch. */
export interface FolderWatch {
  /** Stops watching; resolves when a rebuild in progress has finished. */
  close(): Promise<void>
}

/**
 * Calls `onChange` (debounced, one at a time) when anything below `dir` changes, except paths for
 * which `ignore` is true and hidden or `node_modules` entries (editor swap files, `.git`).
 */
export function watchFolder(
  dir: string,
  onChange: () => Promise<void>,
  ignore: (path: string) => boolean = () => false,
): FolderWatch {
  const scheduler = createRebuildScheduler(onChange)
  const watcher = watch(dir, { recursive: true }, (_event, fileName) => {
    if (fileName !== null && _skip(resolve(dir, fileName.toString()), fileName.toString(), ignore)) return
    scheduler.notify()
  })
  // A watch error (the folder was removed, too many files) must not crash the preview server.
  watcher.on('error', () => undefined)
  return {
    async close() {
      watcher.close()
      await scheduler.close()
    },
  }
}

function _skip(path: string, relative: string, ignore: (path: string) => boolean): boolean {
  const parts = relative.split(/[/\\]/)
  return ignore(path) || parts.some((part) => part.startsWith('.') || part === 'node_modules')
}
