import { describe, expect, it } from 'vitest'
import { dueRange } from '../../src/fast/_due-range.js'

const DUE = { latest: 1_000, next: 5_000 }
const NOW = new Date(2_000)

describe('dueRange', () => {
  it('should keep the range between due articles when an empty archive page carries its own date', () => {
    const feeds = [{ items: [1] }, { items: [], updatedWhenEmpty: new Date(900) }]

    expect(dueRange(DUE, feeds, NOW, false)).toEqual([1_000, 4_999])
  })

  it('should narrow the range to now when an empty feed is dated now', () => {
    expect(dueRange(DUE, [{ items: [1] }, { items: [] }], NOW, false)).toEqual([2_000, 2_000])
  })
})
