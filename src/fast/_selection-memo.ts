import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Article } from '../content/article.js'
import { ContentError, type Location } from '../errors.js'
import type { LinkTargets } from '../render/link-targets.js'
import type { FeedSelection, HeldBack, Selected } from '../select.js'
import type { FileStats } from './_file-stats.js'
import type { KnownEntries } from './_index-file.js'
import { CACHE_FORMAT } from './_keys.js'
import { latin1Json } from './_line.js'
import { replaceFile } from './_replace-file.js'
import { seal } from './_seal.js'

/** What the selection was made from: anything else, and the memo is not used. */
export interface MemoInputs {
  /** Hash of kanal's code, the resolved config, the options and folders (as the build stamp's). */
  settings: string
  /** Hash of the listed files' paths, in order. */
  files: string
  /** Each file's stats as its article was read or taken from the cache. */
  stats: FileStats
  /** The cache index as this build saved it: size, mtime, inode. */
  index: [number, number, number]
  /** Earliest and latest "now" (ms) with the same due articles (the build stamp's range). */
  now: [number, number]
}

/** What a memo was made from, and what follows the selection in its file: read first, and alone. */
interface _Header {
  format: string
  inputs: Omit<MemoInputs, 'stats'>
  /** The index file's state with the shown articles' rows (`KnownEntries`), and the rows' bytes. */
  known: { state: KnownEntries['state']; bytes: number } | null
}

/** A selection with its articles named by file (below the content folder), and its problems as text. */
interface _Memo {
  count: number
  loadWarnings: _Problem[]
  feeds: (Omit<FeedSelection, 'items' | 'updatedWhenEmpty'> & {
    items: string[]
    updatedWhenEmpty?: number
  })[]
  warnings: _Problem[]
  notes: _Problem[]
  heldBack: [file: string, date: number, reason: HeldBack['reason']][]
  /** `LinkTargets.all`: every article's file and URL, for a site with template code. */
  targets: [path: string, file: string, url: string][]
  due: [latest: number | null, next: number | null]
}

type _Problem = Location & { reason: string }

const _FILE = 'selection.json'

/**
 * The last build's selection (`Selected`), kept in the cache folder with what it was made from. A
 * later build in which every file that changed still gives the very entry it gave (only its body
 * changed) would select the same, and takes it from here instead of loading and sieving every article
 * again. Sealed with the cache's secret, like its other files: a memo edited by hand is not used.
 */
export const SelectionMemo = {
  /** The memo in `cacheDir` with what it was made from; undefined when there is none kanal can trust. */
  read(
    cacheDir: string,
    secret: Buffer,
  ):
    | {
        inputs: MemoInputs
        /** The selection, its articles from `article`; `targets` (empty) is filled with the last build's. */
        replay: (article: (file: string) => Article, targets: LinkTargets) => Selected
        /** The shown articles' index rows as saved, when the build kept them all in memory. */
        known: KnownEntries | undefined
      }
    | undefined {
    let bytes: Buffer
    try {
      bytes = readFileSync(path.join(cacheDir, _FILE))
    } catch {
      return undefined
    }
    // `<seal>\n<header>\n<selection>\n<known rows><stats, 32 bytes a file>`, the header and selection as
    // JSON; the seal covers all after its line. The selection is parsed only when it is replayed.
    const headerEnd = bytes.indexOf(10, 65)
    const memoEnd = headerEnd === -1 ? -1 : bytes.indexOf(10, headerEnd + 1)
    if (bytes[64] !== 10 || memoEnd === -1) return undefined
    if (seal(secret, [bytes.subarray(65)]) !== bytes.toString('latin1', 0, 64)) return undefined
    const header = JSON.parse(bytes.toString('latin1', 65, headerEnd)) as _Header
    const statsStart = memoEnd + 1 + (header.known?.bytes ?? 0)
    if (header.format !== CACHE_FORMAT || (bytes.length - statsStart) % 32 !== 0) return undefined
    const rows = header.known && _rowsFrom(bytes.toString('latin1', memoEnd + 1, statsStart))
    const known = header.known && rows ? { state: header.known.state, rows } : undefined
    const memo = bytes.toString('latin1', headerEnd + 1, memoEnd)
    return {
      inputs: { ...header.inputs, stats: _statsFrom(bytes.subarray(statsStart)) },
      replay: (article, targets) => _replay(JSON.parse(memo) as _Memo, article, targets),
      known,
    }
  },

  /**
   * Keeps `selected` with what it was made from (`inputs`), and the shown articles' index rows when
   * known; articles are named by `source.relative`.
   */
  write(
    cacheDir: string,
    secret: Buffer,
    memo: { inputs: MemoInputs; selected: Selected; known: KnownEntries | undefined },
  ): void {
    const { inputs, selected } = memo
    const rows = memo.known && _rowsBytes(memo.known.rows)
    const { content, selection, heldBack, due, targets } = selected
    const { stats, ...made } = inputs
    const header: _Header = {
      format: CACHE_FORMAT,
      inputs: made,
      known: memo.known && rows ? { state: memo.known.state, bytes: rows.length } : null,
    }
    const kept: _Memo = {
      count: content.count,
      loadWarnings: content.warnings.map(_problem),
      feeds: selection.feeds.map(({ items, updatedWhenEmpty, ...feed }) => ({
        ...feed,
        items: items.map((article) => article.source.relative),
        ...(updatedWhenEmpty ? { updatedWhenEmpty: updatedWhenEmpty.getTime() } : {}),
      })),
      warnings: selection.warnings.map(_problem),
      notes: selection.notes.map(_problem),
      heldBack: heldBack.map((held) => [held.file, held.date.getTime(), held.reason]),
      targets: targets.all.map((target) => [target.path, target.file, target.url]),
      // JSON has no infinities: null stands for "none".
      due: [_finite(due.latest), _finite(due.next)],
    }
    // Latin-1: every character beyond it is written as a \u escape (`latin1Json`).
    const json = Buffer.from(`${latin1Json(header)}\n${latin1Json(kept)}\n`, 'latin1')
    const payload = rows ? [json, rows, _statsBytes(stats)] : [json, _statsBytes(stats)]
    const file = path.join(cacheDir, _FILE)
    replaceFile(file, Buffer.concat([Buffer.from(`${seal(secret, payload)}\n`, 'latin1'), ...payload]))
  },
}

