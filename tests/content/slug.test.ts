import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toHugoSegment, toSlug } from '../../src/slug.js'

describe('toSlug', () => {
  it.each([
    ['Außenpolitik', 'aussenpolitik'],
    ['Über uns', 'ueber-uns'],
    ['Wirtschaft & Finanzen', 'wirtschaft-und-finanzen'],
    ['Crème brûlée', 'creme-brulee'],
    ['  --Mehr  Platz--  ', 'mehr-platz'],
    ['日本', 'u65e5-u672c'],
    ['schon-ein-slug-2024', 'schon-ein-slug-2024'],
  ])('should turn %j into %j', (value, expected) => {
    expect(toSlug(value)).toBe(expected)
  })

  it('should give a slug unchanged, as the full transliteration would', () => {
    const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    fc.assert(
      // A leading hyphen forces the full path, which strips it again.
      fc.property(slug, (value) => {
        expect(toSlug(value)).toBe(toSlug(`-${value}`))
      }),
    )
  })

  it('should be idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(toSlug(toSlug(value))).toBe(toSlug(value))
      }),
    )
  })
})

// Expected values are what Hugo 0.111 published for these titles and file names (`:title`, default URLs).
describe('toHugoSegment', () => {
  it.each([
    ['Termine_Aufbereiten', 'termine_aufbereiten'],
    ['Über uns', 'über-uns'],
    ['Alfawise U50 -- Unboxing &amp; mehr...', 'alfawise-u50--unboxing-amp-mehr...'],
    ['Von &bdquo;Jellyfin&ldquo; zu Plex', 'von-bdquojellyfinldquo-zu-plex'],
    ['Teil (2)', 'teil-2'],
    ['  vorne und hinten  ', 'vorne-und-hinten'],
  ])('should make %j the segment %j when cleaning it as Hugo does', (value, segment) => {
    expect(toHugoSegment(value)).toBe(segment)
  })
})
