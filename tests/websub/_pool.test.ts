import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { mapLimited } from '../../src/websub/_pool.js'

describe('mapLimited', () => {
  it('should keep the order of the items when later tasks finish first', async () => {
    const value = [30, 1, 20, 2, 10]
    const expected = ['30', '1', '20', '2', '10']
    expect(
      await mapLimited(value, 2, async (ms) => {
        await sleep(ms)
        return String(ms)
      }),
    ).toEqual(expected)
  })

  it('should never run more tasks at once than the limit when there are many items', async () => {
    let running = 0
    let most = 0
    await mapLimited(
      Array.from({ length: 12 }, (_, index) => index),
      4,
      async () => {
        running++
        most = Math.max(most, running)
        await sleep(5)
        running--
      },
    )
    expect(most).toBe(4)
  })

  it('should return an empty list when there are no items', async () => {
    expect(await mapLimited([], 4, async () => 1)).toEqual([])
  })
})
