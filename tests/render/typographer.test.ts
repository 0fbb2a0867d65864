import { describe, expect, it } from 'vitest'
import { renderBody } from '../../src/render/_html.js'
import { decodeEntities } from '../../src/render/entities.js'
import { hugoTitle } from '../../src/render/hugo-title.js'
import { HUGO_SUBSTITUTIONS, typographText } from '../../src/render/typographer.js'

// The expected strings are what real Hugo 0.111 (Goldmark's typographer, Hugo's defaults) wrote for
// the same text, its entities written here as characters.
const base = { articleUrl: 'https://example.de/a/', siteUrl: 'https://example.de/' }

describe('typographText', () => {
  it('should replace dashes, ellipses and angle quotes when they stand in text', () => {
    expect(typographText('A -- b --- c... <<x>> 1--2')).toBe('A – b — c… «x» 1–2')
  })

  it('should curl quotes and apostrophes as Goldmark does when quotes open, close or sit between letters', () => {
    expect(typographText(`"Zitat" und 'einfach' don't '90s Alice's I'm.`)).toBe(
      '“Zitat” und ’einfach’ don’t ’90s Alice’s I’m.',
    )
    expect(typographText(`a"b a'b "x"y 'quote'`)).toBe('a"b a’b “x"y ‘quote’')
  })
})

describe("typographText with a site's own marks", () => {
  it('should write the marks a site sets when it sets German quotes', () => {
    const marks = { ...HUGO_SUBSTITUTIONS, leftDoubleQuote: '„', rightDoubleQuote: '“', ellipsis: '...' }
    expect(typographText('Der "richtige" Weg -- so...', '\n', '\n', marks)).toBe('Der „richtige“ Weg – so...')
  })
})

describe('hugoTitle', () => {
  it('should show a title as markdownify and plainify do in Hugo 0.111 when it holds Markdown, HTML and entities', () => {
    const title =
      '`kanal` -- *neu* \\_x\\_ __init__ &amp;amp; <b>fett</b> [Link](https://a.de) ![Bild](b.png) a\\*b...'
    // `&` comes back as `&amp;` for the one decoding of every title: `&amp;amp;` shows as `&amp;`.
    expect(decodeEntities(hugoTitle(title, HUGO_SUBSTITUTIONS))).toBe(
      'kanal – neu _x_ init &amp; fett Link  a*b…',
    )
    expect(hugoTitle('Mit `co--de` und a--b...', undefined)).toBe('Mit co--de und a--b...')
  })
})

describe('renderBody', () => {
  it("should apply Hugo's typographer to text only when the body is a Hugo site's", () => {
    const markdown =
      'Text -- und --- so... "Zitat" [link -- x](https://a.de/a--b)\n\n`code -- here...`\n\n    block -- code...\n'
    const { html } = renderBody(markdown, base, HUGO_SUBSTITUTIONS)
    expect(html).toContain('<p>Text – und — so… “Zitat” <a href="https://a.de/a--b">link – x</a></p>')
    expect(html).toContain('<code>code -- here...</code>')
    expect(html).toContain('block -- code...')
    expect(renderBody(markdown, base).html).toContain('Text -- und --- so... "Zitat"')
  })

  it('should take an entity as punctuation and curl quotes inside emphasis when they stand next to it', () => {
    expect(renderBody(`&amp;"x" 'st 'lo ('x') "(b)" *"f"*`, base, HUGO_SUBSTITUTIONS).html).toBe(
      '<p>&amp;“x” ‘st ’lo (‘x’) “(b)” <em>“f”</em></p>',
    )
  })
})
