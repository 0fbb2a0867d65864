import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Config } from '../config.js'
import { CODE_DIR } from '../package-root.js'
import type { BodyJob } from '../render/article-body.js'
import {
  chunkCounter,
  type HashedBody,
  loadRenderer,
  READ_CHUNK,
  type ReadOutcome,
  type SharedRead,
  takeChunk,
} from './_jobs.js'

// The bundled worker (scripts/bundle.mjs); absent when kanal runs from its TypeScript sources (tests),
// which then use one thread.
const _WORKER = fileURLToPath(new URL('worker.js', CODE_DIR))

// Measured on the 2-core benchmark machine with chunks taken from a shared counter (docs/benchmarks.md,
// fifth pass): a first build of 10,000 files with a helper took 1.02× the time of one thread (8 pairs)
// with 31% more CPU and 40 MB more memory; of 20,000 files, 0.91× (6 pairs).
/** Below this many files, a helper thread's start-up and copying cost more than it saves. */
const _WORTH_A_HELPER = 20_000
/** What a helper posts back: a batch of outcomes from position `from` (the last one says so), or its failure. */
type _Batch<T> = { id: number; from: number; outcomes?: T[]; last?: boolean; failure?: string }

/** Below this many bodies, rendering in an already running helper does not pay. */
const _WORTH_A_STARTED_HELPER = 200

/**
 * Runs read and render jobs on this thread and, where it pays, on helper threads. By default
 * kanal uses up to two threads, and the helper only for a first build of 20,000 files or more (it
 * reads a share of the front matter, then renders a share of the bodies): below that its start-up
 * and the copying cost more than it saves. An explicit thread count uses helpers for any work.
 */
export class JobPool {
  readonly #threads: number
  readonly #explicit: boolean
  readonly #workers: Worker[] = []
  #nextId = 0
  #render: ReturnType<typeof loadRenderer> | undefined

  constructor(threads?: number) {
    this.#explicit = threads !== undefined
    const wanted = threads ?? Math.min(2, availableParallelism())
    this.#threads = existsSync(_WORKER) ? Math.max(1, wanted) : 1
  }

  /** True when reading `count` files is worth sharing with helper threads. */
  helps(count: number): boolean {
    return this.#threads > 1 && count > 0 && (this.#explicit || count >= _WORTH_A_HELPER)
  }

  /**
   * Reads the files of `read` on this thread (`here`, by position) and on the helper threads. Each
   * helper starts with a chunk of its own at the end of the list (so every helper takes part); the
   * rest is taken a chunk at a time, from a counter all threads share, by whichever thread is free:
   * none waits for another however fast each turns out (a helper starts late; this thread also takes
   * in the helpers' outcomes, and only it caches what it read). The helpers' outcomes go to `found`
   * as they come: this thread looks for them between its chunks.
   */
  async share(
    read: Pick<SharedRead, 'contentDir' | 'cwd' | 'relatives'>,
    config: Config,
    here: (position: number) => void,
    found: (position: number, outcome: ReadOutcome) => void,
  ): Promise<void> {
    const count = read.relatives.length
    if (!this.helps(count)) {
      for (let position = 0; position < count; position++) here(position)
      return
    }
    const helpers = this.#threads - 1
    const first = Math.min(READ_CHUNK, Math.floor(count / this.#threads))
    const shared = count - first * helpers
    const next = chunkCounter()
    const helped = Promise.all(
      Array.from({ length: helpers }, (_, index) => {
        const from = shared + index * first
        const work = { kind: 'read', read: { ...read, next, shared, first: [from, from + first] }, config }
        return this.#send<ReadOutcome>(index, work, found)
      }),
    )
    // Marked as handled now: it may fail while this thread still reads; `helped` still rejects.
    helped.catch(() => undefined)
    for (let from = takeChunk(next); from < shared; from = takeChunk(next)) {
      for (let position = from; position < Math.min(shared, from + READ_CHUNK); position++) here(position)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await helped
  }

  /** Renders bodies, in order. */
  async render(jobs: BodyJob[]): Promise<HashedBody[]> {
    if (jobs.length === 0) return []
    this.#render ??= loadRenderer()
    const render = await this.#render
    // Only helpers that already run (they read a first build's files) pay for rendering.
    const started = this.#workers.length > 0 && jobs.length >= _WORTH_A_STARTED_HELPER
    if (!(this.#explicit && this.#threads > 1) && !started) return jobs.map(render)
    const threads = Math.min(this.#threads, jobs.length)
    const size = Math.ceil(jobs.length / threads)
    const outcomes: HashedBody[] = new Array(jobs.length)
    // The helpers get their shares first, then this thread renders its own.
    const helped = Array.from({ length: threads - 1 }, (_, index) => {
      const from = (index + 1) * size
      const work = { kind: 'render', jobs: jobs.slice(from, from + size) }
      if (work.jobs.length === 0) return Promise.resolve()
      return this.#send<HashedBody>(index, work, (at, outcome) => {
        outcomes[from + at] = outcome
      })
    })
    const all = Promise.all(helped)
    all.catch(() => undefined)
    for (let at = 0; at < size; at++) outcomes[at] = render(jobs[at] as BodyJob)
    await all
    return outcomes
  }

  /** Starts the helper threads now, so that loading their code overlaps with this thread's work. */
  warmUp(): void {
    for (let index = 0; index < this.#threads - 1; index++) this.#worker(index)
  }

  /** Stops the helper threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.splice(0).map((worker) => worker.terminate()))
  }

  /**
   * Sends `work` to a helper and hands on its outcomes, by position in its jobs or files, as the
   * batches come (`worker.ts`); settles when the last has come.
   */
  #send<T>(index: number, work: { kind: string }, found: (at: number, outcome: T) => void): Promise<void> {
    const worker = this.#worker(index)
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const stop = (error?: unknown) => {
        worker.off('message', onMessage)
        worker.off('error', stop)
        if (error === undefined) resolve()
        else reject(error)
      }
      // Runs outside the build's promises: what `found` throws (a cache file that cannot be
      // written) must fail this promise, not the process; later batches of this work are ignored.
      const onMessage = (message: _Batch<T>) => {
        if (message.id !== id) return
        if (!message.outcomes) return stop(new Error(`kanal worker failed: ${message.failure}`))
        try {
          for (const [at, outcome] of message.outcomes.entries()) found(message.from + at, outcome)
        } catch (error) {
          return stop(error)
        }
        if (message.last) stop()
      }
      worker.on('message', onMessage)
      worker.once('error', stop)
      worker.postMessage({ id, ...work })
    })
  }

  #worker(index: number): Worker {
    let worker = this.#workers[index]
    if (!worker) {
      worker = new Worker(_WORKER)
      worker.unref()
      this.#workers[index] = worker
    }
    return worker
  }
}
