import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { stripForbiddenChars } from '../../src/content/xml-chars.js'
import { hasRawHtml } from '../../src/render/_direct.js'
import { renderBody } from '../../src/render/_html.js'
import { markdownIt } from '../../src/render/_markdown.js'
import { renderPlainText } from '../../src/render/_plain-text.js'
import { locateRemovals, type Removal, type RemovedTarget } from '../../src/render/_removed.js'
import { sanitizeArticle } from '../../src/render/_sanitize.js'
import { summarize } from '../../src/render/_summary.js'
import { blocksToText, toTextBlocks } from '../../src/render/_text.js'
import type { UrlBase } from '../../src/render/urls.js'

// Markdown without raw HTML is rendered without the sanitiser. That shortcut must change nothing:
// for any such Markdown the HTML and the summary are byte for byte what the sanitiser path gives.

const base: UrlBase = { articleUrl: 'https://x.de/2024/artikel/', siteUrl: 'https://x.de/blog/' }

/** The HTML through markdown-it and the sanitiser, as every body was rendered before the shortcut. */
function throughSanitiser(markdown: string): string {
  return stripForbiddenChars(sanitizeArticle(markdownIt.render(markdown), base)).trim()
}

/** The link targets and image sources the sanitiser path removes, with their lines. */
function removedBySanitiser(markdown: string): RemovedTarget[] {
  const removals: Removal[] = []
  const tokens = markdownIt.parse(markdown, {})
  sanitizeArticle(markdownIt.renderer.render(tokens, markdownIt.options, {}), base, removals)
  return locateRemovals(tokens, removals)
}

function expectSameAsSanitiser(markdown: string): void {
  const body = renderBody(markdown, base)
  const expected = throughSanitiser(markdown)
  expect(body.html).toBe(expected)
  expect(summarize(body.html, 280, body.direct)).toBe(summarize(expected))
  expect(body.removed).toEqual(removedBySanitiser(markdown))
}

const FRAGMENTS = [
  ...['Wahl', 'Straße', 'Köln', '„Zitat“', ' ', ' ', '\n', '\n\n', '  \n', '\t', '\u00a0', '5\u202fkm'],
  ...['&', '<', '>', '"', "'", '*', '_', '**', '`', '``', '\\', '~~', '|', ':', '!', '[', ']', '(', ')'],
  ...['&amp;', '&copy;', '&#60;', '&#x3C;', '&quot;', '&nbsp;', '&bogus;', '\\<', '\\*', '\\[', '3 < 4 > 2'],
  ...[
    '# ',
    '## ',
    '> ',
    '- ',
    '* ',
    '1. ',
    '3) ',
    '    ',
    '---',
    '***',
    '\n```\n',
    '\n```js\n',
    '\n~~~ c++\n',
  ],
  ...['| a | b |\n|:--|--:|\n| 1 | 2 |\n', '| x |\n|:-:|\n| "q" & <z> |\n', 'Titel\n===\n', 'Unter\n---\n'],
  ...['[Link](bild.jpg)', '[Link](/dossier/ "Titel")', '[L](../x "a & \\"b\\"")', '[L](#anker)', '[L]()'],
  ...['[L](https://a.de/?x=1&y=2)', '[L](//cdn.example/x)', '[L](javascript:alert(1))', '[L](JaVaScRiPt:x)'],
  ...['[L](data:text/html;base64,PHM+)', '[L](mailto:a@b.de)', '[L](tel:+4930)', '[L](<mit leer.jpg>)'],
  ...['[L](/ä ö)', '[L](/%C3%A4)', '[*fett* `code`](x)', '![Bild](bild.jpg)', '![B & "C"](/b.jpg "T")'],
  ...['![x](javascript:1)', '![]()', '[![innen](i.png)](ziel/)', '<https://x.de/a?b&c>', '<a@b.de>'],
  ...['[Kalender](webcal://k.de/t.ics)', '[Chat](irc://irc.libera.chat/#x)', '[J](xmpp:a@b.de?join)'],
  ...[
    '[M](magnet:?xt=urn:btih:abc)',
    '![geo](geo:52.5,13.4)',
    '[x](view-source:https://a.de/)',
    '[F](ftp://a.de/f)',
  ],
  ...['[ref][1]', '[1]: /ref "Ref-Titel"\n', '[kurz]', '[kurz]: relativ.html\n', '`a "b" <c> &d;`'],
]

