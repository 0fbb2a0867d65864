import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { readFeed } from '../../src/index.js'
import { OLD_FEEDS } from './_site.js'

const old = (file: string) => readFile(path.join(OLD_FEEDS, file), 'utf8')

describe('readFeed', () => {
  it('should read a jekyll-feed Atom feed, its html titles as text', async () => {
    const feed = readFeed(await old('jekyll-feed.xml'), 'feed.xml')
    expect(feed.format).toBe('atom')
    expect(feed.items).toHaveLength(4)
    expect(feed.items[1]).toEqual({
      id: 'https://blog.beispiel.de/2024/11/02/herbst-und-winter/',
      link: 'https://blog.beispiel.de/2024/11/02/herbst-und-winter/',
      title: 'Herbst & Winter',
      published: new Date('2024-11-02T08:00:00Z'),
      updated: new Date('2024-11-02T08:00:00Z'),
      content: '<p>Es wird kalt.</p>',
    })
  })

  it('should read WordPress RSS: the guid is the id, content:encoded the content', async () => {
    const feed = readFeed(await old('wordpress.xml'), 'wp.xml')
    expect(feed.format).toBe('rss')
    expect(feed.items[2]).toEqual({
      id: 'http://blog.beispiel.de/?p=123',
      link: 'http://blog.beispiel.de/2024/10/25/wahlabend-in-erfurt/',
      title: 'Wahlabend in Erfurt – „Ein knappes Rennen“',
      published: new Date('2024-10-25T18:15:00Z'),
      content: '<p>Die Stimmen sind ausgezählt.</p>',
    })
  })

  it('should take the link as the id of an RSS item without guid', () => {
    const rss =
      '<rss version="2.0"><channel><title>t</title><item><title>A</title><link>https://x.de/a/</link></item></channel></rss>'
    expect(readFeed(rss, 'x.xml').items).toEqual([
      { id: 'https://x.de/a/', link: 'https://x.de/a/', title: 'A' },
    ])
  })

  it('should read a JSON Feed', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 't',
      items: [
        {
          id: 42,
          url: 'https://x.de/a/',
          title: 'A',
          date_published: '2024-10-01T10:00:00+02:00',
          content_html: '<p>x</p>',
        },
      ],
    })
    expect(readFeed(json, 'feed.json')).toEqual({
      source: 'feed.json',
      format: 'json',
      items: [
        {
          id: '42',
          link: 'https://x.de/a/',
          title: 'A',
          published: new Date('2024-10-01T08:00:00Z'),
          content: '<p>x</p>',
        },
      ],
    })
  })

  it('should throw a UsageError naming the source when it is no feed', () => {
    expect(() => readFeed('<html/>', 'page.html')).toThrow(
      new UsageError('page.html: not a feed: the root element is <html>, not <rss> or <feed>'),
    )
    expect(() => readFeed('{"a":1}', 'x.json')).toThrow(
      /^x\.json: not a feed: JSON without a JSON Feed "version"$/,
    )
    expect(() => readFeed('<rss><channel>', 'broken.xml')).toThrow(
      /^broken\.xml: not a feed: the XML does not parse/,
    )
  })

  it('should throw when two items share one id, or an item has none', () => {
    const entry = (title: string) => `<entry><id>urn:x</id><title>${title}</title></entry>`
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom">${entry('A')}${entry('B')}</feed>`
    expect(() => readFeed(atom, 'a.xml')).toThrow('a.xml: two items share the id "urn:x" ("A" and "B")')
    expect(() =>
      readFeed('<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title></entry></feed>', 'b.xml'),
    ).toThrow('b.xml: entry 1 has no <id>; it cannot be compared')
  })
})
