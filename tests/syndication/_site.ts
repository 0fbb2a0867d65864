import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { type BuildResult, build } from '../../src/build.js'
import { copyFixture, FIXED_NOW } from '../helpers/fixture.js'

/** A temp copy of a scenario fixture, built into its `dist/`. */
export interface Site {
  /** The copy (the build's `cwd`). */
  dir: string
  result: BuildResult
  /** Reads an output file below `dist/` as UTF-8. */
  read: (file: string) => Promise<string>
}

/** Merges `patch` into the `kanal.config.json` of a project folder. */
export async function patchConfig(dir: string, patch: Record<string, unknown>): Promise<void> {
  const file = path.join(dir, 'kanal.config.json')
  const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  await writeFile(file, `${JSON.stringify({ ...config, ...patch }, null, 2)}\n`)
}

/** Copies `tests/fixtures/<fixture>/`, merges `config` into its config and builds it without a cache. */
export async function buildSite(fixture: string, config: Record<string, unknown> = {}): Promise<Site> {
  const dir = await copyFixture(fixture)
  await patchConfig(dir, config)
  return { dir, result: await rebuild(dir), read: readerFor(dir) }
}

/** Builds a project folder again (same `now`, no cache) into its `dist/`. */
export function rebuild(dir: string): Promise<BuildResult> {
  return build({ cwd: dir, now: FIXED_NOW, cache: false })
}

/** Reads files below `<dir>/dist/`. */
export function readerFor(dir: string): (file: string) => Promise<string> {
  return (file) => readFile(path.join(dir, 'dist', file), 'utf8')
}
