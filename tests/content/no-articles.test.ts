import { readFileSync } from 'node:fs'
import { rename } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../cli/_scenario.js'
import { copyFixture, removeTempDirs } from '../helpers/fixture.js'
import { type FeedFormat, readersFor } from '../helpers/readers.js'

afterAll(removeTempDirs)

const NONE =
  'content: warning: no article found: kanal did not read 4 files with another extension (among them .mkdn), 1 file hidden (a name or folder starting with "."); kanal reads .md, .markdown, .mdown, .mkd and .mdx files whose name and folders do not start with "." (rename them to .md). The feeds are written without items, and some feed readers reject an empty feed'

describe('findArticles in a build (issue 23, items 5 and 7)', () => {
  it('should warn once, counting what it did not read and why, when it finds no article', async () => {
    const dir = await copyFixture('losses/no-articles')

    const value = await run(['build', '--no-cache'], dir)

    expect(value.code).toBe(0)
    expect(value.stderr.split('\n').filter((line) => line.includes(': warning: '))).toEqual([NONE])
    // The empty feeds kanal writes are read by every reader library the tests have.
    const files: [string, FeedFormat][] = [
      ['rss.xml', 'rss'],
      ['atom.xml', 'atom'],
      ['feed.json', 'json'],
    ]
    for (const [file, format] of files) {
      const text = readFileSync(path.join(dir, 'dist', file), 'utf8')
      for (const reader of readersFor(format)) {
        const feed = await reader.read(text)
        expect([reader.name, feed.title, feed.items]).toEqual([reader.name, 'Netzwerk', []])
      }
    }
  })

  it('should fail with --strict when it finds no article', async () => {
    const dir = await copyFixture('losses/no-articles')

    const value = await run(['build', '--strict', '--no-cache'], dir)

    expect(value.code).toBe(1)
    expect(value.stderr).toContain('no article found')
  })

  it('should warn about skipped Markdown-like files beside articles, but not about images', async () => {
    const dir = await copyFixture('losses/no-articles')
    const posts = path.join(dir, 'content/_posts')
    await rename(path.join(posts, '2019-03-28-firmware-update.mkdn'), path.join(posts, 'firmware.md'))

    const some = await run(['build', '--no-cache'], dir)
    await rename(path.join(posts, '2019-04-02-treffen.mkdn'), path.join(posts, 'treffen.md'))
    await rename(path.join(posts, '2020-01-15-jahresbericht.mkdn'), path.join(posts, 'bericht.md'))
    const none = await run(['build', '--no-cache'], dir)

    expect(some.stderr).toContain(
      'content: warning: kanal did not read 3 files with another extension (among them .mkdn), 1 file hidden',
    )
    // What is left: the image and the hidden draft, which is a .md file in a hidden folder.
    expect(none.stderr).toContain(
      'content: warning: kanal did not read 1 file with another extension, 1 file hidden',
    )
  })
})
