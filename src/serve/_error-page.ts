import type { ServerResponse } from 'node:http'
import { escapeXml as html } from '../formats/xml.js'
import { LIVE_SCRIPT_PATH } from './_live-reload.js'

/**
 * Answers a browser with a German page listing the problems of the last build (`file:line:column:
 * message` each) instead of the stale output; it reloads itself when the next build is done.
 */
export function sendErrorPage(response: ServerResponse, problems: string[], head: boolean): void {
  const items = problems.map((problem) => `    <li><code>${html(problem)}</code></li>`)
  const body = Buffer.from(
    [
      '<!DOCTYPE html>',
      '<html lang="de">',
      '<head>',
      '  <meta charset="utf-8">',
      '  <link rel="icon" href="data:,">',
      '  <title>Build fehlgeschlagen – kanal serve</title>',
      '  <style>body{font:17px/1.55 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}' +
        'h1{color:#a31515}li{margin:.5rem 0}code{white-space:pre-wrap;word-break:break-word}</style>',
      '</head>',
      '<body>',
      '  <h1>Build fehlgeschlagen</h1>',
      '  <p>Der letzte Build hat Fehler gemeldet. Die Vorschau zeigt wieder die Seite, sobald sie behoben sind.</p>',
      '  <ol>',
      ...items,
      '  </ol>',
      `  <script src="${LIVE_SCRIPT_PATH}"></script>`,
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  )
  response.writeHead(500, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
  })
  response.end(head ? undefined : body)
}
