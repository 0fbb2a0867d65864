import { describe, expect, it } from 'vitest'
import { parseSrcset, toAbsoluteSrcset } from '../../src/render/_srcset.js'
import type { UrlBase } from '../../src/render/urls.js'

const base: UrlBase = { articleUrl: 'https://x.de/2024/artikel/', siteUrl: 'https://x.de/' }

describe('parseSrcset', () => {
  it.each([
    ['a.jpg', [{ url: 'a.jpg', descriptor: '' }]],
    [
      'a.jpg 1x, b.jpg 2x',
      [
        { url: 'a.jpg', descriptor: '1x' },
        { url: 'b.jpg', descriptor: '2x' },
      ],
    ],
    [
      ' a,b.jpg 640w,\n c.jpg  1280w ',
      [
        { url: 'a,b.jpg', descriptor: '640w' },
        { url: 'c.jpg', descriptor: '1280w' },
      ],
    ],
    ['a.jpg,b.jpg', [{ url: 'a.jpg,b.jpg', descriptor: '' }]],
    [
      'a.jpg, b.jpg',
      [
        { url: 'a.jpg', descriptor: '' },
        { url: 'b.jpg', descriptor: '' },
      ],
    ],
    ['a.jpg foo(1, 2)', [{ url: 'a.jpg', descriptor: 'foo(1, 2)' }]],
    ['', []],
  ])('should split %j into its candidates', (value, expected) => {
    expect(parseSrcset(value)).toEqual(expected)
  })
})

describe('toAbsoluteSrcset', () => {
  it.each([
    ['a.jpg 1x, /b/c.jpg 2x', 'https://x.de/2024/artikel/a.jpg 1x, https://x.de/b/c.jpg 2x'],
    [
      'a.webp 640w, //cdn.x/b.webp 1280w',
      'https://x.de/2024/artikel/a.webp 640w, https://cdn.x/b.webp 1280w',
    ],
    ['Größe.jpg', 'https://x.de/2024/artikel/Gr%C3%B6%C3%9Fe.jpg'],
    ['a.jpg 1x, javascript:alert(1) 2x', 'https://x.de/2024/artikel/a.jpg 1x'],
    ['a.jpg 1.5x, b.jpg 0w, c.jpg huge', 'https://x.de/2024/artikel/a.jpg 1.5x'],
    ['mailto:a@b.de 1x, b.jpg 2x', 'https://x.de/2024/artikel/b.jpg 2x'],
  ])('should make every candidate of %j absolute when it is safe', (value, expected) => {
    expect(toAbsoluteSrcset(value, base)).toBe(expected)
  })

  it.each([['javascript:alert(1) 1x'], ['data:image/png;base64,AAAA 1x'], [' , ']])(
    'should return undefined when no candidate of %j is left',
    (value) => {
      expect(toAbsoluteSrcset(value, base)).toBeUndefined()
    },
  )
})