function _replay(memo: _Memo, article: (file: string) => Article, targets: LinkTargets): Selected {
  for (const [path, file, url] of memo.targets) targets.addTarget({ path, file, url })
  const feeds = memo.feeds.map(({ items, updatedWhenEmpty, ...feed }) => ({
    ...feed,
    items: items.map(article),
    ...(updatedWhenEmpty === undefined ? {} : { updatedWhenEmpty: new Date(updatedWhenEmpty) }),
  }))
  return {
    content: { count: memo.count, errors: [], warnings: memo.loadWarnings.map(_contentError) },
    selection: {
      feeds,
      errors: [],
      warnings: memo.warnings.map(_contentError),
      notes: memo.notes.map(_contentError),
    },
    heldBack: memo.heldBack.map(([file, date, reason]) => ({ file, date: new Date(date), reason })),
    due: { latest: memo.due[0] ?? Number.NEGATIVE_INFINITY, next: memo.due[1] ?? Number.POSITIVE_INFINITY },
    targets,
  }
}

/** Rows `"<file>"\t<body hash>\t<entry line>\n` (an entry line is Latin-1 JSON: no tab, no line end). */
function _rowsBytes(rows: KnownEntries['rows']): Buffer {
  const lines: string[] = []
  for (const [file, [line, bodyHash]] of rows) lines.push(`${latin1Json(file)}\t${bodyHash}\t${line}\n`)
  return Buffer.from(lines.join(''), 'latin1')
}

function _rowsFrom(text: string): KnownEntries['rows'] {
  const rows: KnownEntries['rows'] = new Map()
  for (
    let start = 0, end = text.indexOf('\n');
    end !== -1;
    start = end + 1, end = text.indexOf('\n', start)
  ) {
    const first = text.indexOf('\t', start)
    const second = text.indexOf('\t', first + 1)
    rows.set(JSON.parse(text.slice(start, first)) as string, [
      text.slice(second + 1, end),
      text.slice(first + 1, second),
    ])
  }
  return rows
}

function _problem(error: ContentError): _Problem {
  return { ...error.location, reason: error.reason }
}

function _contentError({ reason, ...location }: _Problem): ContentError {
  return new ContentError(location, reason)
}

function _finite(value: number): number | null {
  return Number.isFinite(value) ? value : null
}

/** The four arrays one after the other as bytes: 32 a file, not a JSON number list. */
function _statsBytes(stats: FileStats): Buffer {
  const { sizes, mtimes, ctimes, inodes } = stats
  const all = new Float64Array(sizes.length * 4)
  all.set(sizes, 0)
  all.set(mtimes, sizes.length)
  all.set(ctimes, sizes.length * 2)
  all.set(inodes, sizes.length * 3)
  return Buffer.from(all.buffer)
}

function _statsFrom(bytes: Buffer): FileStats {
  // Copied into a buffer of its own: a Float64Array needs an offset that is a multiple of 8.
  const all = new Float64Array(bytes.length / 8)
  new Uint8Array(all.buffer).set(bytes)
  const count = all.length / 4
  return {
    sizes: all.subarray(0, count),
    mtimes: all.subarray(count, count * 2),
    ctimes: all.subarray(count * 2, count * 3),
    inodes: all.subarray(count * 3),
  }
}
