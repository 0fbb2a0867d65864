import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/config.js'

const CONFIG = { title: 'T', siteUrl: 'https://example.de/' }

describe('siteOptionProblems', () => {
  it('should refuse languages that are no language keys when the config lists them', () => {
    expect(parseConfig({ ...CONFIG, languages: ['DE', 'en'] }, 'k.json').languages).toEqual(['de', 'en'])
    expect(() => parseConfig({ ...CONFIG, languages: 'de' }, 'k.json')).toThrow(/"languages" must be/)
    expect(() => parseConfig({ ...CONFIG, languages: ['de/x'] }, 'k.json')).toThrow(/"languages" must be/)
  })

  it("should take false or a Hugo site's marks as typographer and refuse anything else", () => {
    expect(parseConfig({ ...CONFIG, typographer: false }, 'k.json').typographer).toBe(false)
    expect(parseConfig({ ...CONFIG, typographer: true }, 'k.json')).not.toHaveProperty('typographer')
    const german = { leftDoubleQuote: '„', rightDoubleQuote: '“' }
    expect(parseConfig({ ...CONFIG, typographer: german }, 'k.json').typographer).toEqual(german)
    expect(() => parseConfig({ ...CONFIG, typographer: { leftQuote: '„' } }, 'k.json')).toThrow(
      /k.json: "typographer" must be true, false or the marks a Hugo site sets/,
    )
    expect(() => parseConfig({ ...CONFIG, typographer: 'off' }, 'k.json')).toThrow(/"typographer" must be/)
  })
})
