import { describe, expect, it } from 'vitest'
import { mediaTypeFor, mediaTypeForRequest } from '../../src/serve/_media-type.js'

describe('mediaTypeFor', () => {
  it.each([
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['rss-2.xml', 'application/rss+xml; charset=utf-8'],
    ['politik/RSS.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['atom-3.xml', 'application/atom+xml; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
    ['feed-2.json', 'application/feed+json; charset=utf-8'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['feed.xsl', 'text/xml; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['feeds.opml', 'text/x-opml; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['logo.png', 'image/png'],
    ['foto.JPG', 'image/jpeg'],
    ['bild.webp', 'image/webp'],
    ['logo.svg', 'image/svg+xml'],
    ['archiv.zip', 'application/octet-stream'],
    ['LIESMICH', 'application/octet-stream'],
  ])('should answer %j with %j', (value, expected) => {
    expect(mediaTypeFor(value)).toBe(expected)
  })

  it('should look at the file name only when the folder name looks like a feed', () => {
    expect(mediaTypeFor('rss/daten.xml')).toBe('application/xml; charset=utf-8')
  })
})

describe('mediaTypeForRequest', () => {
  const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8'
  it.each([
    ['rss.xml', browser, 'application/xml; charset=utf-8'],
    ['atom.xml', browser, 'application/xml; charset=utf-8'],
    ['feed.json', browser, 'application/feed+json; charset=utf-8'],
    ['rss.xml', 'application/rss+xml, */*;q=0.1', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', undefined, 'application/atom+xml; charset=utf-8'],
    ['rss.xml', '*/*', 'application/rss+xml; charset=utf-8'],
  ])('should send %s as the right type when Accept is %j', (value, accept, expected) => {
    expect(mediaTypeForRequest(value, accept)).toBe(expected)
  })
})
