import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { UsageError } from '../errors.js'
import { createHandler, type Live } from './_handler.js'
import { isInside } from './_inside.js'
import { LiveReload } from './_live-reload.js'
import { type SourceWatch, watchSources } from './watch.js'

/** What to serve and where. */
export interface ServeOptions {
  /** The output folder to serve. */
  root: string
  /** Port to listen on; 0 (the default) picks any free one. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`, so the preview is not reachable from outside. */
  host?: string
  /**
   * Rebuild hook: `onChange` runs (debounced ~100 ms, one at a time) when files below `dir` or one
   * of `files` change. It returns the build's problems (`file:line:column: message`), none when it
   * succeeded; open pages then reload, to the new output or to a German page with the problems.
   */
  watch?: { dir: string; files?: string[]; onChange: () => Promise<string[] | undefined | void> }
  /** Problems of the build before the server started, shown until the first rebuild. */
  problems?: string[]
}

/** A preview server that is listening. */
export interface RunningServer {
  /** Its address, like `http://127.0.0.1:PORT/`. */
  url: string
  /** Stops watching and serving; resolves once both have stopped. */
  close(): Promise<void>
}

/**
 * Serves the output folder for previewing feeds, with the right media types, ETags and 304s; with
 * `watch`, also rebuilds on change and reloads open pages (the script is added only to what is sent).
 */
export async function serveOutput(options: ServeOptions): Promise<RunningServer> {
  const root = resolve(options.root)
  const host = options.host ?? '127.0.0.1'
  let problems = options.problems ?? []
  const reload = new LiveReload()
  const live: Live | undefined = options.watch ? { reload, problems: () => problems } : undefined
  const server = createServer(createHandler(root, live))
  await _listen(server, options.port ?? 0, host)
  let watching: SourceWatch | undefined
  try {
    const watch = options.watch
    // Rebuilds write into the output folder; when it lies inside the watched one, that is no change.
    if (watch)
      watching = await watchSources(
        { dirs: [watch.dir], files: watch.files ?? [] },
        async () => {
          problems = (await watch.onChange()) || []
          reload.reload()
        },
        (path) => isInside(path, root),
      )
  } catch (error) {
    await _close(server, reload)
    throw error
  }
  const { port } = server.address() as AddressInfo
  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    close() {
      closing ??= (async () => {
        await watching?.close()
        await _close(server, reload)
      })()
      return closing
    },
  }
}

function _listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(_listenError(error, port, host)))
    server.listen(port, host, () => {
      server.removeAllListeners('error')
      resolvePromise()
    })
  })
}

/** A port in use or not allowed is the user's to change (exit 2), not a bug in kanal. */
function _listenError(error: NodeJS.ErrnoException, port: number, host: string): Error {
  if (error.code === 'EADDRINUSE')
    return new UsageError(
      `port ${port} on ${host} is already in use; stop the other server or choose another port with --port (--port 0 picks a free one)`,
    )
  if (error.code === 'EACCES')
    return new UsageError(
      `port ${port} on ${host} needs more rights than kanal has; choose a port above 1023 with --port`,
    )
  return error
}

function _close(server: Server, reload: LiveReload): Promise<void> {
  return new Promise((resolvePromise) => {
    reload.close()
    server.close(() => resolvePromise())
    // Browsers keep connections alive; without this, close would wait for them to time out.
    server.closeAllConnections()
  })
}
