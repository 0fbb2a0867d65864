import { describe, expect, it } from 'vitest'
import { toArticleSlug } from '../../src/import/_slug.js'

describe('toArticleSlug', () => {
  it.each([
    ['Bäckerei-Sterben auf dem Land: „Wir backen“', 'baeckerei-sterben-auf-dem-land-wir-backen'],
    [
      'Elon Musks geheime Kanäle zum Kreml: Ein Balanceakt zwischen Diplomatie und Risiko',
      'elon-musks-geheime-kanaele-zum-kreml-ein-balanceakt-zwischen-diplomatie-und',
    ],
    ['!!!', ''],
  ])('should turn %j into %j when making a file name', (value, expected) => {
    expect(toArticleSlug(value)).toBe(expected)
  })

  it.each([
    ['aaaa-bbbb-cccc', 10, 'aaaa-bbbb'],
    ['aaaa-bbbb-cccc', 9, 'aaaa-bbbb'],
    ['aaaa-bbbb-cccc', 8, 'aaaa'],
    ['aaaaaaaaaaaa', 5, 'aaaaa'],
    ['aaaa-bbbb', 9, 'aaaa-bbbb'],
  ])('should cut %j at a hyphen when it is longer than %i', (value, maxLength, expected) => {
    expect(toArticleSlug(value, maxLength)).toBe(expected)
  })

  it('should keep slugs at most 80 characters long when the headline is long', () => {
    const value = 'Ein sehr langer Titel '.repeat(10)
    const expected = toArticleSlug(value)
    expect(expected.length).toBeLessThanOrEqual(80)
    expect(expected).not.toMatch(/-$/)
  })
})
