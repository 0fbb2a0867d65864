import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { createHandler } from './_handler.js'
import { isInside } from './_inside.js'
import { type FolderWatch, watchFolder } from './_watch.js'

/** What to serve and where. */
export interface ServeOptions {
  /** The output folder to serve. */
  root: string
  /** Port to listen on; 0 (the default) picks any free one. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`, so the preview is not reachable from outside. */
  host?: string
  /** Rebuild hook: `onChange` runs (debounced ~100 ms, one at a time) when files below `dir` change. */
  watch?: { dir: string; onChange: () => Promise<void> }
}

/** A preview server that is listening. */
export interface RunningServer {
  /** Its address, like `http://127.0.0.1:PORT/`. */
  url: string
  /** Stops watching and serving; resolves once both have stopped. */
  close(): Promise<void>
}

/** Serves the output folder for previewing feeds, with the right media types, ETags and 304s. */
export async function serveOutput(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root)
  const host = options.host ?? '127.0.0.1'
  const server = createServer(createHandler(root))
  await _listen(server, options.port ?? 0, host)
  let watching: FolderWatch | undefined
  try {
    // Rebuilds write into the output folder; when it lies inside the watched one, that is no change.
    if (options.watch)
      watching = watchFolder(resolve(options.watch.dir), options.watch.onChange, (path) =>
        isInside(path, root),
      )
  } catch (error) {
    await _close(server)
    throw error
  }
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close() {
      closing ??= (async () => {
        await watching?.close()
        await _close(server)
      })()
      return closing
    },
  }
}

function _listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolvePromise()
    })
  })
}

function _close(server: Server): Promise<void> {
  return new Promise((resolvePromise) => {
    server.close(() => resolvePromise())
    // Browsers keep connections alive; without this, close would wait for them to time out.
    server.closeAllConnections()
  })
}
