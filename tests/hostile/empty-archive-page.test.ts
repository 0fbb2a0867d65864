import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { makeTempDir, removeTempDirs } from '../helpers/fixture.js'
import { article } from './_site.js'

afterAll(removeTempDirs)

const CONFIG = { title: 'Prüfblatt', siteUrl: 'https://pruefblatt.de/', archive: true, limit: 2 }

/** A site of four articles (a multiple of `limit`), updated on 1 to 4 November 2024. */
async function writeSite(): Promise<string> {
  const dir = await makeTempDir()
  await writeFile(path.join(dir, 'kanal.config.json'), JSON.stringify(CONFIG))
  await mkdir(path.join(dir, 'content'))
  for (const day of [1, 2, 3, 4]) {
    const lines = [`title: Artikel ${day}`, `date: 2024-10-0${day}`, `updated: 2024-11-0${day} 12:00`]
    await writeFile(path.join(dir, 'content', `a${day}.md`), article(lines))
  }
  return dir
}

describe('archivePages', () => {
  it('should date the empty last page by the page before it when the article count is a multiple of limit', async () => {
    const dir = await writeSite()
    const read = (out: string, file: string) => readFileSync(path.join(dir, out, file), 'utf8')

    const first = await build({ cwd: dir, out: 'eins', now: new Date('2026-01-01T00:00:00Z'), cache: false })
    const second = await build({ cwd: dir, out: 'zwei', now: new Date('2026-06-01T00:00:00Z'), cache: false })

    expect([first.errors, second.errors]).toEqual([[], []])
    for (const file of ['archiv/3/rss.xml', 'archiv/3/atom.xml', 'archiv/3/feed.json']) {
      expect(read('zwei', file), file).toBe(read('eins', file))
    }
    const atom = parseFeed(read('eins', 'archiv/3/atom.xml'))
    if (atom.format !== 'atom') throw new Error(atom.format)
    expect(atom.feed.entries ?? []).toEqual([])
    // Page 2 holds articles 3 and 4; article 4 was updated last, at 12:00 Berlin time.
    expect(atom.feed.updated).toBe('2024-11-04T12:00:00+01:00')
  })
})
