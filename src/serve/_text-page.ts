import type { ServerResponse } from 'node:http'

const _PAGES = {
  400: 'Ungültige Adresse.',
  403: 'Zugriff verweigert: Diese Adresse liegt außerhalb des Ausgabeordners.',
  404: 'Nicht gefunden: Unter dieser Adresse gibt es im Ausgabeordner keine Datei.',
  405: 'Methode nicht erlaubt: Die Vorschau beantwortet nur GET und HEAD.',
  500: 'Interner Fehler: Die Datei konnte nicht gelesen werden.',
} as const

/** HTTP statuses that have a short German explanation page. */
export type ErrorStatus = keyof typeof _PAGES

/** Answers with a short German plain-text page explaining `status`. */
export function sendTextPage(response: ServerResponse, status: ErrorStatus, head: boolean): void {
  const body = Buffer.from(`${status} – ${_PAGES[status]}\n`)
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-cache',
    ...(status === 405 ? { allow: 'GET, HEAD' } : {}),
  })
  response.end(head ? undefined : body)
}
