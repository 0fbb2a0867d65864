import { describe, expect, it } from 'vitest'
import { DuplicateCheck } from '../../src/content/_unique.js'
import type { Article } from '../../src/content/article.js'

/** A valid article from `file` with the given slug; id and URL follow from the slug unless given. */
function article(file: string, slug: string, extra: Partial<Article> = {}): Article {
  const date = new Date('2024-10-25T08:00:00Z')
  return {
    source: {
      file,
      path: `/nicht/gelesen/${file}`,
      relative: file.replace(/^content\//, ''),
      frontMatterLine: 2,
      bodyOffset: 0,
      bodyLine: 6,
      size: 0,
      mtimeMs: 0,
    },
    slug,
    title: `Artikel ${slug}`,
    date,
    updated: date,
    categories: [],
    tags: [],
    url: `https://www.testblatt.de/${slug}/`,
    id: `tag:testblatt.de,2024-10-25:${slug}`,
    draft: false,
    ...extra,
  }
}

describe('DuplicateCheck.add', () => {
  it('should accept every article when slugs, ids and urls all differ', () => {
    const check = new DuplicateCheck()

    const value = ['wahl', 'derby', 'museumsnacht'].map((slug) =>
      check.add(article(`content/${slug}.md`, slug)),
    )

    expect(value).toEqual([undefined, undefined, undefined])
  })

  it('should accept a slug used twice when the urls and ids differ (dated permalinks)', () => {
    const check = new DuplicateCheck()
    check.add(
      article('content/2019-03-28-firmware-update.md', 'firmware-update', {
        url: 'https://www.testblatt.de/2019/03/28/firmware-update/',
        id: 'tag:testblatt.de,2019-03-28:firmware-update',
      }),
    )

    const value = check.add(
      article('content/2021-06-02-firmware-update.md', 'firmware-update', {
        url: 'https://www.testblatt.de/2021/06/02/firmware-update/',
        id: 'tag:testblatt.de,2021-06-02:firmware-update',
      }),
    )

    expect(value).toBeUndefined()
  })

  it('should name both files with the lines of their slug keys when a url made from one slug repeats', () => {
    const check = new DuplicateCheck()
    check.add(article('content/2024/wahl.md', 'wahl', { keyLines: { slug: 4, id: 4, url: 4 } }))

    const value = check.add(article('content/2025/wahl.md', 'wahl', { keyLines: { slug: 5, id: 5, url: 5 } }))

    expect(value?.location).toEqual({ file: 'content/2025/wahl.md', line: 5 })
    expect(value?.message).toBe(
      'content/2025/wahl.md:5: url "https://www.testblatt.de/wahl/" is already used by content/2024/wahl.md:4: give one of them its own url or slug',
    )
  })

  it('should name only the files when the articles carry no key lines', () => {
    const check = new DuplicateCheck()
    check.add(article('content/a/wahl.md', 'wahl'))

    const value = check.add(article('content/b/wahl.md', 'wahl'))

    expect(value?.location).toEqual({ file: 'content/b/wahl.md' })
    expect(value?.message).toBe(
      'content/b/wahl.md: url "https://www.testblatt.de/wahl/" is already used by content/a/wahl.md: give one of them its own url or slug',
    )
  })

  it('should report the id with both id lines when two articles with different slugs share an id', () => {
    const check = new DuplicateCheck()
    const id = 'urn:uuid:7d444840-9dc0-11d1-b245-5ffdce74fad2'
    check.add(article('content/wahl.md', 'wahl', { id, keyLines: { slug: 2, id: 6, url: 2 } }))

    const value = check.add(
      article('content/derby.md', 'derby', { id, keyLines: { slug: 2, id: 7, url: 2 } }),
    )

    expect(value?.message).toBe(
      `content/derby.md:7: id "${id}" is already used by content/wahl.md:6: give one of them its own id`,
    )
  })

  it('should ask for its own url or slug when two articles with different slugs and ids share a url', () => {
    const check = new DuplicateCheck()
    const url = 'https://www.testblatt.de/wahl/'
    check.add(article('content/wahl.md', 'wahl', { url, keyLines: { slug: 2, id: 2, url: 5 } }))

    const value = check.add(
      article('content/wahl-2.md', 'wahl-2', { url, keyLines: { slug: 2, id: 2, url: 3 } }),
    )

    expect(value?.message).toBe(
      `content/wahl-2.md:3: url "${url}" is already used by content/wahl.md:5: give one of them its own url or slug`,
    )
  })

  it('should report only the url when an article shares slug, id and url with an earlier one', () => {
    const check = new DuplicateCheck()
    check.add(article('content/a.md', 'wahl'))

    const value = check.add(article('content/b.md', 'wahl'))

    expect(value?.reason).toMatch(/^url "https:\/\/www\.testblatt\.de\/wahl\/" /)
  })

  it('should keep the first claim when a third article takes the same url', () => {
    const check = new DuplicateCheck()
    check.add(article('content/a.md', 'wahl', { keyLines: { url: 3 } }))
    check.add(article('content/b.md', 'wahl', { keyLines: { url: 4 } }))

    const value = check.add(article('content/c.md', 'wahl', { keyLines: { url: 5 } }))

    expect(value?.message).toBe(
      'content/c.md:5: url "https://www.testblatt.de/wahl/" is already used by content/a.md:3: give one of them its own url or slug',
    )
  })

  it('should not call it a clash when the slug of one article is the same text as the id of another', () => {
    const check = new DuplicateCheck()
    check.add(article('content/a.md', 'wahl', { id: 'urn:x:wahl' }))

    const value = check.add(article('content/b.md', 'urn:x:wahl', { id: 'urn:x:andere' }))

    expect(value).toBeUndefined()
  })
})
