import { parentPort } from 'node:worker_threads'
import { loadRunners, type ParseJob, type RenderJob } from './jobs.js'

const runners = await loadRunners()

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
        message.kind === 'parse' ? message.jobs.map(runners.parse) : message.jobs.map(runners.render)
      parentPort?.postMessage({ id: message.id, outcomes })
    } catch (error) {
      parentPort?.postMessage({ id: message.id, failure: (error as Error)?.stack ?? String(error) })
    }
  },
)
