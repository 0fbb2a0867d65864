import { describe, expect, it } from 'vitest'
import { renderBodyBytes } from '../../src/render/article-body.js'
import {
  hasReferences,
  type ReferenceMarker,
  replaceReferences,
  toReferenceMarker,
} from '../../src/render/reference-marker.js'
import type { BodyTemplates } from '../../src/sites/body-templates.js'

const SITE = 'https://www.auflinie.de/auflinie/'

function render(body: string, kind: BodyTemplates['kind']) {
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
    templates: { kind, siteUrl: SITE },
  })
}

function markersIn(html: string): ReferenceMarker[] {
  const found: ReferenceMarker[] = []
  replaceReferences(html, (marker) => {
    found.push(marker)
    return ''
  })
  return found
}

describe('toReferenceMarker', () => {
  it('should give back kind, line and target when the target holds any character', () => {
    const target = "sub/Über (uns)'s #1 ~ 100%.md#teil"
    const marker = toReferenceMarker('link', target, 12)
    expect(marker).toMatch(/^https:\/\/kanal\.invalid\/ref\/link\/12\/[A-Za-z0-9._%-]+\/$/)
    expect(markersIn(`<a href="${marker}#x">a</a> ${marker}Text`)).toEqual([
      { kind: 'link', line: 12, target },
      { kind: 'link', line: 12, target },
    ])
    expect(hasReferences(marker)).toBe(true)
    expect(hasReferences('https://www.auflinie.de/')).toBe(false)
  })
})

describe('translateLiquid: post_url and link (through renderBodyBytes)', () => {
  it('should write a marker with the tag line for post_url and link, with the site URL before them dropped', () => {
    const result = render(
      'Erst.\n\n[a]({{ site.baseurl }}{% post_url 2024-01-05-wahl %}) [b]({%- post_url /sub/2024-01-06-rat -%})\n\n<a href="{{ site.url }}{{ site.baseurl }}{% link _posts/2024-01-05-wahl.md %}#teil">c</a> [d]({{site.url}}{% link assets/Plan 1.pdf %})',
      'liquid',
    )
    expect(result.leftOut).toBeUndefined()
    expect(result.html).not.toContain('auflinie.de')
    expect(markersIn(result.html)).toEqual([
      { kind: 'post_url', line: 2, target: '2024-01-05-wahl' },
      { kind: 'post_url', line: 2, target: '/sub/2024-01-06-rat' },
      { kind: 'link', line: 4, target: '_posts/2024-01-05-wahl.md' },
      { kind: 'link', line: 4, target: 'assets/Plan 1.pdf' },
    ])
    expect(result.html).toContain('/#teil"')
  })

  it('should leave out a post_url or link whose target is computed', () => {
    const result = render('[a]({% link {{ page.ziel }} %}) [b]({% post_url %})', 'liquid')
    expect(result.leftOut?.map((left) => left.tag)).toEqual(['{% link {{ page.ziel }} %}', '{% post_url %}'])
    expect(hasReferences(result.html)).toBe(false)
  })
})

describe('translateShortcodes: ref and relref (through renderBodyBytes)', () => {
  it('should write a marker for ref, relref, {{% ref %}} and path=, inline and in link reference definitions', () => {
    const result = render(
      '[a]({{< ref "posts/a.md#teil" >}}) [b]({{< relref "/b" >}}) [c]({{% ref c.md %}}) [d]({{< ref path="d" >}}) [e][1]\n\n[1]: {{< ref "alfawise-u50-unboxing.md" >}} "Titel"\n',
      'hugo',
    )
    expect(result.leftOut).toBeUndefined()
    expect(markersIn(result.html)).toEqual([
      { kind: 'ref', line: 0, target: 'posts/a.md#teil' },
      { kind: 'ref', line: 0, target: '/b' },
      { kind: 'ref', line: 0, target: 'c.md' },
      { kind: 'ref', line: 0, target: 'd' },
      { kind: 'ref', line: 2, target: 'alfawise-u50-unboxing.md' },
    ])
    expect(result.html).toContain('title="Titel">e</a>')
    expect(result.html).not.toContain('[1]')
  })
})
