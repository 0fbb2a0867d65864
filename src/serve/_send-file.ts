import { open } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type EtagCache, matchesIfNoneMatch } from './_etag.js'
import { injectLiveReload } from './_live-reload.js'
import { mediaTypeForRequest } from './_media-type.js'

/**
 * Answers with the file at `path`: 200 with its bytes (none for HEAD), or 304 when the request's
 * `If-None-Match` already names its ETag. Every answer says `Cache-Control: no-cache`, so a browser
 * asks again after each rebuild and gets a cheap 304 when nothing changed. With `live`, an HTML
 * page or a feed gets the live-reload script (and its own ETag, as it differs from the file).
 */
export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  etags: EtagCache,
  live = false,
): Promise<void> {
  // One handle for stat and read, so an atomic rename during a rebuild cannot mix two versions.
  const handle = await open(path, 'r')
  try {
    const stats = await handle.stat({ bigint: true })
    const stamp = { ino: stats.ino, size: stats.size, mtimeNs: stats.mtimeNs }
    let bytes: Buffer | undefined
    let etag = etags.get(path, stamp)
    if (etag === undefined) {
      bytes = await handle.readFile()
      etag = etags.set(path, stamp, bytes)
    }
    if (live) etag = `${etag.slice(0, -1)}-live"`
    const headers = {
      etag,
      'last-modified': new Date(Number(stats.mtimeMs)).toUTCString(),
      'cache-control': 'no-cache',
    }
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) {
      response.writeHead(304, headers).end()
      return
    }
    const head = request.method === 'HEAD'
    if (!head || live) bytes ??= await handle.readFile()
    if (live && bytes) bytes = injectLiveReload(bytes, /\.xml$/i.test(path) ? 'xml' : 'html')
    response.writeHead(200, {
      ...headers,
      'content-type': mediaTypeForRequest(path, request.headers.accept),
      vary: 'Accept',
      'content-length': bytes?.length ?? Number(stats.size),
    })
    response.end(head ? undefined : bytes)
  } finally {
    await handle.close()
  }
}
