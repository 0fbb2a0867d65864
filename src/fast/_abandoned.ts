import { readdirSync, rmSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { isRunning } from '../process.js'

/**
 * Removes the files that builds killed while writing them left behind (`articles.ndjson.<pid>-<n>.tmp`,
 * `bodies.pack.<pid>-<n>.tmp`, `selection.json.<pid>.tmp`, `build-stamp.json.<pid>.tmp`), not those of
 * builds still running; and the `html/` folder of one file per body that kanal's caches had before
 * `bodies.pack`.
 */
export function removeAbandoned(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name === 'html') _ignoreMissing(() => rmSync(path.join(dir, name), { recursive: true }))
    const pid = _ABANDONED.exec(name)?.[1]
    if (pid !== undefined && !isRunning(Number(pid))) _ignoreMissing(() => unlinkSync(path.join(dir, name)))
  }
}

const _ABANDONED =
  /^(?:articles\.ndjson|bodies\.pack|selection\.json|build-stamp\.json)\.(\d+)(?:-\d+)?\.tmp$/

function _ignoreMissing(work: () => void): void {
  try {
    work()
  } catch {
    // already gone
  }
}
