import { describe, expect, it } from 'vitest'
import { serializeAtom } from '../../src/formats/_atom.js'
import { serializeJsonFeed } from '../../src/formats/_json-feed.js'
import { serializeRss } from '../../src/formats/_rss.js'
import type { FeedItem, FeedModel } from '../../src/model.js'

const item = (html: string): FeedItem => ({
  id: 'tag:x.de,2024-10-25:a',
  url: 'https://x.de/a/',
  title: 'A & B',
  summary: 'Kurz',
  html,
  published: new Date('2024-10-24T22:00:00Z'),
  updated: new Date('2024-10-24T22:00:00Z'),
  categories: ['Politik'],
  tags: [],
})

const model = (html: string): FeedModel => ({
  title: 'X',
  description: 'Y',
  language: 'de-DE',
  timeZone: 'Europe/Berlin',
  homeUrl: 'https://x.de/',
  urls: { rss: 'https://x.de/rss.xml', atom: 'https://x.de/atom.xml', json: 'https://x.de/feed.json' },
  updated: new Date('2024-10-24T22:00:00Z'),
  items: [item(html)],
  hubs: [],
})

describe('serializers', () => {
  it('should leave out the content element when the body is empty', () => {
    expect(serializeRss(model(''))).not.toContain('content:encoded>')
    expect(serializeAtom(model(''))).not.toContain('<content')
    expect(JSON.parse(serializeJsonFeed(model(''))).items[0].content_html).toBe('')
  })

  it('should write the content element when the body has HTML', () => {
    expect(serializeRss(model('<p>Text</p>'))).toContain(
      '<content:encoded>&lt;p&gt;Text&lt;/p&gt;</content:encoded>',
    )
    expect(serializeAtom(model('<p>Text</p>'))).toContain(
      '<content type="html">&lt;p&gt;Text&lt;/p&gt;</content>',
    )
  })

  it('should write plain-text titles with hexadecimal references in RSS and Atom', () => {
    expect(serializeRss(model(''))).toContain('<title>A &#x26; B</title>')
    expect(serializeAtom(model(''))).toContain('<title type="text">A &#x26; B</title>')
  })
})
