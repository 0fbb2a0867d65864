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

/**
 * Floor (d): the least a first build of these feeds must do, each step done the cheapest way: the
 * first 1 KB of every file read (its front matter) and its date and category lines found (not
 * parsed: what each feed shows comes from `feedsFile`), each body that a feed shows rendered once by
 * markdown-it alone (no sanitiser, no typographer, no summary), and one RSS document per feed (each
 * item its file name and escaped HTML) put together and parsed once, strictly, as a self-check must.
 * kanal also parses and validates every front matter, writes Atom and JSON Feed too, and writes to
 * disk. `feedsFile` lists the shown files of each feed (`shown.mjs`). Returns the documents' length.
 * (The two libraries are loaded here, not by the other floors: loading them is part of this floor.)
 */
export async function minimalBuild(files, contentDir, feedsFile) {
  const [{ default: MarkdownIt }, { SaxesParser }] = await Promise.all([
    import('markdown-it'),
    import('saxes'),
  ])
  _scanHeads(files)
  const { feeds } = JSON.parse(readFileSync(feedsFile, 'utf8'))
  const markdown = new MarkdownIt()
  const html = new Map()
  for (const relative of new Set(Object.values(feeds).flat())) {
    const text = readFileSync(path.join(contentDir, relative), 'utf8')
    html.set(relative, markdown.render(text.slice(text.indexOf('\n---\n', 3) + 5)))
  }
  let length = 0
  for (const shown of Object.values(feeds)) {
    const items = shown.map(
      (relative) =>
        `<item><guid>${relative}</guid><description>${_escape(html.get(relative))}</description></item>`,
    )
    const document = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>${items.join('')}</channel></rss>\n`
    new SaxesParser().write(document).close()
    length += document.length
  }
  return length
}

/** The first 1 KB of every file read, and in it the two lines a selection needs (date, category). */
function _scanHeads(files) {
  const buffer = Buffer.allocUnsafe(_HEAD_BYTES)
  let found = 0
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      const head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, _HEAD_BYTES, 0))
      found += Number(head.includes('\ndate:')) + Number(head.includes('\ncategory:'))
    } finally {
      closeSync(fd)
    }
  }
  return found
}

function _escape(text) {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
}

const _FLOORS = {
  'read-all': readAll,
  'read-head': readHead,
  'stat-all': statAll,
  'minimal-build': minimalBuild,
}

async function _main([mode, dir, feedsFile]) {
  const floor = _FLOORS[mode]
  if (!floor || !dir || (mode === 'minimal-build' && !feedsFile)) {
    process.stderr.write(
      'Usage: node bench/floors.mjs read-all|read-head|stat-all <contentDir>\n' +
        '       node bench/floors.mjs minimal-build <contentDir> <feeds.json>\n',
    )
    return 2
  }
  const files = findMarkdown(dir)
  process.stdout.write(`${mode}: ${files.length} files, ${await floor(files, dir, feedsFile)} bytes\n`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await _main(process.argv.slice(2))
