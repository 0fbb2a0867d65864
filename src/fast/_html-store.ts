import { closeSync, fstatSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import path from 'node:path'
import { seal } from './_seal.js'
import { WriteFailure } from './_write-failure.js'

/** A rendered body as the store keeps it. */
export interface StoredBody {
  html: string
  summary: string
  /** Image paths looked up beside the article, with what was found: the HTML holds while they find the same. */
  lookups?: [reference: string, found: string][]
}

const _PACK = 'bodies.pack'

/**
 * Rendered HTML and summaries by render key (`renderKey`), all in one file, `bodies.pack`: a record
 * per body, `<key> <seal> <length>\n<payload>\n`, where the seal is a keyed checksum (`seal`) of key
 * and payload: a damaged record, one edited by hand or one copied over another body's is a miss,
 * never a wrong feed. One file, not one per body: on the file systems measured (docs/benchmarks.md)
 * making a file cost ~0.3 ms, so 650 bodies took longer to store than to render.
 *
 * The pack is read whole when a body is first asked for. A build that rendered new bodies writes them
 * to a file of its own as they come; at `save` they are appended to the pack while at least half of
 * the pack is still used, and otherwise the used records are copied into the new file, which then
 * replaces the pack. A pack cut short (a killed build) is read up to its last whole record and
 * rewritten, never appended to.
 */
export class HtmlStore {
  readonly #file: string | undefined
  /** The cache's secret; undefined: nothing is read (no key) or written (`kanal check`). */
  readonly #secret: Buffer | undefined
  readonly #writes: boolean
  #pack: _Pack | undefined
  /** Records this build took from the pack, by key: what a rewrite keeps. */
  readonly #used = new Map<string, _Span>()
  /** The file this build's new records go to, written in batches. */
  #fresh: _Fresh | undefined
  #added = 0
  /** What stopped storing new bodies (a full disk, a read-only folder): they are dropped, `save` throws it. */
  readonly #failure = new WriteFailure()

  /** The store in the cache folder `cacheDir`; `undefined` gives one that keeps nothing. */
  constructor(cacheDir: string | undefined, cache: { secret: Buffer | undefined; writes: boolean }) {
    this.#file = cacheDir && path.join(cacheDir, _PACK)
    this.#secret = cache.secret
    this.#writes = cache.writes
  }

  /** How many bodies this build added. */
  get added(): number {
    return this.#added
  }

  /** The body stored under `key`, if any. */
  get(key: string): StoredBody | undefined {
    if (!this.#file || !this.#secret) return undefined
    const pack = this.#read(this.#file)
    const span = pack.spans.get(key)
    if (span === undefined) return undefined
    // The seal is checked over the payload's bytes as read: decoding them only to encode them again
    // for the HMAC cost more than the HMAC.
    const payload = pack.bytes.subarray(span.payload, span.end)
    const sealed = pack.bytes.toString('latin1', span.start + 65, span.start + 129)
    if (seal(this.#secret, [key, '\n', payload]) !== sealed) return undefined
    this.#used.set(key, span)
    return JSON.parse(payload.toString('utf8')) as StoredBody
  }

  /** Keeps a body: its record goes to this build's file now, into the pack at `save`. */
  put(key: string, body: StoredBody): void {
    const file = this.#file
    const secret = this.#secret
    if (!file || !secret || !this.#writes) return
    this.#added++
    this.#failure.attempt(
      () => {
        const payload = Buffer.from(JSON.stringify(body), 'utf8')
        const header = `${key} ${seal(secret, [key, '\n', payload])} ${payload.length}\n`
        this.#fresh ??= _Fresh.open(`${file}.${process.pid}-${_Fresh.made++}.tmp`)
        this.#fresh.add(Buffer.from(header, 'latin1'), payload)
      },
      () => this.discard(),
    )
  }

  /**
   * Puts this build's new records into the pack: appended while at least half of the pack is still
   * used and it is as read, else the used records are copied after them and the file replaces the
   * pack. A build that added nothing leaves the pack as it is.
   */
  save(): void {
    this.#failure.throwIfFailed()
    const fresh = this.#fresh
    if (!fresh || !this.#file) return
    try {
      fresh.flush()
      const pack = this.#read(this.#file)
      if (this.#mostlyUsed(pack) && _appendTo(this.#file, pack, fresh)) fresh.discard()
      else {
        for (const span of this.#used.values()) fresh.write(pack.bytes.subarray(span.start, span.end + 1))
        fresh.close()
        renameSync(fresh.file, this.#file)
      }
      this.#fresh = undefined
    } catch (error) {
      this.discard()
      throw error
    }
  }

  /** Removes the file of a build that does not save (again and again, harmlessly). */
  discard(): void {
    this.#fresh?.discard()
    this.#fresh = undefined
  }

  /** True when the pack is whole records and this build used at least half of its bytes. */
  #mostlyUsed(pack: _Pack): boolean {
    let used = 0
    for (const span of this.#used.values()) used += span.end + 1 - span.start
    return pack.whole && pack.bytes.length > 0 && used * 2 >= pack.bytes.length
  }

  #read(file: string): _Pack {
    this.#pack ??= _readPack(file)
    return this.#pack
  }
}

/** A record's place in the pack: where it starts, where its payload starts, and where that ends (the line end). */
interface _Span {
  start: number
  payload: number
  end: number
}

interface _Pack {
  bytes: Buffer
  spans: Map<string, _Span>
  /** True when the file is whole records to its end (then it may be appended to). */
  whole: boolean
  ino: number
}

function _readPack(file: string): _Pack {
  let bytes: Buffer
  let ino = -1
  try {
    const fd = openSync(file, 'r')
    try {
      ino = fstatSync(fd).ino
      bytes = readFileSync(fd)
    } finally {
      closeSync(fd)
    }
  } catch {
    // No pack yet, or none kanal can read (a folder in its place): every body is a miss.
    return { bytes: Buffer.alloc(0), spans: new Map(), whole: false, ino }
  }
  const spans = new Map<string, _Span>()
  let at = 0
  while (at < bytes.length) {
    const span = _recordAt(bytes, at)
    if (span === undefined) break
    // A later record of the same key (stored again after its first failed its seal) wins.
    spans.set(bytes.toString('latin1', at, at + 64), span)
    at = span.end + 1
  }
  return { bytes, spans, whole: at === bytes.length, ino }
}

/** The record at `at`: `<64 hex> <64 hex> <length>\n<payload>\n`; undefined when it is not whole. */
function _recordAt(bytes: Buffer, at: number): _Span | undefined {
  const lineEnd = bytes.indexOf(10, at)
  if (lineEnd === -1 || lineEnd > at + 150) return undefined
  const match = _HEADER.exec(bytes.toString('latin1', at, lineEnd))
  if (!match) return undefined
  const payload = lineEnd + 1
  const end = payload + Number(match[1])
  return end < bytes.length && bytes[end] === 10 ? { start: at, payload, end } : undefined
}

const _HEADER = /^[0-9a-f]{64} [0-9a-f]{64} (\d{1,10})$/

/** Appends the new records to the pack when it is still the file that was read; false when it is not. */
function _appendTo(file: string, pack: _Pack, fresh: _Fresh): boolean {
  const fd = openSync(file, 'r+')
  try {
    const now = fstatSync(fd)
    if (now.ino !== pack.ino || now.size !== pack.bytes.length) return false
    const records = readFileSync(fresh.file)
    for (let done = 0; done < records.length; )
      done += writeSync(fd, records, done, records.length - done, pack.bytes.length + done)
    return true
  } finally {
    closeSync(fd)
  }
}

/** This build's file of new records, written a few hundred KB at a time. */
class _Fresh {
  static made = 0
  readonly file: string
  readonly #handle: number
  #open = true
  readonly #waiting: Buffer[] = []
  #bytes = 0

  private constructor(file: string, handle: number) {
    this.file = file
    this.#handle = handle
  }

  static open(file: string): _Fresh {
    return new _Fresh(file, openSync(file, 'w'))
  }

  add(header: Buffer, payload: Buffer): void {
    this.#waiting.push(header, payload, _LINE_END)
    this.#bytes += header.length + payload.length + 1
    if (this.#bytes > 1 << 19) this.flush()
  }

  /** Writes `bytes` after what is there (flushed first). */
  write(bytes: Buffer): void {
    this.flush()
    for (let done = 0; done < bytes.length; )
      done += writeSync(this.#handle, bytes, done, bytes.length - done)
  }

  flush(): void {
    if (this.#bytes === 0) return
    const bytes = Buffer.concat(this.#waiting, this.#bytes)
    this.#waiting.length = 0
    this.#bytes = 0
    this.write(bytes)
  }

  close(): void {
    if (!this.#open) return
    this.#open = false
    closeSync(this.#handle)
  }

  discard(): void {
    this.close()
    try {
      unlinkSync(this.file)
    } catch {
      // already gone
    }
  }
}

const _LINE_END = Buffer.from('\n')
