import { parentPort } from 'node:worker_threads'
import { type ParseJob, type RenderJob, runParseJob, runRenderJob } from './jobs.js'

// A helper thread: runs the jobs it is sent and posts the outcomes back, in order.
parentPort?.on(
  'message',
  (
    message:
      | { id: number; kind: 'parse'; jobs: ParseJob[] }
      | { id: number; kind: 'render'; jobs: RenderJob[] },
  ) => {
    try {
      const outcomes =
        message.kind === 'parse' ? message.jobs.map(runParseJob) : message.jobs.map(runRenderJob)
      parentPort?.postMessage({ id: message.id, outcomes })
    } catch (error) {
      parentPort?.postMessage({ id: message.id, failure: (error as Error)?.stack ?? String(error) })
    }
  },
)
