import { rm } from 'node:fs/promises'
import path from 'node:path'
import { expect } from 'vitest'
import { build } from '../../src/build.js'
import type { BuildResult } from '../../src/index.js'
import { snapshotFolder } from '../cli/_scenario.js'

/** What a build reports besides its files: problems by place and reason (not the class), held-back articles. */
export function seen(result: BuildResult) {
  const located = (list: { location: unknown; reason: string }[]) =>
    list.map((item) => ({ location: item.location, reason: item.reason }))
  return {
    ok: result.ok,
    warnings: located(result.warnings),
    notes: located(result.notes),
    heldBack: result.heldBack,
    articles: result.articles,
  }
}

/**
 * Expects `cached` (a build of `dir` into `out/` with the cache) to report and write what a build of
 * `dir` at `now` without any cache does (built into `fresh/`).
 */
export async function expectAsWithoutCache(dir: string, cached: BuildResult, now: Date): Promise<void> {
  await rm(path.join(dir, 'fresh'), { recursive: true, force: true })
  const fresh = await build({ cwd: dir, now, out: 'fresh', cache: false })
  expect(seen(cached)).toEqual(seen(fresh))
  expect(await snapshotFolder(path.join(dir, 'out'))).toEqual(await snapshotFolder(path.join(dir, 'fresh')))
}
