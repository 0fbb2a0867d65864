import { describe, expect, it } from 'vitest'
import { ContentError } from '../../src/errors.js'
import { decodeText } from '../../src/import/_decode.js'

const _utf8 = (value: string) => new TextEncoder().encode(value)

describe('decodeText', () => {
  it('should return the text when it is UTF-8', () => {
    expect(decodeText(_utf8('Kanäle — „so“'), 'import/a.txt')).toBe('Kanäle — „so“')
  })

  it('should drop the byte order mark when the file starts with one', () => {
    const value = new Uint8Array([0xef, 0xbb, 0xbf, ..._utf8('Politik')])
    expect(decodeText(value, 'import/a.txt')).toBe('Politik')
  })

  it('should throw a ContentError at the first bad line when the file is Latin-1', () => {
    const value = new Uint8Array([..._utf8('1. Mai 2024\n\nPolitik\n\nK'), 0xe4, ..._utf8('nale\n')])
    const error = (() => {
      try {
        decodeText(value, 'import/latin1.txt')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ContentError)
    expect((error as ContentError).message).toMatchInlineSnapshot(
      `"import/latin1.txt:5: is not UTF-8 text (maybe Latin-1 or Windows-1252); save it as UTF-8 and import it again"`,
    )
  })
})
