import { describe, expect, it } from 'vitest'
import { toRequestPath } from '../../src/serve/_request-path.js'

describe('toRequestPath', () => {
  it.each([
    ['/', []],
    ['/rss.xml', ['rss.xml']],
    ['/politik/', ['politik']],
    ['/politik//./rss.xml?x=1#y', ['politik', 'rss.xml']],
    ['/M%C3%A4rz%20Ausgabe.html', ['März Ausgabe.html']],
  ])('should split %j into %j when it stays inside the folder', (value, expected) => {
    expect(toRequestPath(value)).toEqual({ ok: true, segments: expected })
  })

  it.each([
    '/../geheim.txt',
    '/politik/../../geheim.txt',
    '/%2e%2e/geheim.txt',
    '/%2E%2E%2Fgeheim.txt',
    '/..%2fgeheim.txt',
    '/..%5cgeheim.txt',
    '/rss.xml%00.html',
  ])('should refuse %j with 403 when it tries to leave the folder', (value) => {
    expect(toRequestPath(value)).toEqual({ ok: false, status: 403 })
  })

  it('should answer 404 when a segment is hidden', () => {
    expect(toRequestPath('/.kanal-cache/index.json')).toEqual({ ok: false, status: 404 })
  })

  it.each(['/%E0%A4%A', 'http://example.de/rss.xml', '*'])('should answer 400 for %j', (value) => {
    expect(toRequestPath(value)).toEqual({ ok: false, status: 400 })
  })
})
