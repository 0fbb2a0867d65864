import { describe, expect, it } from 'vitest'
import { toAbsoluteUrl, type UrlBase } from '../../src/render/urls.js'

const base: UrlBase = { articleUrl: 'https://x.de/2024/artikel/', siteUrl: 'https://x.de/' }
const blogBase: UrlBase = { articleUrl: 'https://x.de/blog/2024/artikel/', siteUrl: 'https://x.de/blog/' }

describe('toAbsoluteUrl', () => {
  it.each([
    ['bild.jpg', 'https://x.de/2024/artikel/bild.jpg'],
    ['../uebersicht/', 'https://x.de/2024/uebersicht/'],
    ['./a/b.html?x=1#y', 'https://x.de/2024/artikel/a/b.html?x=1#y'],
    ['#kommentare', 'https://x.de/2024/artikel/#kommentare'],
    ['?seite=2', 'https://x.de/2024/artikel/?seite=2'],
    ['/bilder/a.jpg', 'https://x.de/bilder/a.jpg'],
    ['//cdn.example/y.jpg', 'https://cdn.example/y.jpg'],
    ['http://example.com/a', 'http://example.com/a'],
    ['HTTPS://Example.COM/A', 'https://example.com/A'],
    ['https://bücher.de/', 'https://xn--bcher-kva.de/'],
    ['/bilder/Größe.jpg', 'https://x.de/bilder/Gr%C3%B6%C3%9Fe.jpg'],
    ['/bilder/Gr%C3%B6%C3%9Fe.jpg', 'https://x.de/bilder/Gr%C3%B6%C3%9Fe.jpg'],
    ['mein bild.jpg', 'https://x.de/2024/artikel/mein%20bild.jpg'],
    ['  bild.jpg\n', 'https://x.de/2024/artikel/bild.jpg'],
    ['mailto:redaktion@x.de', 'mailto:redaktion@x.de'],
    ['tel:+49301234567', 'tel:+49301234567'],
  ])('should make %j absolute as %j when it is safe', (value, expected) => {
    expect(toAbsoluteUrl(value, base)).toBe(expected)
  })

  it.each([
    ['/bilder/a.jpg', 'https://x.de/blog/bilder/a.jpg'],
    ['bild.jpg', 'https://x.de/blog/2024/artikel/bild.jpg'],
    ['//cdn.example/y', 'https://cdn.example/y'],
  ])('should resolve %j below the site path as %j when the site lives in a folder', (value, expected) => {
    expect(toAbsoluteUrl(value, blogBase)).toBe(expected)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['jav\tascript:alert(1)'],
    ['java\nscript:alert(1)'],
    [' \u0001javascript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html;base64,PHNjcmlwdD4='],
    ['data:image/svg+xml,<svg onload=alert(1)>'],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['file:///etc/passwd'],
    ['ftp://example.com/a'],
    ['http://[::1'],
    [''],
    ['   '],
  ])('should return undefined when given %j', (value) => {
    expect(toAbsoluteUrl(value, base)).toBeUndefined()
  })
})
