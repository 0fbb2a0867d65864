import type { ServerResponse } from 'node:http'

/** Where open pages ask for reload notices, and the script that asks. Hidden from the output folder. */
export const LIVE_EVENTS_PATH = '/__kanal/events'
export const LIVE_SCRIPT_PATH = '/__kanal/live.js'

/** The script pages load: reloads the page when the server says a rebuild finished. */
export const LIVE_SCRIPT = `// kanal serve: reloads this page after each rebuild.
new EventSource('${LIVE_EVENTS_PATH}').addEventListener('reload', () => location.reload())
`

/**
 * Adds the live-reload script to a page as serve sends it, never to the file on disk: before
 * `</body>` in HTML, and as an XHTML `<script>` before the closing root tag of a feed (browsers run
 * it like the feed's own view script).
 */
export function injectLiveReload(bytes: Buffer, kind: 'html' | 'xml'): Buffer {
  const text = bytes.toString('utf8')
  const tag =
    kind === 'html'
      ? `<script src="${LIVE_SCRIPT_PATH}"></script>`
      : `<script xmlns="http://www.w3.org/1999/xhtml" src="${LIVE_SCRIPT_PATH}"></script>`
  const at = kind === 'html' ? text.lastIndexOf('</body>') : text.lastIndexOf('</')
  const injected = at < 0 ? `${text}${tag}` : `${text.slice(0, at)}${tag}\n${text.slice(at)}`
  return Buffer.from(injected)
}

/** The open pages listening for reload notices (server-sent events). */
export class LiveReload {
  readonly #clients = new Set<ServerResponse>()

  /** Keeps `response` open as an event stream until the page goes away. */
  add(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    })
    response.write(': kanal serve\n\n')
    this.#clients.add(response)
    response.on('close', () => this.#clients.delete(response))
  }

  /** Tells every open page to reload. */
  reload(): void {
    for (const client of this.#clients) client.write('event: reload\ndata: \n\n')
  }

  /** Ends every stream, so the server can close. */
  close(): void {
    for (const client of this.#clients) client.end()
    this.#clients.clear()
  }
}
