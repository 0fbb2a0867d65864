import { readdirSync, unlinkSync } from 'node:fs'
import path from 'node:path'

/**
 * Removes index files that builds killed while writing them left behind (`articles.ndjson.<pid>-<n>.tmp`),
 * not those of builds still running.
 */
export function removeAbandoned(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = _ABANDONED.exec(name)?.[1]
    if (pid !== undefined && !_running(Number(pid))) _ignoreMissing(() => unlinkSync(path.join(dir, name)))
  }
}

const _ABANDONED = /^articles\.ndjson\.(\d+)-\d+\.tmp$/

function _running(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function _ignoreMissing(work: () => void): void {
  try {
    work()
  } catch {
    // already gone
  }
}
