import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { renderBody } from '../../src/render/_html.js'
import type { UrlBase } from '../../src/render/urls.js'

const toHtml = (markdown: string, base: UrlBase) => renderBody(markdown, base).html

const base: UrlBase = { articleUrl: 'https://x.de/2024/artikel/', siteUrl: 'https://x.de/blog/' }
const A = 'https://x.de/2024/artikel/'
const S = 'https://x.de/blog/'

describe('renderBody', () => {
  it.each([
    ['<script>alert(1)</script>\n\nText', '<p>Text</p>'],
    ['Vor <script type="module">import x from "y"</script> nach', '<p>Vor  nach</p>'],
    ['<img src=x onerror=alert(1)>', `<img src="${A}x" />`],
    ['[klick](javascript:alert(1))', '<p>klick</p>'],
    ['<a href="JaVaScRiPt:alert(1)">x</a>', '<p>x</p>'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', '<p>x</p>'],
    ['<a href=" &#1;&#32;javascript:alert(1)">x</a>', '<p>x</p>'],
    ['<a href="vbscript:msgbox(1)">x</a>', '<p>x</p>'],
    ['[d](data:text/html;base64,PHNjcmlwdD4=)', '<p>d</p>'],
    ['![x](data:image/svg+xml;base64,PHN2Zz4=)', '<p></p>'],
    ['<iframe src="https://evil.example/"><p>Ersatz</p></iframe>danach', 'danach'],
    ['<form action="/senden"><label>Name <input name="n"></label><button>Los</button></form>', 'Name'],
    ['<style>p { color: red }</style>\n\nText', '<p>Text</p>'],
    ['<object data="x.swf">\n<embed src="x.swf"><b>Ersatz</b>\n</object>', '<b>Ersatz</b>'],
    [
      '<template><b>t</b></template><noscript><img src="lazy.jpg"></noscript>',
      `<p><img src="${A}lazy.jpg" /></p>`,
    ],
    [
      '<svg onload="alert(1)"><script>alert(1)</script><text>t</text></svg><math><mi>x</mi></math>ok',
      '<p>ok</p>',
    ],
    ['<p style="color:red" onclick="x()" class="y" id="z">p</p>', '<p>p</p>'],
    [
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '',
    ],
    ['<em>offen', '<p><em>offen</em></p>'],
  ])('should remove what is dangerous when given %j', (value, expected) => {
    expect(toHtml(value, base)).toBe(expected)
  })

  it.each([
    ['[a](bild.jpg)', `<p><a href="${A}bild.jpg">a</a></p>`],
    ['[a](../uebersicht/)', '<p><a href="https://x.de/2024/uebersicht/">a</a></p>'],
    ['[a](/impressum/)', `<p><a href="${S}impressum/">a</a></p>`],
    ['[a](#quellen)', `<p><a href="${A}#quellen">a</a></p>`],
    ['[a](//cdn.example/y)', '<p><a href="https://cdn.example/y">a</a></p>'],
    ['[a](mailto:redaktion@x.de)', '<p><a href="mailto:redaktion@x.de">a</a></p>'],
    ['[a](tel:+49301234567 "Anrufen")', '<p><a href="tel:+49301234567" title="Anrufen">a</a></p>'],
    [
      '<a href="/a" rel="nofollow" target="_blank" hreflang="de">a</a>',
      `<p><a href="${S}a" rel="nofollow" hreflang="de">a</a></p>`,
    ],
    ['![Größe](/bilder/Größe.jpg)', `<p><img src="${S}bilder/Gr%C3%B6%C3%9Fe.jpg" alt="Größe" /></p>`],
    ['![](Gr%C3%B6%C3%9Fe.jpg)', `<p><img src="${A}Gr%C3%B6%C3%9Fe.jpg" alt="" /></p>`],
    [
      '<img src="a.jpg" srcset="a.jpg 1x, /b.jpg 2x, javascript:alert(1) 3x" alt="A" width="640" height="480" loading="lazy">',
      `<img src="${A}a.jpg" srcset="${A}a.jpg 1x, ${S}b.jpg 2x" alt="A" width="640" height="480" loading="lazy" />`,
    ],
    [
      '<picture><source srcset="a.webp 640w, b.webp 1280w" type="image/webp" media="(min-width: 40em)" sizes="100vw"><img src="a.jpg" alt=""></picture>',
      `<p><picture><source srcset="${A}a.webp 640w, ${A}b.webp 1280w" type="image/webp" media="(min-width: 40em)" sizes="100vw" /><img src="${A}a.jpg" alt="" /></picture></p>`,
    ],
    [
      '<video src="v.mp4" poster="/p.jpg" controls autoplay></video>',
      `<p><video src="${A}v.mp4" poster="${S}p.jpg" controls></video></p>`,
    ],
    [
      '<audio controls><source src="a.ogg" type="audio/ogg"></audio>',
      `<p><audio controls><source src="${A}a.ogg" type="audio/ogg" /></audio></p>`,
    ],
    [
      '<figure><img src="a.jpg" alt="A"><figcaption>Foto: dpa</figcaption></figure>',
      `<figure><img src="${A}a.jpg" alt="A" /><figcaption>Foto: dpa</figcaption></figure>`,
    ],
  ])('should make URLs absolute when given %j', (value, expected) => {
    expect(toHtml(value, base)).toBe(expected)
  })

  it.each([
    ['# Titel\n\n## Unter', '<h1>Titel</h1>\n<h2>Unter</h2>'],
    ['*a* **b** ~~c~~ `d`', '<p><em>a</em> <strong>b</strong> <s>c</s> <code>d</code></p>'],
    ['- a\n- b\n\n3. c', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol start="3">\n<li>c</li>\n</ol>'],
    ['> Zitat\n\n---', '<blockquote>\n<p>Zitat</p>\n</blockquote>\n<hr />'],
    ['a  \nb', '<p>a<br />\nb</p>'],
    [
      '| Partei | Stimmen |\n|:--|--:|\n| SPD | 25,7 % |',
      '<table>\n<thead>\n<tr>\n<th align="left">Partei</th>\n<th align="right">Stimmen</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td align="left">SPD</td>\n<td align="right">25,7 %</td>\n</tr>\n</tbody>\n</table>',
    ],
    [
      '```js\nif (a) {\n\treturn „ok“\n}\n```',
      '<pre><code class="language-js">if (a) {\n\treturn „ok“\n}\n</code></pre>',
    ],
    ['<pre>a\tb&#13;c\nd</pre>', '<pre>a\tb\rc\nd</pre>'],
    ['<code class="language-ts evil">x</code>', '<p><code class="language-ts">x</code></p>'],
    [
      'Grüße aus Köln: „Anführungszeichen“, ‚einfache‘, »Guillemets« – 5&nbsp;km &auml; &#x1F600;',
      '<p>Grüße aus Köln: „Anführungszeichen“, ‚einfache‘, »Guillemets« – 5\u00a0km ä 😀</p>',
    ],
    ['Tom & Jerry <3 "Zitat"', '<p>Tom &amp; Jerry &lt;3 "Zitat"</p>'],
    [
      '<details open><summary>Mehr</summary><dl><dt>A</dt><dd>B</dd></dl></details>',
      '<details open><summary>Mehr</summary><dl><dt>A</dt><dd>B</dd></dl></details>',
    ],
    [
      '<abbr title="Bundesverfassungsgericht">BVerfG</abbr> <mark>m</mark> <small>s</small> H<sub>2</sub>O x<sup>2</sup> <del>d</del>',
      '<p><abbr title="Bundesverfassungsgericht">BVerfG</abbr> <mark>m</mark> <small>s</small> H<sub>2</sub>O x<sup>2</sup> <del>d</del></p>',
    ],
    ['<span class="x">ohne</span> <font color="red">Hülle</font>', '<p>ohne Hülle</p>'],
    ['a &#0; b \u0001 c \uFFFF d &#xFFFE;', '<p>a \uFFFD b  c  d \uFFFD</p>'],
  ])('should keep the structure when given %j', (value, expected) => {
    expect(toHtml(value, base)).toBe(expected)
  })

  it('should render a whole article when it mixes Markdown and pasted HTML', () => {
    const value = [
      '# Landtagswahl: Überraschung in Köln',
      '',
      'Die Wählerinnen und Wähler haben „deutlich“ entschieden. [Ergebnisse](/wahl/ergebnisse/)',
      '<script>track()</script>',
      '',
      '![Wahllokal](bilder/wahllokal.jpg "Foto: dpa")',
      '',
      '<p onmouseover="steal()">Mehr im <a href="javascript:void(0)">Liveticker</a>.</p>',
    ].join('\n')
    const expected = [
      '<h1>Landtagswahl: Überraschung in Köln</h1>',
      `<p>Die Wählerinnen und Wähler haben „deutlich“ entschieden. <a href="${S}wahl/ergebnisse/">Ergebnisse</a></p>`,
      '',
      `<p><img src="${A}bilder/wahllokal.jpg" alt="Wahllokal" title="Foto: dpa" /></p>`,
      '<p>Mehr im Liveticker.</p>',
    ].join('\n')
    expect(toHtml(value, base)).toBe(expected)
  })

  it('should never emit scripts, event handlers or javascript: when given any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (value) => {
        const html = toHtml(value, base)
        expect(html).not.toMatch(/<script/i)
        expect(html).not.toMatch(/<[^>]*\son[a-z]*\s*=/i)
        expect(html).not.toMatch(/javascript:/i)
      }),
    )
  })

  it('should leave only safe tags and absolute URLs when given hostile HTML fragments', () => {
    const fragment = fc.constantFrom(
      ...[
        '<script>',
        '</script>',
        '<img',
        '<a',
        '<svg',
        '<iframe',
        '<style>',
        '<textarea>',
        '<noscript>',
        '<p',
      ],
      ...[
        ' src=',
        ' href=',
        ' srcset=',
        ' poster=',
        ' onerror=',
        ' onclick=',
        ' style=',
        '>',
        '/>',
        '"',
        "'",
      ],
      ...[
        'javascript:',
        'JaVaScRiPt:',
        'jav&#x09;ascript:',
        '&#106;avascript:',
        'data:text/html,',
        'alert(1)',
      ],
      ...['bild.jpg', '/a b.jpg', '//cdn.x/', '#x', ' 2x,', '[l](', ')', '![i](', '\n', '`', '<!--', '-->'],
    )
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        const html = toHtml(parts.join(''), base)
        expect(html).not.toMatch(/<(script|iframe|svg|style|textarea|noscript)/i)
        for (const [tag] of html.matchAll(/<[^>]*>/g)) {
          expect(tag).not.toMatch(/\s(on[a-z]*|style)\s*=/i)
          for (const [, , url] of tag.matchAll(/\s(href|src|poster)="([^"]*)"/g)) {
            expect(url).toMatch(/^(https?:\/\/|mailto:|tel:)/)
          }
          for (const [, srcset] of tag.matchAll(/\ssrcset="([^"]*)"/g)) {
            for (const candidate of (srcset ?? '').split(', ')) expect(candidate).toMatch(/^https?:\/\//)
          }
        }
      }),
    )
  })
})