describe('Markdown without raw HTML', () => {
  it('should render to the same bytes, and the same summary, with and without the sanitiser', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), (parts) => {
        const markdown = parts.join('')
        fc.pre(!hasRawHtml(markdownIt.parse(markdown, {})))
        expectSameAsSanitiser(markdown)
      }),
      { numRuns: 400 },
    )
  })

  it('should give the same plain text of a front-matter summary with and without the sanitiser', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }), (parts) => {
        const markdown = parts.join('')
        fc.pre(!hasRawHtml(markdownIt.parseInline(markdown, {})))
        const expected = stripForbiddenChars(blocksToText(toTextBlocks(markdownIt.renderInline(markdown))))
        expect(renderPlainText(markdown)).toBe(expected)
      }),
      { numRuns: 400 },
    )
  })

  it('should render every Markdown file of the repository the same way', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const files = ['content', 'tests']
      .flatMap((folder) =>
        readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' }).map((file) =>
          path.join(root, folder, file),
        ),
      )
      .filter((file) => file.endsWith('.md'))
    expect(files.length).toBeGreaterThan(20)
    let direct = 0
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      const body = text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text
      if (hasRawHtml(markdownIt.parse(body, {}))) continue
      direct++
      expectSameAsSanitiser(body)
    }
    expect(direct).toBeGreaterThan(10)
  })

  it('should leave Markdown with raw HTML to the sanitiser', () => {
    const body = renderBody('Text <b onclick="x()">fett</b>\n\n<script>alert(1)</script>', base)
    expect(body).toEqual({ html: '<p>Text <b>fett</b></p>', direct: false, removed: [] })
  })

  it('should turn a link with an unsafe URL into its text and drop an image without one', () => {
    const body = renderBody('[klick](javascript:alert(1)) und ![weg](data:image/png;base64,AA==)', base)
    expect(body.html).toBe('<p>klick und </p>')
    expect(body.direct).toBe(true)
    expect(body.removed.map(({ line, kind, target }) => ({ line, kind, target }))).toEqual([
      { line: 0, kind: 'link', target: 'javascript:alert(1)' },
      { line: 0, kind: 'source', target: 'data:image/png;base64,AA==' },
    ])
  })

  it('should keep the safe schemes people link to, on both paths', () => {
    const markdown = '[Kalender](webcal://k.de/t.ics), [Chat](ircs://irc.libera.chat/#x) und [SMS](sms:+4930)'
    const body = renderBody(markdown, base)
    const sanitised = renderBody(`${markdown} <b>roh</b>`, base)

    expect(body.html).toBe(
      '<p><a href="webcal://k.de/t.ics">Kalender</a>, <a href="ircs://irc.libera.chat/#x">Chat</a> und <a href="sms:+4930">SMS</a></p>',
    )
    expect(sanitised.html).toBe(body.html.replace('</p>', ' <b>roh</b></p>'))
    expect([body.removed, sanitised.removed]).toEqual([[], []])
  })

  it('should give the line of each removed target on both paths, also behind soft line breaks', () => {
    const markdown = 'Erste Zeile\nund [weg](javascript:x)\n\n- Punkt\n- ![b](data:x)\n'
    const direct = renderBody(markdown, base)
    const raw = renderBody(
      `${markdown}\n<p>\n<a\n href="vbscript:y">roh</a> <img src="java&#115;cript:z"></p>\n`,
      base,
    )

    expect(direct.removed.map((removed) => [removed.line, removed.target])).toEqual([
      [1, 'javascript:x'],
      [4, 'data:x'],
    ])
    expect(raw.direct).toBe(false)
    expect(raw.removed.map((removed) => [removed.line, removed.target])).toEqual([
      [1, 'javascript:x'],
      [4, 'data:x'],
      [8, 'vbscript:y'],
      [8, 'javascript:z'],
    ])
  })
})
