import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'
import { readersFor } from '../helpers/readers.js'
import { FORMATS, viewFeed } from './_feeds.js'
import { buildSite, patchConfig, rebuild, type Site } from './_site.js'

const SITE = 'https://www.testblatt.de/'

const GIPFEL = 'Gipfel in Brüssel endet ohne Einigung'
const HANDEL = 'Handelsabkommen mit Kanada tritt in Kraft'
const WETTER = 'Erster Frost im Oktober'
const ZINSEN = 'Zinsen sinken zum dritten Mal'
const BOTSCHAFTER = 'Neuer Botschafter in Paris'
const REDAKTION = 'Wer wir sind'

/** The subscription feeds of `syndication/categories`, items newest first. */
const FEEDS = [
  { folder: '', title: 'Testblatt', items: [GIPFEL, WETTER, HANDEL, ZINSEN, BOTSCHAFTER, REDAKTION] },
  {
    folder: 'kategorie/aussenpolitik/',
    title: 'Testblatt – Außenpolitik',
    items: [GIPFEL, HANDEL, BOTSCHAFTER],
  },
  { folder: 'kategorie/ueber-uns/', title: 'Testblatt – Über uns', items: [REDAKTION] },
  {
    folder: 'kategorie/wirtschaft-und-finanzen/',
    title: 'Testblatt – Wirtschaft & Finanzen',
    items: [HANDEL, ZINSEN],
  },
  { folder: 'thema/europa/', title: 'Testblatt – Europa', items: [GIPFEL, ZINSEN] },
  { folder: 'thema/geldpolitik/', title: 'Testblatt – Geldpolitik', items: [ZINSEN] },
]

const CASES = FEEDS.flatMap((feed) =>
  FORMATS.map(({ format, file }) => ({ ...feed, format, file: `${feed.folder}${file}` })),
)

let built: Site
let renamed: Site
let withoutGroups: Site

beforeAll(async () => {
  ;[built, renamed, withoutGroups] = await Promise.all([
    buildSite('syndication/categories'),
    buildSite('syndication/categories', { categoryPath: 'rubrik', tagPath: 'stichwort' }),
    buildSite('syndication/categories', { categoryFeeds: false, tagFeeds: false }),
  ])
})

afterAll(removeTempDirs)

/** The feed files a build wrote, by path below the output folder. */
const feedPaths = (site: Site) =>
  site.result.files.map((file) => file.path).filter((file) => /(rss\.xml|atom\.xml|feed\.json)$/.test(file))

describe('category and tag feeds when names have umlauts, ß and &', () => {
  it('should build without errors or warnings when every category has its own slug', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it('should write rss, atom and json for exactly the transliterated slugs when categories and tags are on', () => {
    const value = feedPaths(built).sort()

    const expected = CASES.map((item) => item.file).sort()
    expect(value).toEqual(expected)
  })

  it.each(CASES)(
    'should title $file "$title" and hold exactly its articles when read by every reader',
    async ({ format, file, title, items }) => {
      const text = await built.read(file)

      for (const reader of readersFor(format)) {
        const value = await reader.read(text)
        expect({
          reader: reader.name,
          title: value.title,
          items: value.items.map((item) => item.title),
        }).toEqual({
          reader: reader.name,
          title,
          items,
        })
      }
    },
  )

  it.each(CASES)('should give $file its own URL as self link when written', async ({ file }) => {
    const value = viewFeed(file, await built.read(file)).self

    expect(value).toBe(`${SITE}${file}`)
  })
})

describe('categoryPath and tagPath when configured', () => {
  it('should put category feeds under rubrik/ and tag feeds under stichwort/ when so configured', () => {
    const value = feedPaths(renamed).sort()

    const expected = CASES.map((item) =>
      item.file.replace(/^kategorie\//, 'rubrik/').replace(/^thema\//, 'stichwort/'),
    ).sort()
    expect(value).toEqual(expected)
  })

  it.each(FORMATS)(
    'should use the configured path in the $format self link when categoryPath is rubrik',
    async ({ file }) => {
      const text = await renamed.read(`rubrik/ueber-uns/${file}`)

      const value = viewFeed(file, text)
      expect(value).toMatchObject({ title: 'Testblatt – Über uns', self: `${SITE}rubrik/ueber-uns/${file}` })
      expect(existsSync(path.join(renamed.dir, 'dist/kategorie'))).toBe(false)
    },
  )

  it('should write only the main feed when categoryFeeds and tagFeeds are false', () => {
    const value = feedPaths(withoutGroups).sort()

    expect(value).toEqual(['atom.xml', 'feed.json', 'rss.xml'])
  })
})

// Issue 23 changed these deliberately: two different words that share a slug used to stop the build;
// now they make one category (named by the most used spelling, in a tie the newest article's) and
// a warning names both, so the site still builds and the author can rename one.
describe('category slug collisions', () => {
  it('should merge two categories that share a slug into one feed and warn naming both', async () => {
    const dir = await copyFixture('syndication/slug-collision')

    const value = await rebuild(dir)

    expect(value.ok).toBe(true)
    expect(value.errors).toEqual([])
    expect(value.warnings.map((warning) => warning.message)).toMatchInlineSnapshot(`
      [
        "content/zinsen.md:4: category "Wirtschaft & Finanzen" (1 article) has the same URL slug "wirtschaft-und-finanzen" as "Wirtschaft und Finanzen" (1 article, first in content/boerse.md:4): both are shown as one category, "Wirtschaft und Finanzen"; rename one to keep them apart",
      ]
    `)
    const rss = await readFile(path.join(dir, 'dist/kategorie/wirtschaft-und-finanzen/rss.xml'), 'utf8')
    for (const reader of readersFor('rss')) {
      const feed = await reader.read(rss)
      expect(feed.title, reader.name).toBe('Testblatt – Wirtschaft und Finanzen')
      expect(
        feed.items.map((item) => item.title),
        reader.name,
      ).toEqual(['Börse schließt im Plus', 'Zinsen sinken zum dritten Mal'])
    }
  })

  it('should fail with --strict, as any warning does', async () => {
    const dir = await copyFixture('syndication/slug-collision')

    const value = await build({ cwd: dir, now: FIXED_NOW, cache: false, strict: true })

    expect(value.ok).toBe(false)
    expect(existsSync(path.join(dir, 'dist'))).toBe(false)
  })

  it('should warn naming both spellings when two tags share a slug and tag feeds are on', async () => {
    const dir = await copyFixture('syndication/slug-collision')
    await patchConfig(dir, { categoryFeeds: false, tagFeeds: true })
    await writeFile(
      path.join(dir, 'content/zinsen.md'),
      '---\ntitle: Zinsen\ndate: 2024-10-22\ntags: [Außenpolitik]\n---\n\nText.\n',
    )
    await writeFile(
      path.join(dir, 'content/boerse.md'),
      '---\ntitle: Börse\ndate: 2024-10-23\ntags: [Aussenpolitik]\n---\n\nText.\n',
    )

    const value = await rebuild(dir)

    expect(value.ok).toBe(true)
    expect(value.warnings).toHaveLength(1)
    expect(value.warnings[0]?.message).toMatch(
      /^content\/zinsen\.md:4: tag "Außenpolitik" \(1 article\) has the same URL slug "aussenpolitik" as "Aussenpolitik"/,
    )
  })
})
