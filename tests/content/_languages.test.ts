import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'
import { isTranslation, languageOf, withoutLanguage } from '../../src/content/_languages.js'

const LANGUAGES = ['de', 'en']

describe('languageOf', () => {
  it("should name the site's language a file name carries, and none for another suffix", () => {
    expect(languageOf('a/termine.en.md', LANGUAGES)).toBe('en')
    expect(languageOf('a/termine.DE.md', LANGUAGES)).toBe('de')
    expect(languageOf('a/version.1.md', LANGUAGES)).toBeUndefined()
    expect(languageOf('a/termine.md', LANGUAGES)).toBeUndefined()
    expect(languageOf('a/termine.en.md', undefined)).toBeUndefined()
  })
})

describe('isTranslation', () => {
  it('should take only the other languages as translations when the first is the default', () => {
    expect(isTranslation('x.en.md', LANGUAGES)).toBe(true)
    expect(isTranslation('x.de.md', LANGUAGES)).toBe(false)
    expect(isTranslation('x.md', LANGUAGES)).toBe(false)
  })
})

describe('withoutLanguage', () => {
  it("should drop the default language's key from the path when the file carries it", () => {
    expect(withoutLanguage('technik/Alfawise_U50.de.md', LANGUAGES)).toBe('technik/Alfawise_U50.md')
    expect(withoutLanguage('bundle/index.de.md', LANGUAGES)).toBe('bundle/index.md')
    expect(withoutLanguage('x.1.md', LANGUAGES)).toBe('x.1.md')
  })
})

describe('parseConfig', () => {
  it('should refuse languages that are no language keys when the config lists them', () => {
    const config = { title: 'T', siteUrl: 'https://example.de/' }
    expect(parseConfig({ ...config, languages: ['DE', 'en'] }, 'k.json').languages).toEqual(['de', 'en'])
    expect(() => parseConfig({ ...config, languages: 'de' }, 'k.json')).toThrow(/"languages" must be/)
    expect(() => parseConfig({ ...config, languages: ['de/x'] }, 'k.json')).toThrow(/"languages" must be/)
  })
})
