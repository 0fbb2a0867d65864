import { describe, expect, it } from 'vitest'
import { renderBodyBytes } from '../../src/render/article-body.js'
import type { BodyTemplates } from '../../src/sites/body-templates.js'

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
      'Erst.\n\n{% comment %}intern{% endcomment %}Dann {% post_url 2024-01-01-x %} und {{ page.title }}.\n',
      LIQUID,
    )
    expect(result.html).toBe('<p>Erst.</p>\n<p>Dann  und .</p>')
    expect(result.leftOut).toEqual([
      { line: 7, column: 41, tag: '{% post_url 2024-01-01-x %}' },
      { line: 7, column: 73, tag: '{{ page.title }}' },
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
