/** Collects change notices into rebuilds. */
export interface RebuildScheduler {
  /** Something changed: run once things have been quiet for the delay. */
  notify(): void
  /** Stops scheduling; resolves when a rebuild in progress has finished. */
  close(): Promise<void>
}

/**
 * Runs `run` `delayMs` after the last notice, never twice at once; notices during a run queue one
 * more run right after it. `run` reports its own errors: a rejection is ignored so the preview
 * keeps going after a failed build.
 */
export function createRebuildScheduler(run: () => Promise<void>, delayMs = 100): RebuildScheduler {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let queued = false
  let closed = false

  const start = (): void => {
    timer = undefined
    if (running) {
      queued = true
      return
    }
    running = Promise.resolve()
      .then(run)
      .catch(() => undefined)
      .then(() => {
        running = undefined
        if (queued && !closed) {
          queued = false
          start()
        }
      })
  }

  return {
    notify() {
      if (closed) return
      clearTimeout(timer)
      timer = setTimeout(start, delayMs)
    },
    async close() {
      closed = true
      clearTimeout(timer)
      queued = false
      await running
    },
  }
}
