import { describe, expect, it } from 'vitest'
import { permalinkFor } from '../../src/content/_permalink.js'

const CONFIG = { permalink: '/posts/:filepath/', timeZone: 'Europe/Berlin' }
const DATE = new Date('2024-05-01T08:00:00Z')

function filePath(relative: string, givenSlug?: string): string {
  return permalinkFor(CONFIG, {
    slug: 'aus-dem-namen',
    date: DATE,
    categories: [],
    relative,
    ...(givenSlug === undefined ? {} : { givenSlug }),
  })
}

describe('permalinkFor', () => {
  it("should keep folders and underscores and lower-case the path for :filepath (Hugo's default URLs)", () => {
    expect(filePath('programmieren/termine_aufbereiten.md')).toBe('/posts/programmieren/termine_aufbereiten/')
    expect(filePath('Technik/Alfawise_U50.md')).toBe('/posts/technik/alfawise_u50/')
  })

  it('should clean names as Hugo does for :filepath (spaces to one hyphen, other signs dropped)', () => {
    expect(filePath('Sub_Dir/Teil (2).md')).toBe('/posts/sub_dir/teil-2/')
    expect(filePath('a&b.md')).toBe('/posts/ab/')
    expect(filePath('Über  uns.md')).toBe('/posts/über-uns/')
  })

  it('should name a page bundle by its folder for :filepath', () => {
    expect(filePath('mit-bild/index.md')).toBe('/posts/mit-bild/')
  })

  it('should put a slug the front matter writes in place of the last segment for :filepath', () => {
    expect(filePath('programmieren/eigener_name.md', 'anderer-name')).toBe(
      '/posts/programmieren/anderer-name/',
    )
    expect(filePath('tief/mit-bild/index.md', 'neu')).toBe('/posts/tief/neu/')
  })

  it('should leave :path as it was when the pattern uses it', () => {
    expect(
      permalinkFor(
        { permalink: '/blog/:path/', timeZone: 'Europe/Berlin' },
        { slug: 'x', date: DATE, categories: [], relative: 'a/Termine_aufbereiten.md' },
      ),
    ).toBe('/blog/a/termine-aufbereiten/')
  })
})
