import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { MONTHS } from './dates.mjs'
import { findMarkdown } from './floors.mjs'

/**
 * Hugo as the peer: the same corpus, built by Hugo into one RSS feed of the 20 newest articles with
 * their full HTML. Every page is converted (its body is Markdown, as for kanal) but only the feed is
 * written: no HTML pages, sections, taxonomies, sitemap or robots.txt.
 */
export const HUGO_ITEMS = 20

const _CONFIG = `baseURL = "https://bench.example.de/"
title = "Bench-Zeitung"
languageCode = "de-DE"
timeZone = "Europe/Berlin"
disableKinds = ["section", "taxonomy", "term", "sitemap", "robotsTXT", "404"]

[outputs]
home = ["RSS"]

[services.rss]
limit = ${HUGO_ITEMS}

# Articles are read, converted and linked, but written only as items of the home feed.
[[cascade]]
[cascade._build]
render = "link"
list = "always"
[cascade._target]
kind = "page"
`

const _FEED = `{{ printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\"?>" | safeHTML }}
<rss version="2.0">
<channel>
<title>{{ .Site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>{{ .Site.Title }}</description>
<language>{{ .Site.LanguageCode }}</language>
{{- range first ${HUGO_ITEMS} .Site.RegularPages.ByDate.Reverse }}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid>{{ .Permalink }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<description>{{ .Content | html }}</description>
</item>
{{- end }}
</channel>
</rss>
`

/** Hugo's version line when `hugo` is on the PATH and runs; undefined otherwise. */
export function findHugo() {
  const probe = spawnSync('hugo', ['version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) return undefined
  const version = /v(\d+\.\d+(?:\.\d+)?)/.exec(probe.stdout)?.[1]
  return version ? `Hugo ${version}` : 'Hugo'
}

/**
 * Writes a Hugo site into `dir`: every article of `corpus` at the same path below content/, its
 * `date:` line in a form Hugo reads (ISO 8601; Hugo knows no German dates), the config and the feed
 * layout above. Not timed. Returns the newest article's copy (`file`) and a spare of it (`original`).
 */
export function writeHugoSite(corpus, dir) {
  const contentDir = path.join(dir, 'content')
  const folders = new Set()
  for (const file of findMarkdown(corpus.contentDir)) {
    const target = path.join(contentDir, path.relative(corpus.contentDir, file))
    const folder = path.dirname(target)
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true })
    folders.add(folder)
    writeFileSync(target, toHugoDates(readFileSync(file, 'utf8')))
  }
  mkdirSync(path.join(dir, 'layouts'), { recursive: true })
  writeFileSync(path.join(dir, 'hugo.toml'), _CONFIG)
  writeFileSync(path.join(dir, 'layouts', 'index.rss.xml'), _FEED)
  if (!corpus.newest) return undefined
  const newest = {
    file: path.join(contentDir, corpus.newest.relative),
    original: path.join(dir, 'newest.md'),
  }
  copyFileSync(newest.file, newest.original)
  return newest
}

/** An article's text with its `date:` written as ISO 8601 (Berlin wall time, or as given with an offset). */
export function toHugoDates(text) {
  return text.replace(/^date: (.+)$/m, (_line, date) => `date: ${_isoDate(date) ?? date}`)
}

/** `hugo` arguments for one build of `site` into `out`. */
export function hugoArgs(site, out, cacheDir) {
  return ['--quiet', '--source', site, '--destination', out, '--cacheDir', cacheDir]
}

function _isoDate(date) {
  const two = (value) => String(value).padStart(2, '0')
  let match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d)$/.exec(date)
  if (match) return `${match[1]}T${match[2]}:00`
  match = /^(\d\d)\.(\d\d)\.(\d{4})$/.exec(date)
  if (match) return `${match[3]}-${match[2]}-${match[1]}`
  match = /^(\d{1,2})\. (\p{L}+) (\d{4})(?:, (\d{1,2}):(\d\d) Uhr)?$/u.exec(date)
  if (!match) return undefined
  const month = MONTHS.indexOf(match[2]) + 1
  if (month === 0) return undefined
  const day = `${match[3]}-${two(month)}-${two(match[1])}`
  return match[4] === undefined ? day : `${day}T${two(match[4])}:${match[5]}:00`
}
