import { afterEach, describe, expect, it } from 'vitest'
import { findUnclosedQuote } from '../../src/content/_unclosed-quote.js'
import { CONFIG, cleanup, makeScenario, run } from '../cli/_scenario.js'

describe('YAML errors in front matter', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should point at the line where an unclosed quote starts and say so', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md':
        '---\ntitle: "Wahl in Thüringen – Ergebnis\ndate: 2024-10-25\ncategory: Politik\n---\n\nText.\n',
    })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(
      'content/wahl.md:2:8: error: the front matter is not valid YAML: this quote (") is never closed. End the value with " on the same line',
    )
    expect(result.stderr).not.toContain('Quote values that contain')
  })

  it("should find an unclosed single quote after closed ones (with '' escapes)", async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': "---\ntitle: 'Rock ''n'' Roll'\nsummary: 'Offen\ndate: 2024-10-25\n---\n\nText.\n",
    })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.stderr).toContain(
      "content/wahl.md:3:10: error: the front matter is not valid YAML: this quote (') is never closed",
    )
  })
})

describe('findUnclosedQuote', () => {
  it.each([
    ['title: "offen', { line: 0, column: 7, quote: '"' }],
    ['title: "zu"\ndate: "offen', { line: 1, column: 6, quote: '"' }],
    ['title: "mit \\" Escape\ndate: 1', { line: 0, column: 7, quote: '"' }],
    ['title: "über\n  zwei Zeilen"\nsummary: \'offen', { line: 2, column: 9, quote: "'" }],
    ['tags:\n  - "offen', { line: 1, column: 4, quote: '"' }],
  ])('should find the opening quote in %j', (value, expected) => {
    expect(findUnclosedQuote(value)).toEqual(expected)
  })

  it('should find nothing when every quote is closed', () => {
    expect(findUnclosedQuote("title: \"a: b\"\nsummary: 'x''y'")).toBeUndefined()
  })
})
