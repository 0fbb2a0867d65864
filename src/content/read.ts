import { isUtf8 } from 'node:buffer'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { ContentError } from '../errors.js'
import { sha256 } from '../hash.js'
import type { SourceFile } from './source.js'

const _HEAD_BYTES = 4096
const _utf8 = new TextDecoder('utf-8', { fatal: true })
const _lenient = new TextDecoder('utf-8')
const _SHAPE = 'start the file with a line "---", then the front matter (title:, date:, …), then a line "---"'

/** The front matter's language, told by its opening line: `---` YAML, `+++` TOML (Hugo), `{` JSON (Hugo). */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json'

const _OPENING: Record<string, FrontMatterFormat> = { '---': 'yaml', '+++': 'toml', '{': 'json' }

/**
 * A located source file, its front matter text, and the file's hash when it was read whole. (The
 * body's hash, which keys rendered HTML, is taken when a body is rendered: most never are.)
 */
export interface ReadSource {
  source: SourceFile
  /** The front matter between the delimiters (JSON: with its braces), LF line ends, no BOM. */
  yaml: string
  /** Its language. */
  format: FrontMatterFormat
  /** SHA-256 of the whole file, when it was read whole. */
  fileHash?: string
}

// One buffer for every head read: a build reads thousands of heads, and a fresh 4 KB buffer each
// time only feeds the garbage collector. Nothing keeps a view of it past one readSource call.
const _head = Buffer.allocUnsafe(_HEAD_BYTES)

/**
 * Reads the front matter of an article without reading its body: only the first few KB of the file
 * are read unless the front matter is longer or `whole` asks for everything.
 */
export function readSource(filePath: string, file: string, relative: string, whole = false): ReadSource {
  const fd = _open(filePath, file)
  try {
    const stat = fstatSync(fd)
    let bytes = whole ? _readAt(fd, 0, stat.size) : _readInto(_head, fd, Math.min(_HEAD_BYTES, stat.size))
    const { start, format } = _opening(bytes, file)
    let end = _findClosing(bytes, bytes.length >= stat.size, format)
    if (end === undefined && bytes.length < stat.size) {
      bytes = _readAt(fd, 0, stat.size)
      end = _findClosing(bytes, true, format)
    }
    if (end === undefined) {
      throw new ContentError({ file, line: 1, column: 1 }, `the front matter is not closed: ${_SHAPE}`)
    }
    const inner = _decode(bytes.subarray(start, end.yamlEnd), file, 2).replace(/\r\n?/g, '\n')
    // JSON front matter keeps its braces: they are part of the object.
    const yaml = format === 'json' ? `{${inner}}` : inner
    const source: SourceFile = {
      file,
      path: filePath,
      relative,
      frontMatterLine: 2,
      bodyOffset: end.bodyStart,
      bodyLine: 2 + _countLines(bytes.subarray(start, end.bodyStart)),
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ctimeMs: stat.ctimeMs,
      ino: stat.ino,
    }
    if (bytes.length < stat.size) return { source, yaml, format }
    return { source, yaml, format, fileHash: sha256(bytes) }
  } finally {
    closeSync(fd)
  }
}

/**
 * Reads the raw body bytes of an article located by `readSource`. A file rewritten since its front
 * matter was read (its size, mtime, ctime or inode moved) is an error, never a body read at the old
 * offset: that would publish front-matter text as the body.
 */
export function readBodyBytes(
  source: Pick<SourceFile, 'path' | 'file' | 'bodyOffset' | 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>,
): Buffer {
  const fd = _open(source.path, source.file)
  try {
    const stat = fstatSync(fd)
    const moved =
      stat.size !== source.size ||
      stat.mtimeMs !== source.mtimeMs ||
      (source.ctimeMs !== undefined && source.ctimeMs !== -1 && stat.ctimeMs !== source.ctimeMs) ||
      (source.ino !== undefined && source.ino !== -1 && stat.ino !== source.ino)
    if (moved) {
      throw new ContentError({ file: source.file }, 'was changed while kanal read it; build again')
    }
    return _readAt(fd, source.bodyOffset, Math.max(0, stat.size - source.bodyOffset))
  } finally {
    closeSync(fd)
  }
}

/**
 * Opens an article for reading. A file that vanished since the folder was listed, or that kanal may
 * not read, is the content's problem, named with its file, not a crash.
 */
function _open(filePath: string, file: string): number {
  try {
    return openSync(filePath, 'r')
  } catch (error) {
    const reason = _UNREADABLE[(error as NodeJS.ErrnoException).code ?? '']
    if (reason === undefined) throw error
    throw new ContentError({ file }, reason, { cause: error })
  }
}

const _UNREADABLE: Record<string, string> = {
  ENOENT: 'was removed while kanal read it; build again',
  EACCES: 'cannot be read (no permission): allow kanal to read it, or move it out of the content folder',
  EPERM: 'cannot be read (no permission): allow kanal to read it, or move it out of the content folder',
  EISDIR: 'is a folder, not a Markdown file: rename it',
  ELOOP: 'is a symbolic link that points to itself: remove it',
}

