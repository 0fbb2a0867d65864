import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { buildFixture, copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'
import { readWithFeedParser, readWithFeedsmith } from '../helpers/readers.js'

afterAll(removeTempDirs)

describe('DuplicateCheck in a build (issue 23, item 1)', () => {
  it('should build two articles with one slug when a dated permalink makes their urls differ', async () => {
    const { result, read } = await buildFixture('losses/dated-slugs', { cache: false })

    expect(result.errors.map((error) => error.message)).toEqual([])
    expect(result.ok).toBe(true)
    const links = [
      'https://funknetz.example.de/2021/06/02/firmware-update/',
      'https://funknetz.example.de/2019/03/28/firmware-update/',
    ]
    expect((await readWithFeedsmith(read('rss.xml'), 'rss')).items.map((item) => item.link)).toEqual(links)
    expect((await readWithFeedParser(read('atom.xml'))).items.map((item) => item.link)).toEqual(links)
  })

  it('should still fail, at the slug lines of both files, when the same day makes the urls equal', async () => {
    const dir = await copyFixture('losses/dated-slugs')
    await writeFile(
      path.join(dir, 'content/2021/2019-03-28-zweimal.md'),
      '---\ntitle: Am selben Tag\ndate: 2019-03-28 21:00\nslug: firmware-update\n---\n\nText.\n',
    )

    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })

    expect(result.ok).toBe(false)
    expect(result.errors.map((error) => error.message)).toEqual([
      'content/2021/2019-03-28-zweimal.md:4: url "https://funknetz.example.de/2019/03/28/firmware-update/" is already used by content/2019/2019-03-28-firmware-update.md:4: give one of them its own url or slug',
    ])
  })
})
