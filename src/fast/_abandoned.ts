import { readdirSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { isRunning } from '../process.js'

/**
 * Removes index files that builds killed while writing them left behind (`articles.ndjson.<pid>-<n>.tmp`),
 * not those of builds still running.
 */
export function removeAbandoned(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = _ABANDONED.exec(name)?.[1]
    if (pid !== undefined && !isRunning(Number(pid))) _ignoreMissing(() => unlinkSync(path.join(dir, name)))
  }
}

const _ABANDONED = /^articles\.ndjson\.(\d+)-\d+\.tmp$/

function _ignoreMissing(work: () => void): void {
  try {
    work()
  } catch {
    // already gone
  }
}
