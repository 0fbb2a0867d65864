import { parentPort } from 'node:worker_threads'
import { loadRenderer, type RenderJob } from './jobs.js'

const render = await loadRenderer()

// A helper thread: renders the bodies it is sent and posts the outcomes back, in order.
parentPort?.on('message', (message: { id: number; jobs: RenderJob[] }) => {
  try {
    parentPort?.postMessage({ id: message.id, outcomes: message.jobs.map(render) })
  } catch (error) {
    parentPort?.postMessage({ id: message.id, failure: (error as Error)?.stack ?? String(error) })
  }
})
