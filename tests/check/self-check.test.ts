import { describe, expect, it } from 'vitest'
import { checked, selfCheck } from '../../src/check/self-check.js'
import { SelfCheckError, UsageError } from '../../src/errors.js'

const RSS = (item: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://x.de/</link><description>D</description>${item}</channel></rss>`
const ITEM = (guid: string, date = 'Fri, 25 Oct 2024 10:00:00 +0200') =>
  `<item><title>A</title><link>https://x.de/a/</link><guid isPermaLink="false">${guid}</guid><pubDate>${date}</pubDate></item>`

describe('selfCheck', () => {
  it.each([
    [
      'a control character',
      RSS(ITEM('tag:x.de,2024:a')).replace('<title>T', '<title>T\u0001'),
      /not well-formed/,
    ],
    [
      'an unescaped ampersand',
      RSS(ITEM('tag:x.de,2024:a')).replace('<title>T', '<title>T & U'),
      /not well-formed/,
    ],
    ['a German date', RSS(ITEM('tag:x.de,2024:a', 'Fr, 25 Okt 2024 10:00:00 +0200')), /is not a valid date/],
    ['a duplicate guid', RSS(ITEM('tag:x.de,2024:a') + ITEM('tag:x.de,2024:a')), /appears twice/],
    [
      'a relative link',
      RSS(ITEM('tag:x.de,2024:a').replace('https://x.de/a/', '/a/')),
      /not an absolute URL/,
    ],
    [
      'a link with brackets',
      RSS(ITEM('tag:x.de,2024:a').replace('https://x.de/a/', 'https://x.de/a[1]/')),
      /item 1 link: "https:\/\/x.de\/a\[1\]\/" holds characters a URL must percent-encode/,
    ],
    [
      'an enclosure with brackets',
      RSS(
        ITEM('tag:x.de,2024:a').replace(
          '</item>',
          '<enclosure url="https://x.de/b[1].jpg" length="0" type="image/jpeg"/></item>',
        ),
      ),
      /item 1 enclosure: .* must percent-encode/,
    ],
  ])('should stop the build when rss.xml has %s', (_, value, expected) => {
    expect(() => selfCheck({ path: 'rss.xml', contents: value })).toThrow(SelfCheckError)
    expect(() => selfCheck({ path: 'rss.xml', contents: value })).toThrow(expected)
  })

  it('should stop the build when an Atom id or a JSON Feed image holds characters a URI may not', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><id>tag:x.de,2024:f</id><title>T</title><updated>2024-10-25T10:00:00+02:00</updated><entry><id>tag:x.de,2024:a|b</id><title>A</title><updated>2024-10-25T10:00:00+02:00</updated></entry></feed>`
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [
        {
          id: '1',
          url: 'https://x.de/a/',
          image: 'https://x.de/{b}.jpg',
          date_published: '2024-10-25T10:00:00+02:00',
        },
      ],
    })

    expect(() => selfCheck({ path: 'atom.xml', contents: atom })).toThrow(
      /entry 1 id: .* an IRI must percent-encode/,
    )
    expect(() => selfCheck({ path: 'feed.json', contents: json })).toThrow(
      /item 1 image: .* a URL must percent-encode/,
    )
  })

  it('should pass a valid document', () => {
    expect(() => selfCheck({ path: 'rss.xml', contents: RSS(ITEM('tag:x.de,2024:a')) })).not.toThrow()
  })

  it('should reject JSON Feed items without ids and with zone-less dates', () => {
    const value = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'T',
      items: [{ url: 'https://x.de/a/', date_published: '2024-10-25T10:00:00' }],
    })
    expect(() => selfCheck({ path: 'feed.json', contents: value })).toThrow(
      /id is missing[\s\S]*not a valid date/,
    )
  })
})

describe('checked', () => {
  it('should refuse two outputs at one path', () => {
    const value = [
      { path: 'a/rss.xml', contents: RSS('') },
      { path: 'a/rss.xml', contents: RSS('') },
    ]
    expect(() => [...checked(value)]).toThrow(UsageError)
  })
})
