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

/**
 * Floor (b): reads only the first 1 KB of every file (open, read, close); returns the bytes read.
 * `look(buffer, length)`, when given, sees each head while it is in the buffer.
 */
export function readHead(files, look) {
  const buffer = Buffer.allocUnsafe(_HEAD_BYTES)
  let bytes = 0
  for (const file of files) {
    const fd = openSync(file, 'r')
    try {
      const length = readSync(fd, buffer, 0, _HEAD_BYTES, 0)
      look?.(buffer, length)
      bytes += length
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
  const { MarkdownIt, SaxesParser } = await _libraries()
  _scanHeads(files)
  const feeds = _feeds(feedsFile)
  const markdown = new MarkdownIt()
  const html = new Map()
  for (const relative of new Set(Object.values(feeds).flat()))
    html.set(relative, markdown.render(_body(contentDir, relative)))
  let length = 0
  for (const shown of Object.values(feeds))
    length += _parsedRss(
      SaxesParser,
      shown.map((relative) => [relative, html.get(relative)]),
    )
  return length
}

/**
 * Floor (e): the least a rebuild must do after the body of the newest article changed (the bench's
 * edit): `stat` every file (to find the one that changed), read it and render its body with
 * markdown-it alone, and put together and parse, strictly, the RSS document of each feed that shows
 * it. The other items' HTML is read from their files, as from a cache (their Markdown stands in for
 * it: about the same size). kanal also writes those feeds' Atom and JSON Feed, checks its cache and
 * writes to disk. Returns the documents' length.
 */
export async function minimalEdit(files, contentDir, feedsFile) {
  const { MarkdownIt, SaxesParser } = await _libraries()
  statAll(files)
  const feeds = _feeds(feedsFile)
  const changed = feeds[''][0]
  const html = new MarkdownIt().render(_body(contentDir, changed))
  let length = 0
  for (const shown of Object.values(feeds).filter((list) => list.includes(changed))) {
    const items = shown.map((relative) => [
      relative,
      relative === changed ? html : _body(contentDir, relative),
    ])
    length += _parsedRss(SaxesParser, items)
  }
  return length
}

/** The Markdown renderer and the XML parser kanal uses, loaded by the floors that need them (timed). */
async function _libraries() {
  const [{ default: MarkdownIt }, { SaxesParser }] = await Promise.all([
    import('markdown-it'),
    import('saxes'),
  ])
  return { MarkdownIt, SaxesParser }
}

/** What each feed shows (`shown.mjs`): files below the content folder, newest first; '' is the main feed. */
function _feeds(feedsFile) {
  return JSON.parse(readFileSync(feedsFile, 'utf8')).feeds
}

/** An article's body: the text after its front matter. */
function _body(contentDir, relative) {
  const text = readFileSync(path.join(contentDir, relative), 'utf8')
  return text.slice(text.indexOf('\n---\n', 3) + 5)
}

/** An RSS document of `items` ([guid, html]), parsed once, strictly; returns its length. */
function _parsedRss(SaxesParser, items) {
  const channel = items
    .map(([guid, html]) => `<item><guid>${guid}</guid><description>${_escape(html)}</description></item>`)
    .join('')
  const document = `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>${channel}</channel></rss>\n`
  new SaxesParser().write(document).close()
  return document.length
}

/**
 * The first 1 KB of every file read, and in it the two lines a selection needs; a file without them
 * is no article of a generated corpus, which the floor is for.
 */
function _scanHeads(files) {
  let found = 0
  readHead(files, (buffer, length) => {
    const head = buffer.toString('utf8', 0, length)
    found += Number(head.includes('\ndate:')) + Number(head.includes('\ncategory:'))
  })
  if (found !== 2 * files.length)
    throw new Error('some heads have no date or category line: not a generated corpus')
}

function _escape(text) {
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'))
}

const _FLOORS = {
  'read-all': (files) => readAll(files),
  'read-head': (files) => readHead(files),
  'stat-all': (files) => statAll(files),
  'minimal-build': minimalBuild,
  'minimal-edit': minimalEdit,
}

async function _main([mode, dir, feedsFile]) {
  const floor = _FLOORS[mode]
  if (!floor || !dir || (mode.startsWith('minimal-') && !feedsFile)) {
    process.stderr.write(
      'Usage: node bench/floors.mjs read-all|read-head|stat-all <contentDir>\n' +
        '       node bench/floors.mjs minimal-build|minimal-edit <contentDir> <feeds.json>\n',
    )
    return 2
  }
  const files = findMarkdown(dir)
  process.stdout.write(`${mode}: ${files.length} files, ${await floor(files, dir, feedsFile)} bytes\n`)
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = await _main(process.argv.slice(2))
