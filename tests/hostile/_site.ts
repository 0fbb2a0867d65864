import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { build } from '../../src/build.js'
import { type BuiltFixture, FIXED_NOW, makeTempDir } from '../helpers/fixture.js'

/** The config of the one-off sites the hostile tests write. */
export const SITE_CONFIG = { title: 'Prüfblatt', siteUrl: 'https://pruefblatt.de/' }

/**
 * Writes a site into a fresh temp dir (`kanal.config.json` plus `files`, paths relative to the site,
 * contents as text or exact bytes) and builds it with `FIXED_NOW` and no cache.
 * Temp dirs go away with `removeTempDirs`.
 */
export async function buildSite(
  files: Record<string, string | Uint8Array>,
  config: object = SITE_CONFIG,
): Promise<BuiltFixture> {
  const dir = await makeTempDir()
  await writeFile(path.join(dir, 'kanal.config.json'), JSON.stringify(config))
  for (const [name, contents] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), contents)
  }
  const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
  return { dir, result, read: (file) => readFileSync(path.join(dir, 'dist', file), 'utf8') }
}

/** One article file: front matter lines between `---` lines, a blank line, then the body. */
export function article(frontMatter: string[], body = 'Text.'): string {
  return ['---', ...frontMatter, '---', '', body, ''].join('\n')
}
