import { CACHE_FORMAT } from './_keys.js'
import { latin1Json } from './_line.js'
import { seal } from './_seal.js'

/** What an index file holds, as far as its seals vouch for it. */
export interface IndexText {
  /** `configKey` the entries were validated with ('' for an index of another kanal version). */
  config: string
  /** Entry lines by article. */
  entries: Map<string, string>
  /** Body hashes by article (rows `#<hash>`; an entry row of the article drops its hash). */
  bodies: Map<string, string>
  /** The last seal, which an append chains on; '' when the file must be rewritten, not appended to. */
  seal: string
  /** Lines in the file, superseded ones included. */
  lines: number
}

/**
 * Reads an index file's text. The file is a header line, then rows (`"path"\t<entry>`, `#<body
 * hash>` or `-` for a removed article), each batch closed by a seal line `!<hex>`: the HMAC, with the
 * cache's secret, of the previous seal and every byte since it. Rows after the last seal (an append
 * cut short by a crash) are left out; a seal that does not match (an entry edited by hand, or two
 * builds appending at once) makes the whole index an error: the build goes on without it.
 */
export function readIndexText(bytes: Buffer, secret: Buffer | undefined): IndexText {
  // Latin-1 by construction: one character per byte, so offsets in the text are offsets in the bytes.
  const text = bytes.toString('latin1')
  const headerEnd = text.indexOf('\n')
  const header = JSON.parse(headerEnd === -1 ? text : text.slice(0, headerEnd)) as {
    format?: unknown
    config?: unknown
  }
  const empty: IndexText = { config: '', entries: new Map(), bodies: new Map(), seal: '', lines: 0 }
  if (header.format !== CACHE_FORMAT) {
    if (typeof header.format === 'string' && header.format.startsWith('kanal-cache-')) return empty
    throw new Error('not a kanal cache')
  }
  if (!secret) throw new Error("it is not sealed with this cache's key")
  const { sealed, last } = _sealedPart(text, bytes, secret)
  const index: IndexText = { ...empty, config: typeof header.config === 'string' ? header.config : '' }
  // Line by line through the text, not split into an array of 20,000 lines first.
  let lines = 1
  for (let start = headerEnd + 1, end = 0; start > 0 && start < sealed.length; start = end + 1) {
    end = sealed.indexOf('\n', start)
    if (end === -1) end = sealed.length
    lines++
    const first = sealed.charCodeAt(start)
    if (end === start || first === _SEAL) continue
    const tab = sealed.indexOf('\t', start)
    if (tab === -1 || tab > end) throw new Error('a line of the index is damaged')
    // Parsed, not sliced out of the text: a path sliced from an 8 MB string made every Map lookup
    // by it (the articles' paths as listed) several times slower.
    const relative = JSON.parse(sealed.slice(start, tab)) as string
    const kind = sealed.charCodeAt(tab + 1)
    if (kind === _BODY_HASH) index.bodies.set(relative, sealed.slice(tab + 2, end))
    else {
      index.bodies.delete(relative)
      if (kind === _REMOVED && end === tab + 2) index.entries.delete(relative)
      else index.entries.set(relative, sealed.slice(tab + 1, end))
    }
  }
  // Only a file that ends with its last seal is appended to; one with a torn tail is rewritten.
  return { ...index, seal: sealed.length === text.length ? last : '', lines }
}

const _SEAL = 0x21 // !
const _BODY_HASH = 0x23 // #
const _REMOVED = 0x2d // -

/**
 * The text up to and including the last seal line, with every seal checked; and that seal. The seals
 * are checked over the file's bytes: encoding megabytes of text back to bytes cost more than the HMAC.
 */
function _sealedPart(text: string, bytes: Buffer, secret: Buffer): { sealed: string; last: string } {
  let last = ''
  let from = 0
  for (let mark = text.indexOf('\n!'); mark !== -1; mark = text.indexOf('\n!', from)) {
    const end = mark + 2 + 64
    if (text.charCodeAt(end) !== 10) throw new Error('a seal line of the index is damaged')
    const found = text.slice(mark + 2, end)
    if (seal(secret, [last, bytes.subarray(from, mark + 1)], 'latin1') !== found) {
      throw new Error('it was changed outside kanal')
    }
    last = found
    from = end + 1
  }
  return { sealed: text.slice(0, from), last }
}

/** The seal line that closes `rows` appended after a batch sealed with `previous`. */
export function sealLine(secret: Buffer, previous: string, rows: string): string {
  return `!${seal(secret, [previous, rows], 'latin1')}\n`
}

/** One row of the index file: the article's path, a tab, the row (`IndexText`), a line end. */
export function indexRow(relative: string, row: string): string {
  return `${latin1Json(relative)}\t${row}\n`
}

/** An index's entry lines and body hashes, by article. */
export interface IndexRows {
  lines: Map<string, string>
  bodies: Map<string, string>
}

/**
 * The rows that bring an index from `before` to `after`. Only the articles in `touched` can differ
 * (an entry kept as it was has its old line and body hash); unless `complete` (every entry of
 * `before` is still in `after`), the entries gone get a `-` row.
 */
export function rowsSince(
  before: IndexRows,
  after: IndexRows,
  touched: Iterable<string>,
  complete: boolean,
): string[] {
  const rows: string[] = []
  for (const relative of touched) {
    const line = after.lines.get(relative) as string
    const changed = before.lines.get(relative) !== line
    if (changed) rows.push(indexRow(relative, line))
    const bodyHash = after.bodies.get(relative)
    if (bodyHash && (changed || before.bodies.get(relative) !== bodyHash))
      rows.push(indexRow(relative, `#${bodyHash}`))
  }
  if (!complete) {
    for (const relative of before.lines.keys()) {
      if (!after.lines.has(relative)) rows.push(indexRow(relative, '-'))
    }
  }
  return rows
}
