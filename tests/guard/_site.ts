import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from '../cli/_scenario.js'
import { copyFixture } from '../helpers/fixture.js'

/** The old feeds of other generators, in tests/fixtures/guard/old/. */
export const OLD_FEEDS = fileURLToPath(new URL('../fixtures/guard/old/', import.meta.url))

/** "now" for every guarded build: after the newest fixture article, whatever the clock says. */
export const NOW = ['--now', '2024-12-01T00:00:00Z', '--no-cache']

/** A temp copy of tests/fixtures/guard/site (four articles, siteUrl https://blog.beispiel.de/). */
export async function copySite(): Promise<string> {
  return copyFixture('guard/site')
}

/** Runs kanal in `dir` with the fixed "now" and no cache. */
export function kanal(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return run([...args, ...NOW], dir, env)
}

/** The site's config with `changes` merged in. */
export async function changeConfig(dir: string, changes: Record<string, unknown>): Promise<void> {
  const file = path.join(dir, 'kanal.config.json')
  const config = JSON.parse(await readFile(file, 'utf8'))
  await writeFile(file, JSON.stringify({ ...config, ...changes }, null, 2))
}

/** Replaces text in a content file. */
export async function editArticle(dir: string, file: string, from: string, to: string): Promise<void> {
  const place = path.join(dir, 'content', file)
  const text = await readFile(place, 'utf8')
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`)
  await writeFile(place, text.replace(from, to))
}
