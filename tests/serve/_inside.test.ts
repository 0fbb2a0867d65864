import { describe, expect, it } from 'vitest'
import { isInside } from '../../src/serve/_inside.js'

describe('isInside', () => {
  it.each([
    ['/site/dist', '/site/dist', true],
    ['/site/dist/rss.xml', '/site/dist', true],
    ['/site/dist/politik/rss.xml', '/site/dist/', true],
    ['/site/dist-alt/rss.xml', '/site/dist', false],
    ['/site/content/a.md', '/site/dist', false],
  ])('should answer %j inside %j with %s', (value, folder, expected) => {
    expect(isInside(value, folder)).toBe(expected)
  })
})
