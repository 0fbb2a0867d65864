/** Where a request path points below the output folder, or why it may not be served. */
export type RequestPath = { ok: true; segments: string[] } | { ok: false; status: 400 | 403 | 404 }

/**
 * Splits a request target into decoded path segments. Refuses `..` (also when percent-encoded),
 * encoded slashes, backslashes and null bytes with 403, bad encodings with 400, and hidden names
 * with 404, so no segment can climb out of the output folder.
 */
export function toRequestPath(target: string): RequestPath {
  if (!target.startsWith('/')) return { ok: false, status: 400 }
  const pathname = target.replace(/[?#].*$/s, '')
  const segments: string[] = []
  for (const raw of pathname.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return { ok: false, status: 400 }
    }
    if (segment === '' || segment === '.') continue
    if (segment === '..' || /[/\\\0]/.test(segment)) return { ok: false, status: 403 }
    if (segment.startsWith('.')) return { ok: false, status: 404 }
    segments.push(segment)
  }
  return { ok: true, segments }
}
