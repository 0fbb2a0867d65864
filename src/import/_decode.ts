import { ContentError } from '../errors.js'

const _UTF8 = new TextDecoder('utf-8', { fatal: true })

/** Decodes a text export as UTF-8, dropping a leading BOM; anything else is a `ContentError` at the first bad line. */
export function decodeText(bytes: Uint8Array, file: string): string {
  try {
    return _UTF8.decode(bytes)
  } catch (error) {
    const reason = 'is not UTF-8 text (maybe Latin-1 or Windows-1252); save it as UTF-8 and import it again'
    throw new ContentError({ file, line: _firstBadLine(bytes) }, reason, { cause: error })
  }
}

/** The 1-based number of the first line that does not decode; lines end at LF, which UTF-8 never hides. */
function _firstBadLine(bytes: Uint8Array): number {
  let start = 0
  let line = 1
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start)
    const stop = end === -1 ? bytes.length : end
    try {
      _UTF8.decode(bytes.subarray(start, stop))
    } catch {
      return line
    }
    if (end === -1) break
    start = end + 1
    line++
  }
  return line
}
