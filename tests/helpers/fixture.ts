import { readFileSync } from 'node:fs'
import { cp, mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BuildOptions, type BuildResult, build } from '../../src/build.js'

/** The repository root, found from this file so no machine path is written down. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The "now" every end-to-end build uses, so future articles stay future whatever the clock says. */
export const FIXED_NOW = new Date('2026-01-01T00:00:00Z')

/** A scenario folder copied to a temp dir and built there. */
export interface BuiltFixture {
  /** The temp copy of the fixture (the build's `cwd`). */
  dir: string
  result: BuildResult
  /** Reads an output file as UTF-8; the path is relative to the output folder (`kategorie/politik/rss.xml`). */
  read: (file: string) => string
}

const _created: string[] = []

/** A fresh temp dir (`kanal-e2e-…`), removed again by `removeTempDirs`. */
export async function makeTempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-e2e-'))
  _created.push(dir)
  return dir
}

/** Copies `tests/fixtures/<name>/` into a fresh temp dir and returns that dir. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await makeTempDir()
  await cp(fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url)), dir, { recursive: true })
  return dir
}

/** Copies a fixture and builds it with `FIXED_NOW`; other build options may be given. */
export async function buildFixture(
  name: string,
  options: Omit<BuildOptions, 'cwd'> = {},
): Promise<BuiltFixture> {
  const dir = await copyFixture(name)
  const result = await build({ now: FIXED_NOW, ...options, cwd: dir })
  const out = path.resolve(dir, options.out ?? 'dist')
  return { dir, result, read: (file) => readFileSync(path.join(out, file), 'utf8') }
}

/** Removes every temp dir this test file created (call it in `afterAll`). */
export async function removeTempDirs(): Promise<void> {
  const dirs = _created.splice(0)
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
}
