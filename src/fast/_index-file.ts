import { createHmac, type Hmac } from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { type IndexText, readIndexText, sealLine } from './_index-text.js'
import { CACHE_FORMAT } from './_keys.js'
import { latin1Json } from './_line.js'
import { WriteFailure } from './_write-failure.js'

/**
 * An index file as a build left it: its last seal (which an append chains on; '' when it must be
 * rewritten), its lines (superseded ones included), its live entries, and its inode and size.
 */
export interface IndexState {
  seal: string
  lines: number
  entries: number
  ino: number
  size: number
}

/**
 * Some of the last build's entries, handed over without reading the index file (`SelectionMemo`):
 * entry line and body hash ('' for none) by article, and the state the index file was left in.
 */
export interface KnownEntries {
  rows: Map<string, [line: string, bodyHash: string]>
  state: IndexState
}

/**
 * A new index file, written beside the index as rows come (buffered, a few hundred KB at a time) and
 * renamed into place by `commit`, which seals it: a last line `!<HMAC of everything before it>`.
 */
export class IndexFile {
  readonly #file: string
  readonly #temp: string
  #handle = -1
  readonly #hmac: Hmac
  // Rows are copied into one buffer (Latin-1: a character is a byte), not joined into strings first:
  // measured on 30,000 rows, ~10 ms against ~200 ms.
  #buffer = Buffer.allocUnsafe(1 << 20)
  #used = 0
  #open = false
  #lines = 0
  #size = 0
  /** What stopped the writing (a full disk, a file size limit, a read-only folder): `commit` throws it. */
  readonly #failure = new WriteFailure()
  /** Index files made by this process: each its own temporary name, also for builds that run at once. */
  static #made = 0

  private constructor(file: string, temp: string, secret: Buffer) {
    this.#file = file
    this.#temp = temp
    this.#hmac = createHmac('sha256', secret)
  }

  /**
   * A new index for entries validated with `config` (`configKey`), sealed with the cache's `secret`.
   * A file the file system refuses to make or let grow ends this index, not the build: its rows are
   * dropped and the error waits for `commit`, where saving the cache is allowed to fail (a warning,
   * and the next build does this build's work again).
   */
  static create(file: string, config: string, secret: Buffer): IndexFile {
    const index = new IndexFile(file, `${file}.${process.pid}-${IndexFile.#made++}.tmp`, secret)
    index.#attempt(() => {
      index.#handle = openSync(index.#temp, 'w')
      index.#open = true
      index.#write(`${JSON.stringify({ format: CACHE_FORMAT, config })}\n`)
    })
    return index
  }

  /** Adds a row: an entry line, `#<body hash>` or `-` (`indexRow`). */
  add(relative: string, line: string): void {
    this.#attempt(() => {
      this.#write(latin1Json(relative))
      this.#write('\t')
      this.#write(line)
      this.#write('\n')
    })
  }

  /**
   * Seals the file and puts it in place of the index; on failure it is removed and the error thrown.
   * Returns the file's state with its `entries` live entries.
   */
  commit(entries: number): IndexState {
    this.#failure.throwIfFailed()
    try {
      this.#flush()
      const seal = this.#hmac.digest('hex')
      this.#write(`!${seal}\n`)
      this.#flush(false)
      const ino = fstatSync(this.#handle).ino
      this.#close()
      renameSync(this.#temp, this.#file)
      return { seal, lines: this.#lines, entries, ino, size: this.#size }
    } catch (error) {
      this.discard()
      throw error
    }
  }

  /** Removes the file (again and again, harmlessly). */
  discard(): void {
    this.#close()
    _ignoreMissing(() => unlinkSync(this.#temp))
  }

  #attempt(write: () => void): void {
    this.#failure.attempt(write, () => this.discard())
  }

  #close(): void {
    if (!this.#open) return
    this.#open = false
    closeSync(this.#handle)
  }

  // Index text is Latin-1 by construction (`latin1Json`): its length in characters is its size in bytes.
  #write(text: string): void {
    if (this.#used + text.length > this.#buffer.length) {
      this.#flush()
      if (text.length > this.#buffer.length) this.#buffer = Buffer.allocUnsafe(text.length)
    }
    this.#used += this.#buffer.write(text, this.#used, 'latin1')
    if (text.endsWith('\n')) this.#lines++
  }

  /** Writes the buffer out; what is sealed (`sealed`: all but the seal line itself) feeds the HMAC. */
  #flush(sealed = true): void {
    if (sealed) this.#hmac.update(this.#buffer.subarray(0, this.#used))
    for (let done = 0; done < this.#used; )
      done += writeSync(this.#handle, this.#buffer, done, this.#used - done)
    this.#size += this.#used
    this.#used = 0
  }
}

/**
 * The index file's text and state; undefined when there is none kanal can read. Throws when it is
 * damaged or not sealed with `secret` (`readIndexText`).
 */
export function loadIndexFile(
  file: string,
  secret: Buffer | undefined,
): { text: IndexText; state: IndexState } | undefined {
  const read = _readBytes(file)
  if (!read) return undefined
  const text = readIndexText(read.bytes, secret)
  const { seal, lines } = text
  return { text, state: { seal, lines, entries: text.entries.size, ino: read.ino, size: read.bytes.length } }
}

function _readBytes(file: string): { bytes: Buffer; ino: number } | undefined {
  try {
    const fd = openSync(file, 'r')
    try {
      const stat = fstatSync(fd)
      const buffer = Buffer.allocUnsafe(stat.size)
      let done = 0
      for (let read = 1; done < buffer.length && read > 0; done += read) {
        read = readSync(fd, buffer, done, buffer.length - done, done)
      }
      return { bytes: buffer.subarray(0, done), ino: stat.ino }
    } finally {
      closeSync(fd)
    }
  } catch {
    return undefined
  }
}

/**
 * Appends `rows` (`rowCount` lines) and their seal when the index file is still the one `state`
 * describes (same inode and size, and it ends with the seal in `state`, which vouches for everything
 * before it): another build may have rewritten it since, for another config, and rows appended to its
 * file would be read as validated with that config. Checked and written through one handle, so a file
 * renamed into place in between is never the one appended to. The state after the append; undefined
 * when the file must be rewritten.
 */
export function appendIndexRows(
  file: string,
  state: IndexState,
  rows: { text: string; count: number },
  secret: Buffer,
): IndexState | undefined {
  const fd = openSync(file, 'r+')
  try {
    const stat = fstatSync(fd)
    if (stat.ino !== state.ino || stat.size !== state.size || state.seal === '') return undefined
    const tail = Buffer.alloc(66)
    readSync(fd, tail, 0, 66, Math.max(0, stat.size - 66))
    if (tail.toString('latin1') !== `!${state.seal}\n`) return undefined
    const closing = sealLine(secret, state.seal, rows.text)
    const bytes = Buffer.from(rows.text + closing, 'latin1')
    for (let done = 0; done < bytes.length; )
      done += writeSync(fd, bytes, done, bytes.length - done, stat.size + done)
    const seal = closing.slice(1, -1)
    return { ...state, seal, lines: state.lines + rows.count + 1, size: stat.size + bytes.length }
  } finally {
    closeSync(fd)
  }
}

function _ignoreMissing(work: () => void): void {
  try {
    work()
  } catch {
    // already gone
  }
}
