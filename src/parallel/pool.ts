import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CODE_DIR } from '../package-root.js'
import { loadRunners, type ParseJob, type ParseOutcome, type RenderJob, type RenderOutcome } from './jobs.js'

// The bundled worker (scripts/bundle.mjs); absent when kanal runs from its TypeScript sources (tests), which then use one thread.
const _WORKER = fileURLToPath(new URL('worker.js', CODE_DIR))

/**
 * Shares parse and render jobs between this thread and helper threads. Starting a thread costs tens of
 * milliseconds, so small batches stay on this thread unless `threads` was set explicitly.
 */
export class JobPool {
  readonly #threads: number
  readonly #explicit: boolean
  readonly #workers: Worker[] = []
  #nextId = 0
  #runners: ReturnType<typeof loadRunners> | undefined

  /** `threads`: how many threads in all (1 = this one only); default: the machine's cores, at most 4. */
  constructor(threads?: number) {
    this.#explicit = threads !== undefined
    const wanted = threads ?? Math.min(4, availableParallelism())
    this.#threads = existsSync(_WORKER) ? Math.max(1, wanted) : 1
  }

  /** Parses front matter of the files, in order. */
  async parse(jobs: ParseJob[]): Promise<ParseOutcome[]> {
    if (jobs.length === 0) return []
    const runners = await this.#loadRunners()
    return this.#share('parse', jobs, Number.POSITIVE_INFINITY, runners.parse)
  }

  /** Renders bodies, in order. */
  async render(jobs: RenderJob[]): Promise<RenderOutcome[]> {
    if (jobs.length === 0) return []
    const runners = await this.#loadRunners()
    return this.#share('render', jobs, 64, runners.render)
  }

  #loadRunners(): ReturnType<typeof loadRunners> {
    this.#runners ??= loadRunners()
    return this.#runners
  }

  /**
   * Starts the helper threads now, so that loading their code overlaps with this thread's reading;
   * only for builds large enough to render many articles.
   */
  warmUp(articleCount: number): void {
    if (articleCount < 1000) return
    for (let index = 0; index < this.#threads - 1; index++) this.#worker(index)
  }

  /** Stops the helper threads. */
  async close(): Promise<void> {
    await Promise.all(this.#workers.splice(0).map((worker) => worker.terminate()))
  }

  async #share<J, O>(kind: 'parse' | 'render', jobs: J[], worthIt: number, run: (job: J) => O): Promise<O[]> {
    const threads =
      jobs.length >= worthIt || (this.#explicit && Number.isFinite(worthIt))
        ? Math.min(this.#threads, jobs.length)
        : 1
    if (threads <= 1) return jobs.map(run)
    const size = Math.ceil(jobs.length / threads)
    const helped = Array.from({ length: threads - 1 }, (_, index) =>
      this.#send<O>(index, kind, jobs.slice((index + 1) * size, (index + 2) * size)),
    )
    const own = jobs.slice(0, size).map(run)
    return [...own, ...(await Promise.all(helped)).flat()]
  }

  #send<O>(index: number, kind: 'parse' | 'render', jobs: unknown[]): Promise<O[]> {
    const worker = this.#worker(index)
    const id = this.#nextId++
    return new Promise((resolve, reject) => {
      const onMessage = (message: { id: number; outcomes?: O[]; failure?: string }) => {
        if (message.id !== id) return
        worker.off('message', onMessage)
        worker.off('error', reject)
        if (message.outcomes) resolve(message.outcomes)
        else reject(new Error(`kanal worker failed: ${message.failure}`))
      }
      worker.on('message', onMessage)
      worker.once('error', reject)
      worker.postMessage({ id, kind, jobs })
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
