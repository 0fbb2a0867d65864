import { describe, expect, it } from 'vitest'
import { EtagCache, matchesIfNoneMatch } from '../../src/serve/_etag.js'

const _bytes = (text: string) => new TextEncoder().encode(text)
const _stamp = { ino: 7n, size: 5n, mtimeNs: 1_000_000_000_000n }
const _later = () => 1_000_000 + 60_000

describe('EtagCache.set', () => {
  it('should return a strong quoted ETag that depends on the bytes when hashing', () => {
    const cache = new EtagCache(_later)
    const value = cache.set('/a', _stamp, _bytes('Hallo'))
    expect(value).toMatch(/^"[\w-]{43}"$/)
    expect(cache.set('/a', _stamp, _bytes('Hallo'))).toBe(value)
    expect(cache.set('/a', _stamp, _bytes('Hallö'))).not.toBe(value)
  })
})

describe('EtagCache.get', () => {
  it('should return the remembered ETag when the stamp is unchanged', () => {
    const cache = new EtagCache(_later)
    const expected = cache.set('/a', _stamp, _bytes('Hallo'))
    expect(cache.get('/a', { ..._stamp })).toBe(expected)
  })

  it.each([
    ['size', { ..._stamp, size: 6n }],
    ['mtime', { ..._stamp, mtimeNs: _stamp.mtimeNs + 1n }],
    ['inode', { ..._stamp, ino: 8n }],
  ])('should forget the ETag when the %s changed', (_, value) => {
    const cache = new EtagCache(_later)
    cache.set('/a', _stamp, _bytes('Hallo'))
    expect(cache.get('/a', value)).toBeUndefined()
  })

  it('should not remember the ETag when the file changed too recently to trust its stamp', () => {
    const cache = new EtagCache(() => 1_000_000 + 10)
    cache.set('/a', _stamp, _bytes('Hallo'))
    expect(cache.get('/a', _stamp)).toBeUndefined()
  })
})

describe('matchesIfNoneMatch', () => {
  const etag = '"abc"'
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"xyz", "abc"', true],
    ['"xyz",W/"abc" ', true],
    ['*', true],
    ['"xyz"', false],
    ['abc', false],
    ['', false],
    [undefined, false],
  ])('should answer %j with %s', (value, expected) => {
    expect(matchesIfNoneMatch(value, etag)).toBe(expected)
  })
})
