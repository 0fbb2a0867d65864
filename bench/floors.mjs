import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const _HEAD_BYTES = 1024

/** Every .md file below `dir`, recursively. */
export function findMarkdown(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
}

/** Floor (a): reads every file completely; returns the bytes read. */
export function readAll(files) {
  let bytes = 0
  for (const file of files) bytes += readFileSync(file).length
  return bytes
}

/** Floor (b): reads only the first 1 KB of every file (open, read, close); returns the bytes read. */
export function readHead(files) {
  const buffer = Buffer.allocUnsafe(_HEAD_BYTES)
  let bytes = 0
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      bytes += readSync(fd, buffer, 0, _HEAD_BYTES, 0)
    } finally {
      closeSync(fd)
    }
  }
  return bytes
}

/**
 * Floor (c): one `stat` per file (after listing them, as every floor does): what any build must do
 * to know that nothing changed, when an edit in place changes no folder's mtime. Returns the bytes
 * the files hold, read from their stats.
 */
export function statAll(files) {
  let bytes = 0
  for (const file of files) bytes += statSync(file).size
  return bytes
}

const _FLOORS = { 'read-all': readAll, 'read-head': readHead, 'stat-all': statAll }

function _main([mode, dir]) {
  const floor = _FLOORS[mode]
  if (!floor || !dir) {
    process.stderr.write('Usage: node bench/floors.mjs read-all|read-head|stat-all <contentDir>\n')
    return 2
  }
  const files = findMarkdown(dir)
  process.stdout.write(`${mode}: ${files.length} files, ${floor(files)} bytes\n`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = _main(process.argv.slice(2))
