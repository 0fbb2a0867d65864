import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { decodeEntities } from '../../src/render/entities.js'

// markdown-it decodes references with the full HTML5 table (the `entities` package): kanal's own small
// decoder must agree with it on every name it knows and on numeric references.
const utils = new MarkdownIt().utils

describe('decodeEntities', () => {
  it('should decode named and numeric references when a title holds them', () => {
    expect(decodeEntities('Von &bdquo;Jellyfin&ldquo; &ndash; noch&#8230; &#x2026; Fish &amp; Chips')).toBe(
      'Von „Jellyfin“ – noch… … Fish & Chips',
    )
  })

  it('should keep unknown names, forbidden characters and backslashes as written', () => {
    expect(decodeEntities('&foo; &#0; &#x1F; a\\b \\&amp;')).toBe('&foo; &#0; &#x1F; a\\b \\&')
  })

  it('should decode what markdown-it decodes when a reference is numeric or an HTML 4 name', () => {
    const source = (name: string) => `&${name};`
    const names = ['bdquo', 'ldquo', 'rdquo', 'ndash', 'mdash', 'hellip', 'auml', 'Ouml', 'szlig', 'euro']
    for (const name of [...names, 'nbsp', 'shy', 'thinsp', 'lsaquo', 'apos', 'Omega', 'hArr', 'diams']) {
      expect(decodeEntities(source(name)), name).toBe(utils.unescapeAll(source(name)))
      expect(decodeEntities(source(name)), name).not.toBe(source(name))
    }
    for (let code = 0; code < 0x3000; code += 7) {
      for (const reference of [`&#${code};`, `&#x${code.toString(16)};`]) {
        expect(decodeEntities(reference), reference).toBe(utils.unescapeAll(reference))
      }
    }
    for (const reference of ['&#xD800;', '&#xFFFE;', '&#x10FFFF;', '&#x110000;', '&#1114112;']) {
      expect(decodeEntities(reference), reference).toBe(utils.unescapeAll(reference))
    }
  })
})
