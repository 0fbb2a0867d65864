import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { cleanup, makeScenario, run, snapshotFolder, writeFiles } from '../cli/_scenario.js'
import { readersFor, readWithRssParser } from '../helpers/readers.js'
import { hasCommand, runGenerator, THEMED_RSS } from './_real.js'

// A German multilingual Hugo site: German the default language, English translations by file name
// (`x.en.md`, the default's own suffix `x.de.md` too) or by content folder (`content/en`), sections
// with underscores in file names, entities, `--`, `---`, `...` and quotes in titles. kanal's feed is
// the German one, with the links, titles and instants of the German feed real Hugo publishes for the
// same site (with THEMED_RSS: titles as the site's pages show them, Markdown in a title too);
// translations are not in it.

const HUGO = hasCommand('hugo', ['version'])
const NOW = '2026-01-01T00:00:00Z'

function page(title: string, date: string, more = ''): string {
  return `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\n${more}---\n\nText -- mit "Anführung"...\n`
}

/** The German pages of both forms of the site, by path below the German section folder. */
const GERMAN: Record<string, string> = {
  '_index.md': '---\ntitle: Beiträge\n---\n',
  'programmieren/termine_aufbereiten.md': page('Termine aufbereiten -- Teil 1', '2024-05-01T10:00:00+02:00'),
  'technik/Alfawise_U50.de.md': page('Alfawise U50 -- Unboxing', '2024-05-02T10:00:00'),
  'jellyfin.md': page('Von &bdquo;Ich probier nur mal Jellyfin aus&ldquo; zum Server', '2024-03-31T01:30:00'),
  'bloggen/und_jetzt.md': page('Und jetzt bloggt er auch noch...', '2024-10-27T02:30:00+01:00'),
  'programmieren/code_im_titel.md': page(
    '`termine_aufbereiten` -- *neu* &amp;amp; <b>fett</b>',
    '2024-07-01',
  ),
  'bloggen/der_weg.md': page(
    'Der "richtige" Weg --- Fish &amp; Chips',
    '2024-06-01T12:00:00Z',
    'slug: weg\n',
  ),
}

/** The English translations, by path below the English section folder (file names without `.en`). */
const ENGLISH: Record<string, string> = {
  '_index.md': '---\ntitle: Posts\n---\n',
  'programmieren/termine_aufbereiten.md': page('Preparing dates -- part 1', '2024-05-01T10:00:00+02:00'),
  'technik/Alfawise_U50.md': page('Alfawise U50 -- unboxing', '2024-05-02T10:00:00'),
  'only_english.md': page('Only in English', '2024-05-04T10:00:00+02:00'),
}

const SETTINGS = `baseURL = "https://www.mehrsprachig.de/"
title = "Mehrsprachig"
defaultContentLanguage = "de"
timeZone = "Europe/Berlin"
`

/** Translation by file name: one content folder, English pages named `x.en.md`; settings in hugo.toml. */
function byFileName(): Record<string, string> {
  const files: Record<string, string> = {
    ...THEMED_RSS,
    'hugo.toml': `${SETTINGS}[languages.de]\nlanguageCode = "de-DE"\nweight = 1\n[languages.de.params]\ndescription = "Auf Deutsch"\n[languages.en]\nlanguageCode = "en-US"\ntitle = "Multilingual"\nweight = 2\n`,
  }
  for (const [file, text] of Object.entries(GERMAN)) files[`content/posts/${file}`] = text
  for (const [file, text] of Object.entries(ENGLISH))
    files[`content/posts/${file.replace(/\.md$/, '.en.md')}`] = text
  return files
}

/** Translation by content folder: `content/de`, `content/en`; settings in config/_default/. */
function byContentFolder(): Record<string, string> {
  const files: Record<string, string> = {
    ...THEMED_RSS,
    'config/_default/hugo.toml': SETTINGS,
    'config/_default/languages.toml':
      '[de]\ncontentDir = "content/de"\nlanguageCode = "de-DE"\nweight = 1\n[en]\ncontentDir = "content/en"\nlanguageCode = "en-US"\nweight = 2\n',
  }
  for (const [file, text] of Object.entries(GERMAN)) files[`content/de/posts/${file}`] = text
  for (const [file, text] of Object.entries(ENGLISH)) files[`content/en/posts/${file}`] = text
  return files
}

const EXPECTED_LINKS = [
  'https://www.mehrsprachig.de/posts/bloggen/und_jetzt/',
  'https://www.mehrsprachig.de/posts/bloggen/weg/',
  'https://www.mehrsprachig.de/posts/jellyfin/',
  'https://www.mehrsprachig.de/posts/programmieren/code_im_titel/',
  'https://www.mehrsprachig.de/posts/programmieren/termine_aufbereiten/',
  'https://www.mehrsprachig.de/posts/technik/alfawise_u50/',
]

const EXPECTED_TITLES = [
  'Alfawise U50 – Unboxing',
  'Der “richtige” Weg — Fish & Chips',
  'Termine aufbereiten – Teil 1',
  'Und jetzt bloggt er auch noch…',
  'Von „Ich probier nur mal Jellyfin aus“ zum Server',
  'termine_aufbereiten – neu &amp; fett',
]

type Item = [string | undefined, number | undefined, string | undefined]

