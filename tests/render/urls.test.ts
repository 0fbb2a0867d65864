import { describe, expect, it } from 'vitest'
import { toAbsoluteUrl, type UrlBase, whyNotKept } from '../../src/render/urls.js'

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
    ['view-source:https://x.de/'],
    ['http://[::1'],
    [''],
    ['   '],
  ])('should return undefined when given %j', (value) => {
    expect(toAbsoluteUrl(value, base)).toBeUndefined()
  })

  it.each([
    ['webcal://termine.example.de/kalender.ics', 'webcal://termine.example.de/kalender.ics'],
    ['irc://irc.libera.chat/#fossgis', 'irc://irc.libera.chat/#fossgis'],
    ['ircs://irc.libera.chat:6697/#fossgis', 'ircs://irc.libera.chat:6697/#fossgis'],
    ['xmpp:verein@muc.example.de?join', 'xmpp:verein@muc.example.de?join'],
    ['sms:+491701234567', 'sms:+491701234567'],
    ['geo:52.52,13.405', 'geo:52.52,13.405'],
    ['ftp://example.com/a', 'ftp://example.com/a'],
    ['news:de.comp.os.unix', 'news:de.comp.os.unix'],
    [
      'magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a',
      'magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a',
    ],
    ['WEBCAL://Termine.example.de/k.ics', 'webcal://Termine.example.de/k.ics'],
  ])('should keep the safe scheme of %j', (value, expected) => {
    expect(toAbsoluteUrl(value, base)).toBe(expected)
  })
})

describe('whyNotKept', () => {
  it.each([
    ['javascript:alert(1)', 'the scheme "javascript:" is not one kanal keeps'],
    [' DATA:text/html,x', 'the scheme "data:" is not one kanal keeps'],
    ['http://[::1', 'it is not a valid URL'],
  ])('should say why %j is removed', (value, expected) => {
    expect(whyNotKept(value)).toContain(expected)
  })
})
