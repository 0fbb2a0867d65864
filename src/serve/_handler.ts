import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendErrorPage } from './_error-page.js'
import { EtagCache } from './_etag.js'
import { findFile } from './_find-file.js'
import { LIVE_EVENTS_PATH, LIVE_SCRIPT, LIVE_SCRIPT_PATH, type LiveReload } from './_live-reload.js'
import { wantsPage } from './_media-type.js'
import { toRequestPath } from './_request-path.js'
import { sendFile } from './_send-file.js'
import { sendTextPage } from './_text-page.js'

/** Live preview: open pages reload after each rebuild, and see the last build's errors. */
export interface Live {
  reload: LiveReload
  /** The problems of the last build (`file:line:column: message`), none when it succeeded. */
  problems: () => string[]
}

/**
 * A request listener that serves the files below `root`, and never rejects or prints. With `live`,
 * pages a browser asks for get the live-reload script, or the error page while the build fails.
 */
export function createHandler(
  root: string,
  live?: Live,
): (request: IncomingMessage, response: ServerResponse) => void {
  const etags = new EtagCache()
  return (request, response) => {
    _handle(root, etags, request, response, live).catch((error: unknown) => {
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
  live: Live | undefined,
): Promise<void> {
  const head = request.method === 'HEAD'
  if (request.method !== 'GET' && !head) return sendTextPage(response, 405, head)
  const target = request.url ?? '/'
  const requested = target.replace(/[?#].*$/s, '')
  if (live && requested === LIVE_EVENTS_PATH) return live.reload.add(response)
  if (live && requested === LIVE_SCRIPT_PATH) return _sendScript(response, head)
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
  const page = live !== undefined && wantsPage(request.headers.accept) && /\.(html?|xml)$/i.test(found.path)
  const problems = page ? (live?.problems() ?? []) : []
  if (problems.length > 0) return sendErrorPage(response, problems, head)
  await sendFile(request, response, found.path, etags, page)
}

function _sendScript(response: ServerResponse, head: boolean): void {
  const body = Buffer.from(LIVE_SCRIPT)
  response.writeHead(200, {
    'content-type': 'text/javascript; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
  })
  response.end(head ? undefined : body)
}