/** Decodes body bytes as UTF-8 Markdown with LF line ends; binary or non-UTF-8 bytes are an error. */
export function decodeBody(bytes: Buffer, file: string, firstLine = 1): string {
  _refuseBinary(bytes, file)
  return _decode(bytes, file, firstLine).replace(/\r\n?/g, '\n')
}

/**
 * Refuses bytes that are not UTF-8 text at all: UTF-16 (with or without a byte order mark) and binary
 * files (a NUL among bytes that are not UTF-8). A stray NUL in UTF-8 text is only a character XML
 * forbids: it is removed later with a warning at its line and column, like U+000B.
 */
function _refuseBinary(bytes: Buffer, file: string): void {
  if (_isUtf16(bytes)) {
    throw new ContentError({ file }, 'is UTF-16 text, not UTF-8: save it as UTF-8')
  }
  if (bytes.includes(0) && !isUtf8(bytes)) {
    throw new ContentError({ file }, 'is a binary file, not Markdown text: remove it from the content folder')
  }
}

/** A UTF-16 byte order mark, or (without one) NULs in every other byte, as ASCII text in UTF-16 has. */
function _isUtf16(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const sample = bytes.subarray(0, 512)
  if (sample.length < 4) return false
  let even = 0
  let odd = 0
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] !== 0) continue
    if (index % 2 === 0) even++
    else odd++
  }
  const half = sample.length / 2
  return (even > half * 0.4 && odd < half * 0.05) || (odd > half * 0.4 && even < half * 0.05)
}

function _readAt(fd: number, position: number, length: number): Buffer {
  return _readInto(Buffer.allocUnsafe(length), fd, length, position)
}

function _readInto(buffer: Buffer, fd: number, length: number, position = 0): Buffer {
  let done = 0
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, position + done)
    if (read === 0) break
    done += read
  }
  return buffer.subarray(0, done)
}

/** Length of the opening line including a BOM, and the format it opens; throws when the file has no front matter. */
function _opening(head: Buffer, file: string): { start: number; format: FrontMatterFormat } {
  _refuseBinary(head.subarray(0, 1024), file)
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0
  const match = /^(---|\+\+\+|\{)[ \t]*\r?\n/.exec(head.subarray(bom, bom + 64).toString('latin1'))
  if (!match) {
    throw new ContentError({ file, line: 1, column: 1 }, `has no front matter: ${_SHAPE}`)
  }
  return { start: bom + match[0].length, format: _OPENING[match[1] as string] as FrontMatterFormat }
}

/** Finds the closing line (`---` or `...`; `+++`; `}`): where the front matter ends and the body starts. */
function _findClosing(
  head: Buffer,
  whole: boolean,
  format: FrontMatterFormat,
): { yamlEnd: number; bodyStart: number } | undefined {
  const markers = format === 'yaml' ? ['---', '...'] : format === 'toml' ? ['+++'] : ['}']
  const width = format === 'json' ? 1 : 3
  let from = head.indexOf(10) // the closing line is never the first line
  while (from !== -1) {
    const lineStart = from + 1
    const marker = head.subarray(lineStart, lineStart + width).toString('latin1')
    if (markers.includes(marker)) {
      let cursor = lineStart + width
      while (head[cursor] === 0x20 || head[cursor] === 0x09) cursor++
      if (cursor === head.length && whole) return { yamlEnd: lineStart, bodyStart: cursor }
      if (head[cursor] === 0x0a) return { yamlEnd: lineStart, bodyStart: cursor + 1 }
      if (head[cursor] === 0x0d && head[cursor + 1] === 0x0a)
        return { yamlEnd: lineStart, bodyStart: cursor + 2 }
    }
    from = head.indexOf(10, lineStart)
  }
  return undefined
}

function _countLines(bytes: Buffer): number {
  let lines = 0
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) lines++
  return lines
}

function _decode(bytes: Buffer, file: string, firstLine = 1): string {
  try {
    return _utf8.decode(bytes)
  } catch (error) {
    throw new ContentError(
      { file, ..._firstInvalid(bytes, firstLine) },
      'is not UTF-8 text (perhaps Latin-1 or Windows-1252): save it with UTF-8 encoding',
      { cause: error },
    )
  }
}

/** Line and column (in characters) of the first byte that is not valid UTF-8. */
function _firstInvalid(bytes: Buffer, firstLine: number): { line: number; column: number } | undefined {
  for (let line = firstLine, start = 0; start < bytes.length; line++) {
    const newline = bytes.indexOf(10, start)
    const end = newline === -1 ? bytes.length : newline
    const chunk = bytes.subarray(start, end)
    if (!isUtf8(chunk)) return { line, column: _lenient.decode(chunk).indexOf('\uFFFD') + 1 }
    start = end + 1
  }
  return undefined
}
