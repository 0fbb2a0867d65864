import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { buildArticle } from './article.mjs'
import { shownFeedsFile } from './shown.mjs'

/** Bump when the generated corpus changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 1

/** The site config every generated corpus uses (category feeds are on by default). */
export const CORPUS_CONFIG = { title: 'Bench-Zeitung', siteUrl: 'https://bench.example.de/', limit: 50 }

/**
 * Writes `count` German articles to `<dir>/content/<year>/<slug>.md` and `<dir>/kanal.config.json`,
 * replacing an existing content folder. The same count always gives the same bytes.
 * Returns the newest article, the one the "one article changed" scenario edits.
 */
export function generateCorpus(dir, count) {
  const contentDir = path.join(dir, 'content')
  rmSync(contentDir, { recursive: true, force: true })
  const folders = new Set()
  let newest = { index: -1, instant: -Infinity, relative: '' }
  for (let index = 0; index < count; index++) {
    const article = buildArticle(index)
    const file = path.join(contentDir, article.relative)
    const folder = path.dirname(file)
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true })
      folders.add(folder)
    }
    writeFileSync(file, article.text)
    if (article.instant > newest.instant)
      newest = { index, instant: article.instant, relative: article.relative }
  }
  writeFileSync(path.join(dir, 'kanal.config.json'), `${JSON.stringify(CORPUS_CONFIG, null, 2)}\n`)
  return { index: newest.index, relative: newest.relative }
}

function _main([dir, count]) {
  const articles = Number(count)
  if (!dir || !Number.isInteger(articles) || articles < 1) {
    process.stderr.write('Usage: node bench/corpus.mjs <dir> <count>\n')
    return 2
  }
  const newest = generateCorpus(dir, articles)
  const feeds = shownFeedsFile(dir, articles, CORPUS_CONFIG.limit)
  process.stderr.write(
    `wrote ${articles} articles to ${path.join(dir, 'content')} (newest: ${newest.relative}), and ${feeds}\n`,
  )
  return 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = _main(process.argv.slice(2))
