import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { renderBodyBytes } from '../../src/render/article-body.js'
import type { BodyTemplates } from '../../src/sites/body-templates.js'
import { FIXED_NOW, makeTempDir, removeTempDirs } from '../helpers/fixture.js'

const SITE = 'https://www.auflinie.de/auflinie/'

function render(body: string, templates?: BodyTemplates) {
  return renderBodyBytes(Buffer.from(body), {
    source: {
      path: 'x',
      file: '_posts/2025-01-01-x.md',
      relative: '2025-01-01-x.md',
      bodyOffset: 0,
      bodyLine: 5,
      size: body.length,
      mtimeMs: 0,
    },
    articleUrl: `${SITE}posts/x/`,
    siteUrl: SITE,
    ...(templates ? { templates } : {}),
  })
}

const LIQUID: BodyTemplates = { kind: 'liquid', siteUrl: SITE }
const HUGO: BodyTemplates = { kind: 'hugo', siteUrl: SITE }

describe('translateTemplates (through renderBodyBytes)', () => {
  it('should keep template code as text when the site has no template language', () => {
    expect(render('{{ site.baseurl }}').html).toBe('<p>{{ site.baseurl }}</p>')
    const shortcode = render('{{< rawhtml >}}Text{{< /rawhtml >}}')
    expect(shortcode.html).toBe('<p>{{&lt; rawhtml &gt;}}Text{{&lt; /rawhtml &gt;}}</p>')
    expect(shortcode.leftOut).toBeUndefined()
  })

  it('should evaluate the URL filters on single- and double-quoted paths, and absolute URLs as they are', () => {
    const { html } = render(
      `[a]({{ "/a/" | relative_url }}) [b]({{ 'b.png' | absolute_url }}) [c]({{ "https://x.de/c" | absolute_url }}) [d]({{site.baseurl}}/d/) [e]({{ site.url }}/e/)`,
      LIQUID,
    )
    expect(html).toContain('href="https://www.auflinie.de/auflinie/a/"')
    expect(html).toContain('href="https://www.auflinie.de/auflinie/b.png"')
    expect(html).toContain('href="https://x.de/c"')
    expect(html).toContain('href="https://www.auflinie.de/auflinie/d/"')
    expect(html).toContain('href="https://www.auflinie.de/e/"')
  })

  it('should drop comments and leave out other tags with their file line and column', () => {
    const result = render(
      'Erst.\n\n{% comment %}intern{% endcomment %}Dann {% seo %} und {{ page.title }}.\n',
      LIQUID,
    )
    expect(result.html).toBe('<p>Erst.</p>\n<p>Dann  und .</p>')
    expect(result.leftOut).toEqual([
      { line: 7, column: 41, tag: '{% seo %}' },
      { line: 7, column: 55, tag: '{{ page.title }}' },
    ])
  })

  it('should leave out an include that cannot be read', () => {
    const result = render('{% include fehlt.html %}', { ...LIQUID, includesDir: '/nonexistent/_includes' })
    expect(result.html).toBe('')
    expect(result.leftOut?.[0]?.tag).toBe('{% include fehlt.html %}')
  })

  it('should turn Hugo videos and gists into links, never frames', () => {
    const { html } = render(
      '{{< vimeo 12345 >}}\n\n{{< gist spf13 7896402 >}}\n\n{{< youtube id="abc" >}}',
      HUGO,
    )
    expect(html).toContain('<a href="https://vimeo.com/12345">')
    expect(html).toContain('<a href="https://gist.github.com/spf13/7896402">')
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=abc">')
    expect(html).not.toContain('iframe')
  })

  it('should turn a Hugo highlight block into code and leave out unknown shortcodes, closing tags included', () => {
    const result = render(
      '{{< highlight go >}}\nfmt.Println("x")\n{{< /highlight >}}\n\n{{% notice %}}Achtung{{% /notice %}}',
      HUGO,
    )
    expect(result.html).toContain('<code class="language-go">fmt.Println')
    expect(result.html).toContain('Achtung')
    expect(result.leftOut?.map((item) => item.tag)).toEqual(['{{% notice %}}'])
  })
})

// Issue 23, item 6: a site wraps raw HTML in its own paired shortcode, hundreds of times.
const HUGO_POST = `---
title: Tagung
date: 2024-05-02T10:00:00+02:00
---
{{< rawhtml >}}
<p>Die <b>Tagung</b> beginnt am Freitag.</p><script>alert(1)</script>
{{< /rawhtml >}}

Text {{< rawhtml >}}<em>eins</em>{{< /rawhtml >}} und {{< rawhtml >}}<em>zwei</em>{{< /rawhtml >}}.

{{% aussen farbe="rot" %}}
Vor {{< innen >}}<strong>Innen</strong>{{< /innen >}} nach.
{{% /aussen %}}

Davor {{< zaehler 3 >}} danach {{< zaehler 4 >}}.
`