/** `kanal init --from .` and `kanal build --strict`, and the items of kanal's RSS feed. */
async function buildWithKanal(dir: string) {
  const init = await run(['init', '--from', '.'], dir)
  expect(init.code, init.stderr).toBe(0)
  const built = await run(['build', '--strict', '--now', NOW], dir)
  expect(built.code, built.stderr).toBe(0)
  const config = JSON.parse(await readFile(path.join(dir, 'kanal.config.json'), 'utf8'))
  const feed = await readWithRssParser(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'))
  const items = feed.items.map((item): Item => [item.link, item.instant, item.title]).sort()
  return { init, built, config, items }
}

describe('a multilingual Hugo site, from init --from . to build --strict', () => {
  it('should publish the German pages only, with their Hugo URLs and the titles the site shows, when translations are named x.en.md', async () => {
    const dir = await makeScenario(byFileName())
    try {
      const { init, built, config, items } = await buildWithKanal(dir)
      expect(config).toMatchObject({
        languages: ['de', 'en'],
        language: 'de-DE',
        description: 'Auf Deutsch',
        content: 'content/posts',
        permalink: '/posts/:filepath/',
      })
      expect(init.stdout + init.stderr).toContain('the feeds hold the default language "de" only')
      expect(items.map(([link]) => link)).toEqual(EXPECTED_LINKS)
      expect(items.map(([, , title]) => title).sort()).toEqual(EXPECTED_TITLES)
      // Said once, as a note: --strict passes.
      expect(built.stderr).toContain(
        'content/posts: note: left out 3 translations (en: 3): the feeds hold the site\'s default language "de" only',
      )
      expect(built.stderr).toMatch(/0 errors, 0 warnings/)
      // Every reader sees each title once, decoded; and the body got Hugo's typographer.
      for (const format of ['rss', 'atom', 'json'] as const) {
        const file = { rss: 'rss.xml', atom: 'atom.xml', json: 'feed.json' }[format]
        const text = await readFile(path.join(dir, 'dist', file), 'utf8')
        expect(text).not.toMatch(/bdquo|&amp;amp;|Only in English|Preparing/)
        for (const reader of readersFor(format)) {
          const seen = await reader.read(text)
          expect(seen.items.map((item) => item.title).sort(), `${reader.name} ${file}`).toEqual(
            EXPECTED_TITLES,
          )
        }
      }
      const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
      expect(json.items[0].content_html).toBe('<p>Text – mit “Anführung”…</p>')
    } finally {
      await cleanup(dir)
    }
  }, 60_000)

  it('should note a translation added since the last build, with the output unchanged and the same without cache and with threads', async () => {
    const dir = await makeScenario(byFileName())
    try {
      await buildWithKanal(dir)
      const before = await snapshotFolder(path.join(dir, 'dist'))
      await writeFiles(dir, { 'content/posts/jellyfin.en.md': page('Jellyfin', '2024-03-31T01:30:00') })
      const again = await run(['build', '--strict', '--now', NOW], dir)
      expect(again.code, again.stderr).toBe(0)
      expect(again.stderr).toContain('left out 4 translations (en: 4)')
      expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(before)
      const fresh = await run(['build', '--strict', '--no-cache', '--now', NOW, '--out', 'dist-fresh'], dir)
      expect(fresh.code, fresh.stderr).toBe(0)
      expect(await snapshotFolder(path.join(dir, 'dist-fresh'))).toEqual(before)
      // Helper threads read and render (typographer, decoded titles) the same bytes.
      const threads = ['--threads', '2', '--no-cache', '--now', NOW, '--out', 'dist-threads']
      expect((await run(['build', '--strict', ...threads], dir)).code).toBe(0)
      expect(await snapshotFolder(path.join(dir, 'dist-threads'))).toEqual(before)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)

  it('should read the content folder of the default language when translations have folders of their own', async () => {
    const dir = await makeScenario(byContentFolder())
    try {
      const { init, config, items } = await buildWithKanal(dir)
      expect(config).toMatchObject({ content: 'content/de/posts', languages: ['de', 'en'] })
      expect(init.stdout + init.stderr).toContain('translations in content/en (en)')
      expect(items.map(([link]) => link)).toEqual(EXPECTED_LINKS)
    } finally {
      await cleanup(dir)
    }
  }, 60_000)
})

/** Hugo's German feed (`public/index.xml`) and English one (`public/en/index.xml`), as items. */
async function buildWithHugo(dir: string) {
  runGenerator('hugo', ['--quiet', '--source', dir], dir)
  const read = async (file: string) =>
    (await readWithRssParser(await readFile(path.join(dir, 'public', file), 'utf8'))).items
      .map((item): Item => [item.link, item.instant, item.title])
      .sort()
  return { german: await read('index.xml'), english: await read('en/index.xml') }
}

describe.skipIf(!HUGO)('a multilingual Hugo site, kanal against real Hugo', () => {
  for (const [name, files] of [
    ['translations by file name (x.en.md, x.de.md), settings in hugo.toml', byFileName],
    ['translations by content folder, settings in config/_default/', byContentFolder],
  ] as const) {
    it(`should give the links, titles and instants of Hugo's German feed, item by item: ${name}`, async () => {
      const dir = await makeScenario(files())
      try {
        const hugo = await buildWithHugo(dir)
        const kanal = await buildWithKanal(dir)
        expect(hugo.german.map(([link]) => link)).toEqual(EXPECTED_LINKS)
        expect(hugo.german.map(([, , title]) => title).sort()).toEqual(EXPECTED_TITLES)
        expect(hugo.english).toHaveLength(3)
        expect(kanal.items).toEqual(hugo.german)
        const links = new Set(kanal.items.map(([link]) => link))
        for (const [link] of hugo.english) expect(links.has(link)).toBe(false)
      } finally {
        await cleanup(dir)
      }
    }, 60_000)
  }
})

describe.runIf(!HUGO)('multilingual Hugo comparison', () => {
  it('is skipped: hugo is not installed (apt-get install hugo)', () => {
    console.warn(
      'tests/sites/hugo-languages.test.ts: hugo is not installed; the comparison with Hugo is skipped',
    )
  })
})
