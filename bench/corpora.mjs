import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildArticle } from './article.mjs'
import { CORPUS_CONFIG, GENERATOR_VERSION, generateCorpus } from './corpus.mjs'
import { shownFeedsFile } from './shown.mjs'

/** Where generated corpora live between runs (kept only with --keep). */
export const CORPUS_ROOT = path.join(os.tmpdir(), 'kanal-bench-corpora')
const _MARKER = '.kanal-bench.json'

/**
 * The generated corpus of `size` articles: reused when one from this generator version is cached in
 * CORPUS_ROOT, generated otherwise (not timed). Returns { label, dir, contentDir, articles, newest,
 * feedsFile } (`feedsFile`: what each feed shows, for the minimal-build floor).
 */
export function ensureCorpus(size, log) {
  const dir = path.join(CORPUS_ROOT, `${size}-v${GENERATOR_VERSION}`)
  let marker = _readMarker(dir)
  if (marker?.generator === GENERATOR_VERSION && marker.count === size) {
    log(`reusing corpus of ${size} articles in ${dir}`)
  } else {
    log(`generating ${size} articles in ${dir} …`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const newest = generateCorpus(dir, size)
    // Written last: a marker means the corpus is complete.
    marker = { generator: GENERATOR_VERSION, count: size, newest, edited: false }
    _writeMarker(dir, marker)
  }
  const corpus = {
    label: size.toLocaleString('en-US'),
    dir,
    contentDir: path.join(dir, 'content'),
    articles: size,
    newest: marker.newest,
    feedsFile: shownFeedsFile(dir, size, CORPUS_CONFIG.limit),
  }
  if (marker.edited) restoreNewest(corpus) // an earlier bench stopped before it could undo its edit
  return corpus
}

/** Appends one sentence to the newest article (run `run` of "one article changed"). */
export function editNewest(corpus, run) {
  _writeMarker(corpus.dir, { ..._readMarker(corpus.dir), edited: true })
  appendFileSync(path.join(corpus.contentDir, corpus.newest.relative), `\n${addendum(run)}\n`)
}

/** The sentence run `run` of "one article changed" appends (for kanal's corpus and Hugo's copy). */
export function addendum(run) {
  return `Nachtrag ${run + 2}: Die Redaktion hat diesen Artikel um eine Stellungnahme der Stadt ergänzt.`
}

/** Puts the newest article back as the generator wrote it. */
export function restoreNewest(corpus) {
  writeFileSync(path.join(corpus.contentDir, corpus.newest.relative), buildArticle(corpus.newest.index).text)
  _writeMarker(corpus.dir, { ..._readMarker(corpus.dir), edited: false })
}

/** Deletes a generated corpus, and the corpus root once it is empty. */
export function removeCorpus(corpus) {
  rmSync(corpus.dir, { recursive: true, force: true })
  try {
    rmdirSync(CORPUS_ROOT)
  } catch {
    // Other corpora (kept by an earlier --keep) are still there.
  }
}

function _readMarker(dir) {
  const file = path.join(dir, _MARKER)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}

function _writeMarker(dir, marker) {
  writeFileSync(path.join(dir, _MARKER), `${JSON.stringify(marker)}\n`)
}
