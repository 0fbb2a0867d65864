import { parentPort } from 'node:worker_threads'
import type { Config } from '../config.js'
import { contentFiles } from '../content/load.js'
import type { BodyJob } from '../render/article-body.js'
import { loadReader, loadRenderer, READ_CHUNK, type SharedRead, takeChunk } from './_jobs.js'

type _Message =
  | { id: number; kind: 'render'; jobs: BodyJob[] }
  | { id: number; kind: 'read'; read: SharedRead; config: Config }

let _render: ReturnType<typeof loadRenderer> | undefined
let _read: ReturnType<typeof loadReader> | undefined

// A helper thread: reads or renders what it is sent and posts the outcomes back in batches that are
// handed on as they come (reads: a chunk at a time, taken from the counter all threads share): neither
// thread holds every outcome of a large first build at once. Each kind of work loads its code on first use.
parentPort?.on('message', async (message: _Message) => {
  try {
    if (message.kind === 'read') {
      _read ??= loadReader()
      _readShare(message.id, message.read, message.config, await _read)
    } else {
      _render ??= loadRenderer()
      _postInBatches(message.id, message.jobs, await _render)
    }
  } catch (error) {
    parentPort?.postMessage({ id: message.id, from: 0, failure: (error as Error)?.stack ?? String(error) })
  }
})

/** Rendered bodies per message. */
const _BATCH = 500

/**
 * Reads this helper's first positions, then chunks of the shared ones until none is left, posting
 * the outcomes of each; then says it is done.
 */
function _readShare(
  id: number,
  read: SharedRead,
  config: Config,
  readOne: Awaited<ReturnType<typeof loadReader>>,
): void {
  const files = contentFiles(read.contentDir, read.cwd, read.relatives)
  const post = (from: number, to: number) => {
    const outcomes = []
    for (let position = from; position < to; position++) outcomes.push(readOne(files.at(position), config))
    parentPort?.postMessage({ id, from, outcomes })
  }
  const [from, to] = read.first
  if (from < to) post(from, to)
  for (let chunk = takeChunk(read.next); chunk < read.shared; chunk = takeChunk(read.next))
    post(chunk, Math.min(read.shared, chunk + READ_CHUNK))
  parentPort?.postMessage({ id, from: read.relatives.length, outcomes: [], last: true })
}

function _postInBatches<Job>(id: number, jobs: Job[], work: (job: Job) => unknown): void {
  for (let from = 0; from < jobs.length; from += _BATCH) {
    const outcomes = jobs.slice(from, from + _BATCH).map((job) => work(job))
    parentPort?.postMessage({ id, from, outcomes, last: from + _BATCH >= jobs.length })
  }
}
