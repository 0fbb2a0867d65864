import path from 'node:path'
import type { BuildOptions, BuildResult } from '../build.js'
import { nowFromEnvironment } from '../build.js'
import { buildAndReport } from './_build-run.js'
import { toEnvironmentError } from './_file-system.js'
import { safeLines } from './_printable.js'
import type { Io } from './_report.js'

/** What `serve` and `build --watch` watch: the content folder and the config file. */
export function watchedSources(options: BuildOptions, cwd: string): { dir: string; files: string[] } {
  return {
    dir: path.resolve(cwd, options.content ?? 'content'),
    files: [path.resolve(cwd, options.config ?? 'kanal.config.json')],
  }
}

/** The problems a failed build shows in the browser: `file:line:column: message` each. */
export function problemsOf(result: BuildResult, strict: boolean): string[] {
  if (result.ok) return []
  return [...result.errors, ...(strict ? result.warnings : [])].map((problem) => problem.message)
}

/**
 * One rebuild of the watch loop: reported as text like a build, with "now" moving on unless
 * `--now` fixed it. A config or usage error does not end the loop: it is printed and returned.
 */
export async function rebuild(options: BuildOptions, fixedNow: boolean, io: Io): Promise<string[]> {
  const again = fixedNow ? options : { ...options, now: nowFromEnvironment(io.env) }
  try {
    return problemsOf(await buildAndReport(again, io, 'build', 'text'), options.strict ?? false)
  } catch (thrown) {
    // A file-system refusal (a full disk, no permission) says what and where, as after `kanal build`.
    const error = toEnvironmentError(thrown, again.cwd ?? process.cwd()) ?? thrown
    const message = safeLines((error as Error).message)
    io.stderr(`kanal: rebuild failed: ${message}\n`)
    return [message]
  }
}

/** Resolves on Ctrl+C or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
}
