import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import type { Article } from '../../src/content/article.js'
import { contentFiles, loadArticles } from '../../src/content/load.js'
import { type ArticleReader, readArticle, readEach } from '../../src/content/read-article.js'
import { makeTempDir, removeTempDirs } from '../helpers/fixture.js'

const config = parseConfig({ title: 'Blatt', siteUrl: 'https://blatt.example.de/' }, 'kanal.config.json')

function article(title: string, date: string, extra = ''): string {
  return `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\nText über ${title}.\n`
}

let cwd: string
const files = ['a.md', 'b.md', 'kaputt.md', 'sub/c.md', 'zwilling.md']

beforeAll(async () => {
  cwd = await makeTempDir()
  await mkdir(path.join(cwd, 'content/sub'), { recursive: true })
  const write = (name: string, text: string) => writeFile(path.join(cwd, 'content', name), text)
  await write('a.md', article('Alpha', '25.10.2024'))
  await write('b.md', article('Beta', '2024-10-26', 'slug: beta\n'))
  await write('kaputt.md', '---\ntitle: Kaputt\ndate: 32.10.2024\n---\n\nText.\n')
  await write('sub/c.md', article('Gamma', '27. Oktober 2024'))
  await write('zwilling.md', article('Zwilling', '28.10.2024', 'slug: beta\n'))
})

afterAll(removeTempDirs)

function input(reader?: ArticleReader) {
  return { contentDir: path.join(cwd, 'content'), files, config, cwd, reader }
}

describe('loadArticles', () => {
  it('should hand every valid article on in file order, with every problem', async () => {
    const accepted: Article[] = []
    const value = await loadArticles(input(), (item) => accepted.push(item))
    expect(accepted.map((item) => item.source.file)).toEqual([
      'content/a.md',
      'content/b.md',
      'content/sub/c.md',
      'content/zwilling.md',
    ])
    expect(value.count).toBe(5)
    expect(value.errors.map((error) => error.message)).toEqual([
      'content/kaputt.md:3:7: "date": "32.10.2024" is not a date: October has 31 days. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00',
      'content/zwilling.md:4: url "https://blatt.example.de/beta/" is already used by content/b.md:4: give one of them its own url or slug',
    ])
  })

  it('should keep file order when a reader finds the files in another order', async () => {
    const backwards: ArticleReader = async (list, settings, found) => {
      for (let index = list.count - 1; index >= 0; index--)
        found(index, readArticle(list.at(index), settings))
    }
    const accepted: string[] = []
    const value = await loadArticles(input(backwards), (item) => accepted.push(item.source.relative))
    expect(accepted).toEqual(['a.md', 'b.md', 'sub/c.md', 'zwilling.md'])
    // The first in file order claims the slug, whichever the reader finished first.
    expect(value.errors.at(-1)?.message).toMatch(/^content\/zwilling\.md:.*already used by content\/b\.md/)
  })

  it('should give the same outcome with the plain reader given explicitly', async () => {
    const implicit = await loadArticles(input(), () => {})
    const explicit = await loadArticles(input(readEach), () => {})
    expect(explicit.errors.map((error) => error.message)).toEqual(
      implicit.errors.map((error) => error.message),
    )
  })

  it('should report progress with the English stage name', async () => {
    const calls: [string, number, number][] = []
    await loadArticles({ ...input(), onProgress: (...call) => calls.push(call) }, () => {})
    expect(calls).toEqual([['read', 0, 5]])
  })
})

describe('contentFiles', () => {
  it('should name each file for messages relative to the working directory, and for reading absolutely', () => {
    const value = contentFiles(path.join(cwd, 'content'), cwd, files).at(3)
    expect(value).toEqual({
      path: path.join(cwd, 'content', 'sub', 'c.md'),
      file: 'content/sub/c.md',
      relative: 'sub/c.md',
    })
  })

  it('should name files by their relative path when the content folder is the working directory', () => {
    const value = contentFiles(path.join(cwd, 'content'), path.join(cwd, 'content'), files).at(0)
    expect(value.file).toBe('a.md')
  })
})
