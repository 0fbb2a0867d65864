import type { IncomingMessage, ServerResponse } from 'node:http'
import { EtagCache } from './_etag.js'
import { findFile } from './_find-file.js'
import { toRequestPath } from './_request-path.js'
import { sendFile } from './_send-file.js'
import { sendTextPage } from './_text-page.js'

/** A request listener that serves the files below `root`, and never rejects or prints. */
export function createHandler(root: string): (request: IncomingMessage, response: ServerResponse) => void {
  const etags = new EtagCache()
  return (request, response) => {
    _handle(root, etags, request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy()
      // A rebuild may delete the file between finding and opening it.
      const gone = (error as NodeJS.ErrnoException).code === 'ENOENT'
      sendTextPage(response, gone ? 404 : 500, request.method === 'HEAD')
    })
  }
}

async function _handle(
  root: string,
  etags: EtagCache,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const head = request.method === 'HEAD'
  if (request.method !== 'GET' && !head) return sendTextPage(response, 405, head)
  const target = request.url ?? '/'
  const path = toRequestPath(target)
  if (!path.ok) return sendTextPage(response, path.status, head)
  const pathname = target.replace(/[?#].*$/s, '')
  const found = await findFile(root, path.segments, pathname.endsWith('/'))
  if (found.kind === 'missing') return sendTextPage(response, found.status, head)
  if (found.kind === 'folder') {
    // Relative links in a folder's index.html only work when its URL ends in a slash. The location is
    // built from the checked segments, so it is always a path on this host (`//x` would name another).
    const location = `/${path.segments.map(encodeURIComponent).join('/')}/${target.slice(pathname.length)}`
    response.writeHead(301, { location, 'content-length': 0 })
    response.end()
    return
  }
  await sendFile(request, response, found.path, etags)
}
