import { parentPort } from 'node:worker_threads'
import type { Config } from '../config.js'
import type { ArticleFile } from '../content/read-article.js'
import type { BodyJob } from '../render/article-body.js'
import { loadReader, loadRenderer } from './_jobs.js'

type _Message =
  | { id: number; kind: 'render'; jobs: BodyJob[] }
  | { id: number; kind: 'read'; jobs: ArticleFile[]; config: Config }

let _render: ReturnType<typeof loadRenderer> | undefined
let _read: ReturnType<typeof loadReader> | undefined

// A helper thread: reads or renders what it is sent and posts the outcomes back, in order, in
// batches that are handed on as they come: neither thread holds every outcome of a large first build
// at once. Each kind of work loads its code on first use.
parentPort?.on('message', async (message: _Message) => {
  try {
    if (message.kind === 'read') {
      _read ??= loadReader()
      const read = await _read
      _postInBatches(message.id, message.jobs, (job) => read(job, message.config))
    } else {
      _render ??= loadRenderer()
      _postInBatches(message.id, message.jobs, await _render)
    }
  } catch (error) {
    parentPort?.postMessage({ id: message.id, from: 0, failure: (error as Error)?.stack ?? String(error) })
  }
})

/** Outcomes per message. */
const _BATCH = 500

function _postInBatches<Job>(id: number, jobs: Job[], work: (job: Job) => unknown): void {
  for (let from = 0; from < jobs.length; from += _BATCH) {
    const outcomes = jobs.slice(from, from + _BATCH).map((job) => work(job))
    parentPort?.postMessage({ id, from, outcomes, last: from + _BATCH >= jobs.length })
  }
}
