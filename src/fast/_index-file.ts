import { closeSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import path from 'node:path'
import { CACHE_FORMAT } from './_keys.js'
import { latin1Json } from './_line.js'

/**
 * The index file of a first build, written beside the index as rows come (buffered, a few hundred KB
 * at a time) and renamed into place by `commit`. Each row's place is kept, so that a line can be read
 * back (to learn its body hash) without holding every line in memory.
 */
export class IndexFile {
  readonly #file: string
  readonly #temp: string
  readonly #handle: number
  readonly #starts: number[] = []
  readonly #lengths: number[] = []
  // Rows are copied into one buffer (Latin-1: a character is a byte), not joined into strings first:
  // measured on 30,000 rows, ~10 ms against ~200 ms.
  #buffer = Buffer.allocUnsafe(1 << 20)
  #used = 0
  #written = 0
  #open = true
  /** Index files made by this process: each its own temporary name, also for builds that run at once. */
  static #made = 0

  private constructor(file: string, handle: number, temp: string) {
    this.#file = file
    this.#handle = handle
    this.#temp = temp
  }

  static create(file: string, config: string): IndexFile {
    const temp = `${file}.${process.pid}-${IndexFile.#made++}.tmp`
    mkdirSync(path.dirname(file), { recursive: true })
    const index = new IndexFile(file, openSync(temp, 'w+'), temp)
    index.#write(`${JSON.stringify({ format: CACHE_FORMAT, config })}\n`)
    return index
  }

  /** Adds a row (`_indexRow`); returns its number. */
  add(relative: string, line: string): number {
    this.#write(latin1Json(relative))
    this.#write('\t')
    this.#starts.push(this.#written + this.#used)
    this.#lengths.push(line.length)
    this.#write(line)
    this.#write('\n')
    return this.#starts.length - 1
  }

  /** The line of row `number`. */
  line(number: number): string {
    this.#flush()
    const bytes = Buffer.allocUnsafe(this.#lengths[number] ?? 0)
    readSync(this.#handle, bytes, 0, bytes.length, this.#starts[number] ?? 0)
    return bytes.toString('latin1')
  }

  /** Puts the file in place of the index; on failure it is removed and the error thrown. */
  commit(): void {
    try {
      this.#flush()
      this.#close()
      renameSync(this.#temp, this.#file)
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
  }

  #flush(): void {
    for (let done = 0; done < this.#used; )
      done += writeSync(this.#handle, this.#buffer, done, this.#used - done)
    this.#written += this.#used
    this.#used = 0
  }
}

function _ignoreMissing(work: () => void): void {
  try {
    work()
  } catch {
    // already gone
  }
}
