import { describe, expect, it } from 'vitest'
import { truncate } from '../../src/render/_truncate.js'

describe('truncate', () => {
  it.each([
    ['kurz', 10, 'kurz'],
    ['genau zehn', 10, 'genau zehn'],
    ['eins zwei drei', 10, 'eins zwei…'],
    ['eins zwei drei', 9, 'eins zwei…'],
    ['eins zwei drei', 8, 'eins…'],
    ['Er sagte: „Die Wahl“', 11, 'Er sagte…'],
    ['Berlin, Köln und Bonn', 10, 'Berlin…'],
    ['Donaudampfschifffahrtsgesellschaft', 10, 'Donaudampf…'],
    ['a Donaudampfschifffahrtsgesellschaft', 10, 'a Donaudam…'],
    ['5\u00a0km weit', 6, '5\u00a0km…'],
    ['aaaaaaaaa😀😀 b', 10, 'aaaaaaaaa…'],
    ['aaaaaaaa😀😀 b', 10, 'aaaaaaaa😀…'],
    ['😀😀', 1, '😀…'],
    ['😀', 1, '😀'],
    ['👨‍👩‍👧 Familie', 5, '👨‍👩‍👧…'],
    ['Café́ am Markt', 5, 'Café́…'],
    ['Café́ am Markt', 4, 'Caf…'],
  ])('should shorten %j to at most %i units as %j', (value, maxLength, expected) => {
    expect(truncate(value, maxLength)).toBe(expected)
  })
})
