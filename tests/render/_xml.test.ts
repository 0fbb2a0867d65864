import { describe, expect, it } from 'vitest'
import { stripNonXmlChars } from '../../src/render/_xml.js'

describe('stripNonXmlChars', () => {
  it.each([
    ['a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg', 'abcdefg'],
    ['\uFFFE\uFFFF', ''],
    ['lone \uD83D surrogate \uDE00', 'lone  surrogate '],
  ])('should remove what XML forbids when given %j', (value, expected) => {
    expect(stripNonXmlChars(value)).toBe(expected)
  })

  it.each([['tab\tline\nreturn\r'], ['Grüße „Köln“ 😀 \u00a0 \u0085 \u2028']])(
    'should keep %j unchanged when every character is allowed',
    (value) => {
      expect(stripNonXmlChars(value)).toBe(value)
    },
  )
})
