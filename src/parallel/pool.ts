import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CODE_DIR } from '../package-root.js'
import {
  loadParser,
  loadRenderer,
  type ParseJob,
  type ParseOutcome,
  type RenderJob,
  type RenderOutcome,
} from './jobs.js'

// The bundled worker (scripts/bundle.mjs); absent when kanal runs from its TypeScript sources (tests),
// which then use one thread.
const _WORKER = fileURLToPath(new URL('worker.js', CODE_DIR))

/**
 * Runs parse and render jobs; with `threads` above 1, rendering is shared with helper threads.
 * Default 1: measured on the 2-core benchmark machine, helpers did not pay (their cold JIT and the
 * copying of results cost more than they saved; docs/benchmarks.md), so they run only when asked for.
 * Parsing always stays on this thread: copying parsed front matter back cost more than parsing it.
 */
export class JobPool {
  readonly #threads: number
  readonly #workers: Worker[] = []
  #nextId = 0
  #parse: ReturnType<typeof loadParser> | undefined
  #render: ReturnType<typeof loadRenderer> | undefined

  constructor(threads = 1) {
    this.#threads = existsSync(_WORKER) ? Math.max(1, threads) : 1
  }

  /** Parses front matter of the files, in order. */
  async parse(jobs: ParseJob[]): Promise<ParseOutcome[]> {
    if (jobs.length === 0) return []
    this.#parse ??= loadParser()
    return jobs.map(await this.#parse)
  }

  /** Renders bodies, in order. */
  async render(jobs: RenderJob[]): Promise<RenderOutcome[]> {
    if (jobs.length === 0) return []
    this.#render ??= loadRenderer()
    const render = await this.#render
    const threads = Math.min(this.#threads, jobs.length)
    if (threads <= 1) return jobs.map(render)
    const size = Math.ceil(jobs.length / threads)
    const helped = Array.from({ length: threads - 1 }, (_, index) =>
      this.#send(index, jobs.slice((index + 1) * size, (index + 2) * size)),
    )
    const own = jobs.slice(0, size).map(render)
    return [...own, ...(await Promise.all(helped)).flat()]
  }

  /** Starts the helper threads now, so that loading their code overlaps with this thread's reading. */
  warmUp(): void {
    for (let index = 0; index < this.#threads - 1; index++) this.#worker(index)
  }

  /** Stops the helper threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.splice(0).map((worker) => worker.terminate()))
  }

  #send(index: number, jobs: RenderJob[]): Promise<RenderOutcome[]> {
    const worker = this.#worker(index)
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const onMessage = (message: { id: number; outcomes?: RenderOutcome[]; failure?: string }) => {
        if (message.id !== id) return
        worker.off('message', onMessage)
        worker.off('error', reject)
        if (message.outcomes) resolve(message.outcomes)
        else reject(new Error(`kanal worker failed: ${message.failure}`))
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
      worker.postMessage({ id, jobs })
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