const JEKYLL_POST = `---
title: Sitzung
date: 2024-05-03 10:00:00 +0200
---
{% callout warnung %}
<p>Die Sitzung fällt aus.</p><script>alert(1)</script>
{% endcallout %}

{% if site.show %}Sichtbar{% if page.x %} ganz{% endif %}{% endif %} und {% callout %}zwei{% endcallout %}.

{% capture geheim %}Nicht zeigen{% endcapture %}Ende {% seo %}.
`

async function buildSite(from: 'hugo' | 'jekyll', file: string, body: string) {
  const dir = await makeTempDir()
  const config = { title: 'Verein', siteUrl: 'https://verein.example.de/', from, content: path.dirname(file) }
  await mkdir(path.join(dir, path.dirname(file)), { recursive: true })
  await writeFile(path.join(dir, 'kanal.config.json'), JSON.stringify(config))
  await writeFile(path.join(dir, file), body)
  const result = await build({ cwd: dir, now: FIXED_NOW })
  const feed = parseFeed(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
  if (feed.format !== 'json') throw new Error(`not JSON Feed: ${feed.format}`)
  const item = feed.feed.items?.[0]
  return { result, html: String(item?.content_html), summary: String(item?.summary) }
}

describe('translateTemplates: unknown pairs keep their content (through build)', () => {
  afterAll(removeTempDirs)

  it('should keep the sanitised content of unknown Hugo pairs and warn once per name when a hugo site uses them', async () => {
    const { result, html, summary } = await buildSite('hugo', 'content/posts/tagung.md', HUGO_POST)

    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'content/posts/tagung.md:5:1: dropped the tags {{< rawhtml >}} … {{< /rawhtml >}} and kept their content (3 times in this file; the first is here): kanal does not evaluate this template code; check that the content reads right without it',
      'content/posts/tagung.md:11:1: dropped the tags {{% aussen farbe="rot" %}} … {{% /aussen %}} and kept their content: kanal does not evaluate this template code; check that the content reads right without it',
      'content/posts/tagung.md:12:5: dropped the tags {{< innen >}} … {{< /innen >}} and kept their content: kanal does not evaluate this template code; check that the content reads right without it',
      'content/posts/tagung.md:15:7: left out {{< zaehler 3 >}} (2 times in this file; the first is here): kanal does not evaluate this template code; write the HTML or Markdown it stands for',
    ])
    expect(html).toContain('<p>Die <b>Tagung</b> beginnt am Freitag.</p>')
    expect(html).toContain('<p>Text <em>eins</em> und <em>zwei</em>.</p>')
    expect(html).toContain('<p>Vor <strong>Innen</strong> nach.</p>')
    expect(html).toContain('<p>Davor  danach .</p>')
    expect(html).not.toMatch(/script|alert|\{\{|\}\}|zaehler/)
    expect(summary).toBe('Die Tagung beginnt am Freitag.')
  })

  it('should keep the content of unknown Liquid blocks and warn once per name when a jekyll site uses them', async () => {
    const { result, html, summary } = await buildSite('jekyll', '_posts/2024-05-03-sitzung.md', JEKYLL_POST)

    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      '_posts/2024-05-03-sitzung.md:5:1: dropped the tags {% callout warnung %} … {% endcallout %} and kept their content (2 times in this file; the first is here): kanal does not evaluate this template code; check that the content reads right without it',
      '_posts/2024-05-03-sitzung.md:9:1: dropped the tags {% if site.show %} … {% endif %} and kept their content (2 times in this file; the first is here): kanal does not evaluate this template code; check that the content reads right without it',
      '_posts/2024-05-03-sitzung.md:11:54: left out {% seo %}: kanal does not evaluate this template code; write the HTML or Markdown it stands for',
    ])
    expect(html).toContain('<p>Die Sitzung fällt aus.</p>')
    expect(html).toContain('<p>Sichtbar ganz und zwei.</p>')
    expect(html).toContain('<p>Ende .</p>')
    expect(html).not.toMatch(/script|alert|\{%|%\}|Nicht zeigen/)
    expect(summary).toBe('Die Sitzung fällt aus.')
  })
})
