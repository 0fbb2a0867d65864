import { lstat, mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../errors.js'
import { PACKAGE_ROOT } from '../package-root.js'
import type { FoundSite, OldFeed } from '../sites/find-site.js'
import { writeFileAtomically } from '../write-file.js'
import { defineCommand } from './_command.js'
import { EXIT } from './_exit.js'

const _SCHEMA = fileURLToPath(new URL('schema/kanal.config.schema.json', PACKAGE_ROOT))

const _ARTICLE = `---
title: „Willkommen bei kanal“ – Ihr erster Artikel
date: 25.10.2024
category: Allgemeines
author: Redaktion
summary: Dieser Beispielartikel zeigt, wie ein Artikel für **kanal** aussieht.
---

Jeder Artikel ist eine Markdown-Datei im Ordner \`content/\`. Oben steht zwischen zwei Linien aus
drei Bindestrichen der Vorspann mit Titel, Datum und Kategorie.

Daten schreiben Sie so, wie Sie es gewohnt sind: \`25.10.2024\`, \`25. Oktober 2024\` oder
\`1. Mai 2024, 9:05 Uhr\`. kanal liest sie als Berliner Zeit, Sommerzeit inklusive.

Mit \`npx kanal build\` entstehen daraus \`dist/rss.xml\`, \`dist/atom.xml\` und \`dist/feed.json\`.
`

const _HELP = `Usage: kanal init [options]

Creates kanal.config.json (with $schema for editor completion) and content/ with one German example
article in the current folder. Never overwrites anything: stops if either exists.

With --from <folder>, reads an existing Jekyll, Hugo, Eleventy or Astro site there instead and writes
only <folder>/kanal.config.json from the site's own settings; it prints what it found and assumed,
and notes what kanal cannot do as the site does (an Eleventy permalink computed with the site's own
filters: it proposes kanal's equivalent when it recognises the pattern).
When the site's current feed is there (its build output, such as _site/feed.xml or public/index.xml,
or a committed feed file) or its settings name its URL, it prints the kanal adopt command that takes
the feed's ids over, so the first publish delivers nothing again; it runs nothing itself, changes no
article and reads nothing from the network.

Options:
  --content <dir>      content folder to create (default: content)
  --from <folder>      the site to read (use . for the current folder)
  --force              with --from: replace an existing kanal.config.json
  -h, --help           show this help
`

/** `kanal init`: sets up a project in the current folder. */
export const initCommand = defineCommand({
  meta: {
    name: 'init',
    description: 'set up kanal.config.json and a content folder with an example article',
  },
  help: _HELP,
  args: { content: { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' } },
  async run({ values, io, cwd }) {
    if (values.from !== undefined) {
      const site = await initFromSite(path.resolve(cwd, values.from), values.force === true)
      const name = path.relative(cwd, site.written).split(path.sep).join('/') || site.written
      io.stderr(
        `kanal init: found a ${site.generator} site.\n${site.found.map((line) => `  found    ${line}\n`).join('')}${site.assumed.map((line) => `  assumed  ${line}\n`).join('')}${site.notes.map((line) => `  note     ${line}\n`).join('')}kanal init: wrote ${name}. Next: npx kanal build\n`,
      )
      if (site.oldFeed) io.stderr(toAdoptAdvice(site.oldFeed, path.relative(cwd, path.dirname(site.written))))
      return EXIT.ok
    }
    if (values.force) throw new UsageError('--force only goes with --from: kanal init never overwrites')
    const created = await initProject(cwd, values.content)
    io.stderr(`kanal init: created ${created.join(' and ')}. Next: npx kanal build\n`)
    return EXIT.ok
  },
})

/** Creates kanal.config.json and a content folder with one example article; never overwrites. */
export async function initProject(cwd: string, contentDir = 'content'): Promise<string[]> {
  const configPath = path.join(cwd, 'kanal.config.json')
  const contentPath = path.resolve(cwd, contentDir)
  for (const target of [configPath, contentPath]) if (await _exists(target)) throw _inTheWay(cwd, target)
  const config = {
    $schema: path.relative(cwd, _SCHEMA).split(path.sep).join('/'),
    title: 'Beispiel-Zeitung',
    description: 'Nachrichten aus der Redaktion',
    siteUrl: 'https://www.example.com/',
    language: 'de-DE',
    timeZone: 'Europe/Berlin',
    author: { name: 'Redaktion' },
    limit: 20,
  }
  const article = path.join(contentPath, 'willkommen.md')
  // Both or neither: a config without its content folder would only stop the next init.
  if (!(await writeFileAtomically(configPath, `${JSON.stringify(config, null, 2)}\n`, false)))
    throw _inTheWay(cwd, configPath)
  let made: string | undefined
  try {
    // The first folder this call made (undefined when the content folder's parents were all there).
    made = await mkdir(contentPath, { recursive: true })
    if (!(await writeFileAtomically(article, _ARTICLE, false))) throw _inTheWay(cwd, article)
  } catch (error) {
    // Only what this call made goes; what stood there before (a link, a file) stays.
    if (made !== undefined) await rm(made, { recursive: true, force: true }).catch(() => {})
    await rm(configPath, { force: true }).catch(() => {})
    throw error
  }
  return [configPath, article].map((file) => path.relative(cwd, file).split(path.sep).join('/'))
}

/**
 * Writes `kanal.config.json` in a site's folder from the site's own settings (`init --from`); an
 * existing one is replaced only with `force`.
 */
export async function initFromSite(dir: string, force: boolean): Promise<FoundSite & { written: string }> {
  const { findSite } = await import('../sites/find-site.js')
  const target = path.join(dir, 'kanal.config.json')
  if (!force && (await _exists(target))) {
    const shown = path.relative(process.cwd(), target).split(path.sep).join('/') || target
    throw new UsageError(`${shown} already exists; pass --force to replace it with what the site says`)
  }
  const site = await findSite(dir)
  const config = { $schema: path.relative(dir, _SCHEMA).split(path.sep).join('/'), ...site.config }
  // Replaced whole or not at all: a refused write leaves the old config as it was.
  if (!(await writeFileAtomically(target, `${JSON.stringify(config, null, 2)}\n`, force))) {
    const shown = path.relative(process.cwd(), target).split(path.sep).join('/') || target
    throw new UsageError(`${shown} already exists; pass --force to replace it with what the site says`)
  }
  return { ...site, written: target }
}

/**
 * What `init --from` says about the site's current feed: the `kanal adopt` command that takes its ids
 * over, and why. init itself changes no article and reads nothing from the network.
 */
export function toAdoptAdvice(feed: OldFeed, folder: string): string {
  const cd = folder === '' ? '' : `cd ${_shellWord(folder)} && `
  const live = feed.url && `npx kanal adopt ${_shellWord(feed.url)}`
  const local = feed.file && `npx kanal adopt ${_shellWord(feed.file)}`
  const command = (feed.builtFor && live) || local || live
  const found = feed.file
    ? `${feed.file} (${feed.items} ${feed.items === 1 ? 'item' : 'items'})`
    : `probably ${feed.url} (the site's settings name it; kanal init reads nothing from the network)`
  const lines = [
    `kanal init: the site's current feed is ${found}.`,
    '  Feed readers know its items by their ids; an article kanal gives another id reaches every subscriber again as new.',
    `  To take the old ids over (one line id: "…" in an article's front matter where kanal's id differs; --dry-run shows it first):`,
    `    ${cd}${command}`,
    `  Then ${cd}npx kanal build --against ${_shellWord((command === live ? feed.url : feed.file) ?? '')} shows that the first publish delivers nothing again.`,
  ]
  if (feed.builtFor)
    lines.splice(
      1,
      0,
      `  It was built for ${feed.builtFor}, not for the site's address: its ids may not be the ones subscribers have${live ? `; take them from the live feed` : ''}.`,
    )
  return `${lines.join('\n')}\n`
}

/** A path or URL as one shell word. */
function _shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`
}

/** What `init` says of a file or folder that already stands where it would make one. */
function _inTheWay(cwd: string, target: string): UsageError {
  return new UsageError(
    `${path.relative(cwd, target) || target} already exists; kanal init only sets up a folder without one and never overwrites`,
  )
}

/** Whether anything stands at `target`: a link to nowhere (an unmounted share) counts. */
async function _exists(target: string): Promise<boolean> {
  return lstat(target).then(
    () => true,
    () => false,
  )
}
