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

// A helper thread: reads or renders what it is sent and posts the outcomes back, in order. Each kind
// of work loads its code on first use.
parentPort?.on('message', async (message: _Message) => {
  try {
    if (message.kind === 'read') {
      _read ??= loadReader()
      const read = await _read
      parentPort?.postMessage({
        id: message.id,
        outcomes: message.jobs.map((job) => read(job, message.config)),
      })
    } else {
      _render ??= loadRenderer()
      parentPort?.postMessage({ id: message.id, outcomes: message.jobs.map(await _render) })
    }
  } catch (error) {
    parentPort?.postMessage({ id: message.id, failure: (error as Error)?.stack ?? String(error) })
  }
})
