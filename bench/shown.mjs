import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildArticle } from './article.mjs'

const _FILE = 'feeds.json'

/**
 * The file listing, per feed, the articles a build of the generated corpus in `dir` (of `count`
 * articles, its config's `limit`) shows: the newest `limit` of all, and the newest `limit` of each category (newest first; the same date: by slug, as
 * kanal sorts). Worked out from the generator, not from kanal, once per corpus, and not timed; the
 * minimal-build floor (`floors.mjs`) reads it.
 */
export function shownFeedsFile(dir, count, limit) {
  const file = path.join(dir, _FILE)
  if (existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).count === count) return file
  const articles = []
  for (let index = 0; index < count; index++) {
    const { relative, instant, text } = buildArticle(index)
    const category = /\ncategory: (.*)\n/.exec(text)?.[1] ?? ''
    articles.push({ relative, instant, category, slug: path.basename(relative, '.md') })
  }
  articles.sort((a, b) => b.instant - a.instant || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
  const feeds = { '': articles.slice(0, limit).map((article) => article.relative) }
  for (const { relative, category } of articles) {
    feeds[category] ??= []
    if (feeds[category].length < limit) feeds[category].push(relative)
  }
  writeFileSync(file, `${JSON.stringify({ count, feeds })}\n`)
  return file
}
