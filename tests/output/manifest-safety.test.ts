import { createHash } from 'node:crypto'
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { CONFIG, cleanup, makeScenario, run } from '../cli/_scenario.js'

const ARTICLE = '---\ntitle: Wahlabend\ndate: 2024-10-25\n---\n\nText.\n'
const VICTIM = 'nicht von kanal\n'
const sha = (text: string) => createHash('sha256').update(text).digest('hex')

/** Puts `entries` (path → hash) into the manifest of `dist/`, as a hostile pull request could. */
async function plant(dir: string, entries: Record<string, string>): Promise<void> {
  const file = path.join(dir, 'site/dist/.kanal-manifest.json')
  const manifest = JSON.parse(await readFile(file, 'utf8'))
  Object.assign(manifest.files, entries)
  await writeFile(file, JSON.stringify(manifest))
}

describe('the output manifest', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({
      'site/kanal.config.json': CONFIG,
      'site/content/wahl.md': ARTICLE,
      'victim.txt': VICTIM,
      'elsewhere/file.txt': VICTIM,
    })
    expect((await run(['build', '--no-cache'], path.join(dir, 'site'))).code).toBe(0)
  })
  afterEach(() => cleanup(dir))

  const victimStays = async () => {
    expect(await readFile(path.join(dir, 'victim.txt'), 'utf8')).toBe(VICTIM)
    expect(await readFile(path.join(dir, 'elsewhere/file.txt'), 'utf8')).toBe(VICTIM)
  }

  it.each([
    ['a path with ..', '../../victim.txt'],
    ['an absolute path', 'ABSOLUTE'],
    ['backslashes', '..\\..\\victim.txt'],
    ['a dot segment', './../../victim.txt'],
  ])('should never delete a file outside the output folder when an entry has %s', async (_, entry) => {
    const value = entry === 'ABSOLUTE' ? path.join(dir, 'victim.txt') : entry
    await plant(dir, { [value]: sha(VICTIM) })
    const result = await run(['build', '--no-cache'], path.join(dir, 'site'))
    expect(result.code).toBe(0)
    expect(result.stderr).toContain('.kanal-manifest.json: warning: lists a path outside the output folder')
    await victimStays()
    // The foreign entry is not carried over: the next build is quiet.
    const again = await run(['build', '--no-cache'], path.join(dir, 'site'))
    expect(again.stderr).not.toContain('outside the output folder')
  })

  it('should not delete through a symlinked folder inside the output folder', async () => {
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'site/dist/link'))
    await plant(dir, { 'link/file.txt': sha(VICTIM) })
    expect((await run(['build', '--no-cache'], path.join(dir, 'site'))).code).toBe(0)
    await victimStays()
  })

  it('should leave a symlink alone (link and target) although its target has the recorded hash', async () => {
    await symlink(path.join(dir, 'victim.txt'), path.join(dir, 'site/dist/alt.xml'))
    await plant(dir, { 'alt.xml': sha(VICTIM) })
    expect((await run(['build', '--no-cache'], path.join(dir, 'site'))).code).toBe(0)
    expect((await lstat(path.join(dir, 'site/dist/alt.xml'))).isSymbolicLink()).toBe(true)
    await victimStays()
  })

  it('should refuse to write through a symlink at an output path (exit 2), changing nothing', async () => {
    await writeFile(path.join(dir, 'site/dist/rss.xml.target'), 'x')
    const rss = path.join(dir, 'site/dist/rss.xml')
    await cleanup(rss)
    await symlink(path.join(dir, 'victim.txt'), rss)
    await writeFile(path.join(dir, 'site/content/wahl.md'), ARTICLE.replace('Text.', 'Neu.'))
    const result = await run(['build', '--no-cache'], path.join(dir, 'site'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('rss.xml: is a symbolic link')
    await victimStays()
  })

  it('should refuse to write into a symlinked category folder (exit 2)', async () => {
    await cleanup(path.join(dir, 'site/dist/kategorie'))
    await writeFile(
      path.join(dir, 'site/content/wahl.md'),
      ARTICLE.replace('---\n\n', 'category: Politik\n---\n\n'),
    )
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'site/dist/kategorie'))
    const result = await run(['build', '--no-cache'], path.join(dir, 'site'))
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('symbolic link')
    await victimStays()
  })

  it('should report a foreign entry to library users as a warning, touching nothing', async () => {
    await plant(dir, { '../../victim.txt': sha(VICTIM) })
    const result = await build({ cwd: path.join(dir, 'site'), cache: false })
    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.location.file)).toEqual(['dist/.kanal-manifest.json'])
    await victimStays()
  })
})

describe('the output folder', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/wahl.md': ARTICLE })
  })
  afterEach(() => cleanup(dir))

  it.each([
    ['the content folder', 'content', 'is the content folder'],
    ['a folder containing the content folder', '.', 'contains the content folder'],
    ['the parent of the content folder', '..', 'contains the content folder'],
  ])('should refuse --out that is %s (exit 2)', async (_, out, expected) => {
    const result = await run(['build', '--no-cache', '--out', out], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(expected)
  })

  it('should refuse --out that is the folder holding the config file (exit 2)', async () => {
    await mkdir(path.join(dir, 'conf'))
    await writeFile(path.join(dir, 'conf/kanal.config.json'), CONFIG)
    const result = await run(
      ['build', '--no-cache', '--config', 'conf/kanal.config.json', '--out', 'conf'],
      dir,
    )
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is the folder that holds kanal.config.json')
  })

  it('should refuse the same through the library (UsageError)', async () => {
    await expect(build({ cwd: dir, out: 'content', cache: false })).rejects.toThrow('is the content folder')
  })
})
