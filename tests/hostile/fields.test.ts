import { afterAll, describe, expect, it } from 'vitest'
import { toArticle } from '../../src/content/_to-article.js'
import { loadArticles } from '../../src/content/load.js'
import type { ArticleReader } from '../../src/content/read-article.js'
import type { KeyPosition, SourceFile } from '../../src/content/source.js'
import { ContentError } from '../../src/errors.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { article, buildSite } from './_site.js'

afterAll(removeTempDirs)

describe('toArticle on hostile front matter', () => {
  it('should report url and image errors together with id and slug errors when all four are wrong', async () => {
    const lines = [
      'title: Wahl',
      'date: 2024-10-25',
      'id: kein uri',
      'slug: Groß Und Klein',
      'url: "javascript:alert(1)"',
      'image: "data:image/png;base64,AAAA"',
    ]
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    const value = built.result.errors.map((error) => `${error.location.line}: ${error.reason.split(' ')[0]}`)
    expect(value).toEqual(['4: "id"', '5: "slug"', '6: "url"', '7: "image"'])
  })

  it('should report a wrong image with a wrong date when the article URL cannot be made', async () => {
    const lines = ['title: Wahl', 'date: gestern', 'image: "javascript:x"']
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    expect(built.result.errors.map((error) => error.location.line)).toEqual([3, 4])
  })

  it.each([
    ['title', 'title: "Rechnung\u202Efdp.exe"', 2, 'U+202E (right-to-left override) at character 9'],
    ['summary', 'summary: "a\u2067b"', 4, 'U+2067 (right-to-left isolate) at character 2'],
    ['category', 'category: "x\u202Dy"', 4, 'U+202D (left-to-right override) at character 2'],
    ['author', 'author: "Anna\u202B Schmidt"', 4, 'U+202B (right-to-left embedding) at character 5'],
  ])('should warn at file:line:column when "%s" holds a bidi control', async (key, line, number, named) => {
    const lines = key === 'title' ? [line, 'date: 2024-10-25'] : ['title: Wahl', 'date: 2024-10-25', line]
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    expect(built.result.errors).toEqual([])
    expect(built.result.warnings).toHaveLength(1)
    const [warning] = built.result.warnings
    expect(warning?.location).toEqual({ file: 'content/wahl.md', line: number, column: key.length + 3 })
    expect(warning?.reason).toContain(`"${key}" contains ${named}, a bidirectional control`)
  })

  it('should not warn when a title holds only the marks U+200E and U+200F of mixed-script text', async () => {
    const built = await buildSite({
      'content/wahl.md': article(['title: "שלום\u200F Erfurt"', 'date: 2024-10-25']),
    })

    expect(built.result.warnings).toEqual([])
  })

  it('should look each key up a bounded number of times when there are 5,000 unknown keys', () => {
    const count = 5_000
    const data: Record<string, unknown> = { title: 'Wahl', date: '2024-10-25' }
    const entries: KeyPosition[] = [
      ['title', 2, 8],
      ['date', 3, 7],
    ]
    for (let index = 0; index < count; index++) {
      data[`k${index}`] = 'v'
      entries.push([`k${index}`, index + 4, 5])
    }
    let reads = 0
    const positions = new Proxy(entries, {
      get(target, property, receiver) {
        reads++
        return Reflect.get(target, property, receiver)
      },
    })
    const source = { file: 'content/wahl.md', relative: 'wahl.md', frontMatterLine: 2 } as SourceFile
    const config = { siteUrl: 'https://pruefblatt.de/', timeZone: 'Europe/Berlin', permalink: '/:slug/' }
    const value = toArticle(source, { data, positions }, config as never)

    expect(value.warnings).toHaveLength(count)
    expect(value.warnings.at(-1)?.location.line).toBe(count + 3)
    // Reading the positions once is a few reads per key; a search per warning would be 12 million.
    expect(reads).toBeLessThan(10 * count)
  })

  it('should keep every warning when one file has 200,000 of them', async () => {
    const warning = new ContentError({ file: 'content/wahl.md', line: 4, column: 5 }, 'unknown key')
    const reader: ArticleReader = async (_files, _config, found) => {
      found(0, { errors: [], warnings: Array(200_000).fill(warning) })
    }
    const input = { contentDir: '/x', files: ['wahl.md'], config: {} as never, cwd: '/x', reader }
    const value = await loadArticles(input, () => {})

    expect(value.warnings).toHaveLength(200_000)
  })
})
