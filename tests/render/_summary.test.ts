import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderBody } from '../../src/render/_html.js'
import { summarize } from '../../src/render/_summary.js'
import type { UrlBase } from '../../src/render/urls.js'

const toHtml = (markdown: string, base: UrlBase) => renderBody(markdown, base).html

const _graphemes = new Intl.Segmenter('de', { granularity: 'grapheme' })

const long =
  'Die Landesregierung hat am Mittwoch in Düsseldorf beschlossen, die Förderung für kommunale ' +
  'Schwimmbäder bis zum Jahr 2030 zu verlängern. Nach Angaben des Ministeriums profitieren davon mehr ' +
  'als dreihundert Bäder in Nordrhein-Westfalen, darunter viele in ländlichen Regionen, in denen die ' +
  'nächste Schwimmhalle oft mehr als zwanzig Kilometer entfernt liegt.'

describe('summarize', () => {
  it.each([
    ['<p>Kurzer Absatz.</p><p>Zweiter Absatz.</p>', 'Kurzer Absatz.'],
    [
      '<p>Tom &amp; Jerry &lt;3 <em>„sehr“</em> <a href="https://x.de/">gern</a>&nbsp;!</p>',
      'Tom & Jerry <3 „sehr“ gern\u00a0!',
    ],
    ['<h1>Titel</h1>\n<h2>Unterzeile</h2>\n<p>Der eigentliche Text.</p>', 'Der eigentliche Text.'],
    ['<p><img src="https://x.de/a.jpg" alt="Bild" /></p><p>Text nach dem Bild.</p>', 'Text nach dem Bild.'],
    ['<blockquote><p>Zitat zuerst.</p></blockquote><p>Dann Text.</p>', 'Zitat zuerst.'],
    ['<p>eins<br />zwei</p>', 'eins zwei'],
    ['<h2>Nur eine Überschrift</h2><ul><li>und eine Liste</li></ul>', 'Nur eine Überschrift'],
    ['<ul><li>Erster Punkt</li><li>Zweiter</li></ul>', 'Erster Punkt'],
    ['Text ohne Absatz', 'Text ohne Absatz'],
    ['<p>Text<script>alert(1)</script></p>', 'Text'],
    ['', ''],
    ['<p> </p><hr />', ''],
  ])('should summarize %j as %j', (value, expected) => {
    expect(summarize(value)).toBe(expected)
  })

  it('should cut a long paragraph at the last word boundary when it is longer than maxLength', () => {
    const expected =
      'Die Landesregierung hat am Mittwoch in Düsseldorf beschlossen, die Förderung für kommunale ' +
      'Schwimmbäder bis zum Jahr 2030 zu verlängern. Nach Angaben des Ministeriums profitieren davon mehr ' +
      'als dreihundert Bäder in Nordrhein-Westfalen, darunter viele in ländlichen Regionen, in…'
    expect(summarize(`<p>${long}</p>`)).toBe(expected)
  })

  it.each([20, 50, 100, 280])('should stay within maxLength + 1 when maxLength is %i', (maxLength) => {
    const value = summarize(`<p>${long}</p>`, maxLength)
    expect(value.length).toBeLessThanOrEqual(maxLength + 1)
    expect(value.endsWith('…')).toBe(true)
    expect(long.startsWith(value.slice(0, -1))).toBe(true)
  })

  it('should not split an emoji when the limit falls inside it', () => {
    const value = `<p>Schönes Wochenende! ${'😀'.repeat(20)}</p>`
    expect(summarize(value, 30)).toBe('Schönes Wochenende!…')
    expect(summarize(`<p>${'😀'.repeat(20)}</p>`, 9)).toBe('😀😀😀😀…')
  })

  it('should render the same summary when given HTML from renderHtml', () => {
    const html = toHtml('# Wahl\n\nDie *SPD* gewinnt „knapp“ &amp; klar.', {
      articleUrl: 'https://x.de/a/',
      siteUrl: 'https://x.de/',
    })
    expect(summarize(html)).toBe('Die SPD gewinnt „knapp“ & klar.')
  })

  it('should never be empty, cut a surrogate pair or exceed maxLength + 1 when given any text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (text, maxLength) => {
          const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
          const value = summarize(`<p>${escaped}</p>`, maxLength)
          expect(value).not.toMatch(/\p{Cs}/u)
          if (text.trim() !== '') expect(value).not.toBe('')
          // Only a first character longer than maxLength may overshoot, and then it stands alone.
          if (value.length > maxLength + 1)
            expect([..._graphemes.segment(value.replace(/…$/, ''))]).toHaveLength(1)
        },
      ),
    )
  })
})
