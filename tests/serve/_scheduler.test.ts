import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createRebuildScheduler } from '../../src/serve/_scheduler.js'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

/** A rebuild that stays running until `finish` is called, counting its runs. */
function _slowRun() {
  const state = { runs: 0, running: 0, most: 0, finish: () => {} }
  const run = () =>
    new Promise<void>((resolve) => {
      state.runs++
      state.running++
      state.most = Math.max(state.most, state.running)
      state.finish = () => {
        state.running--
        resolve()
      }
    })
  return { state, run }
}

describe('createRebuildScheduler', () => {
  it('should run once after the delay when notices come in a burst', async () => {
    const run = vi.fn(async () => {})
    const scheduler = createRebuildScheduler(run, 100)
    for (let i = 0; i < 5; i++) {
      scheduler.notify()
      await vi.advanceTimersByTimeAsync(50)
    }
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('should queue exactly one more run and never overlap when notices arrive during a run', async () => {
    const { state, run } = _slowRun()
    const scheduler = createRebuildScheduler(run, 100)
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(100)
    expect(state.runs).toBe(1)
    for (let i = 0; i < 3; i++) {
      scheduler.notify()
      await vi.advanceTimersByTimeAsync(150)
    }
    expect(state.runs).toBe(1)
    state.finish()
    await vi.advanceTimersByTimeAsync(0)
    expect(state.runs).toBe(2)
    state.finish()
    await vi.advanceTimersByTimeAsync(500)
    expect(state.runs).toBe(2)
    expect(state.most).toBe(1)
  })

  it('should keep scheduling when a run rejects', async () => {
    const run = vi.fn(async () => {
      throw new Error('Build kaputt')
    })
    const scheduler = createRebuildScheduler(run, 100)
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(100)
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(100)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('should wait for the current run and drop pending ones when closed', async () => {
    const { state, run } = _slowRun()
    const scheduler = createRebuildScheduler(run, 100)
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(100)
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(100)
    let closed = false
    const closing = scheduler.close().then(() => {
      closed = true
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(closed).toBe(false)
    state.finish()
    await closing
    scheduler.notify()
    await vi.advanceTimersByTimeAsync(500)
    expect(state.runs).toBe(1)
  })
})
