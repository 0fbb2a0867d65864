import { describe, expect, it } from 'vitest'
import { isTranslation, languageOf, withoutLanguage } from '../../src/content/languages.js'

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
