import { describe, expect, it } from 'vitest'
import { findForbiddenChar, removeForbiddenChars, stripForbiddenChars } from '../../src/content/xml-chars.js'

describe('removeForbiddenChars', () => {
  it.each([
    ['a\u0000b\u0001c\u0008d\u000be\u000cf\u001fg', 'abcdefg', 6],
    ['\uFFFE\uFFFF', '', 2],
    ['lone \uD83D surrogate \uDE00', 'lone  surrogate ', 2],
  ])('should remove and count what XML forbids when given %j', (value, expected, removed) => {
    expect(removeForbiddenChars(value)).toEqual({ text: expected, removed })
    expect(stripForbiddenChars(value)).toBe(expected)
  })

  it.each([['tab\tline\nreturn\r'], ['Grüße „Köln“ 😀 \u00a0 \u0085 \u2028']])(
    'should keep %j unchanged when every character is allowed',
    (value) => {
      expect(removeForbiddenChars(value)).toEqual({ text: value, removed: 0 })
    },
  )
})

describe('findForbiddenChar', () => {
  it.each([
    ['keine Probleme\nhier', 5, undefined],
    ['\u0001am Anfang', 5, { line: 5, column: 1 }],
    ['erste Zeile\nzwei\u000bte Zeile', 9, { line: 10, column: 5 }],
    ['Emoji 😀 dann \uFFFF', 1, { line: 1, column: 15 }],
  ])('should find the first forbidden character in %j', (value, firstLine, expected) => {
    expect(findForbiddenChar(value, firstLine)).toEqual(expected)
  })
})
