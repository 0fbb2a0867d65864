import { describe, expect, it } from 'vitest'
import { type Config, parseConfig } from '../../src/config.js'
import { parseFrontMatter } from '../../src/content/_front-matter.js'
import { type ArticleResult, toArticle } from '../../src/content/_to-article.js'
import type { SourceFile } from '../../src/content/source.js'

const CONFIG = parseConfig(
  { title: 'Testblatt', siteUrl: 'https://www.testblatt.de/', author: { name: 'Redaktion Testblatt' } },
  'kanal.config.json',
)

/** A source file `content/<relative>` whose YAML starts on line 2. */
function sourceFor(relative: string): SourceFile {
  return {
    file: `content/${relative}`,
    path: `/nicht/gelesen/${relative}`,
    relative,
    frontMatterLine: 2,
    bodyOffset: 0,
    bodyLine: 1,
    size: 0,
    mtimeMs: 0,
  }
}

/** Parses `yaml` as the front matter of `content/<relative>` and validates it. */
function convert(yaml: string, config: Config = CONFIG, relative = '2024/wahl-in-berlin.md'): ArticleResult {
  const source = sourceFor(relative)
  return toArticle(source, parseFrontMatter(source, yaml), config)
}

const messages = (items: { message: string }[]) => items.map((item) => item.message)

describe('toArticle', () => {
  describe('a valid article', () => {
    it('should derive slug, url, id and defaults when only title and date are given', () => {
      const value = convert('title: Wahl in Berlin\ndate: 25.10.2024\n')

      expect(value.errors).toEqual([])
      expect(value.warnings).toEqual([])
      expect(value.article).toEqual({
        source: sourceFor('2024/wahl-in-berlin.md'),
        slug: 'wahl-in-berlin',
        title: 'Wahl in Berlin',
        date: new Date('2024-10-24T22:00:00Z'),
        updated: new Date('2024-10-24T22:00:00Z'),
        categories: [],
        tags: [],
        author: { name: 'Redaktion Testblatt' },
        url: 'https://www.testblatt.de/wahl-in-berlin/',
        id: 'tag:testblatt.de,2024-10-25:wahl-in-berlin',
        draft: false,
        keyLines: { slug: 2, id: 2, url: 2, categories: 2, tags: 2, date: 3 },
      })
    })

    it('should keep every given field, normalised, when the front matter has all known keys', () => {
      const value = convert(
        [
          'title: "  Wahl   in\tBerlin "',
          'date: 2024-10-25T18:00:00+02:00',
          'updated: 26.10.2024 09:15',
          'summary: Die **SPD** gewinnt knapp.',
          'category: Politik',
          'categories: [Berlin, Politik]',
          'tags: Wahl',
          'author: { name: Anna Schmidt, email: anna@testblatt.de, url: "https://www.testblatt.de/anna/" }',
          'slug: wahlabend',
          'id: urn:uuid:7d444840-9dc0-11d1-b245-5ffdce74fad2',
          'url: /politik/wahlabend.html',
          'draft: true',
          'image: bilder/wahl.jpg',
          '',
        ].join('\n'),
      )

      expect(value.errors).toEqual([])
      expect(value.warnings).toEqual([])
      expect(value.article).toMatchObject({
        slug: 'wahlabend',
        title: 'Wahl in Berlin',
        date: new Date('2024-10-25T16:00:00Z'),
        updated: new Date('2024-10-26T07:15:00Z'),
        summary: 'Die **SPD** gewinnt knapp.',
        categories: ['Politik', 'Berlin'],
        tags: ['Wahl'],
        author: { name: 'Anna Schmidt', email: 'anna@testblatt.de', url: 'https://www.testblatt.de/anna/' },
        url: 'https://www.testblatt.de/politik/wahlabend.html',
        id: 'urn:uuid:7d444840-9dc0-11d1-b245-5ffdce74fad2',
        draft: true,
        image: 'https://www.testblatt.de/politik/bilder/wahl.jpg',
        keyLines: { slug: 10, id: 11, url: 12 },
      })
    })

    it('should take a number as text when the title is a number', () => {
      const value = convert('title: 2024\ndate: 25.10.2024\n')

      expect(value.article?.title).toBe('2024')
    })
  })

  describe('dates', () => {
    it.each([
      { value: '25.10.2024', expected: '2024-10-24T22:00:00.000Z' },
      { value: '25. Oktober 2024', expected: '2024-10-24T22:00:00.000Z' },
      { value: 'Freitag, 25. Oktober 2024', expected: '2024-10-24T22:00:00.000Z' },
      { value: '1. Dezember 2024, 17:25 Uhr', expected: '2024-12-01T16:25:00.000Z' },
      { value: '2024-07-01', expected: '2024-06-30T22:00:00.000Z' },
      { value: '2024-11-04 09:30', expected: '2024-11-04T08:30:00.000Z' },
      { value: '2024-10-25T10:00:00Z', expected: '2024-10-25T10:00:00.000Z' },
      { value: '2025-03-31T02:30:00+02:00', expected: '2025-03-31T00:30:00.000Z' },
      { value: '30.03.2024 12:00', expected: '2024-03-30T11:00:00.000Z' },
      { value: '31.03.2024 12:00', expected: '2024-03-31T10:00:00.000Z' },
      { value: '27.10.2024 01:59', expected: '2024-10-26T23:59:00.000Z' },
      { value: '27.10.2024 03:00', expected: '2024-10-27T02:00:00.000Z' },
    ])('should read $value as $expected when the site is in Europe/Berlin', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: ${value}\n`)

      expect(result.errors).toEqual([])
      expect(result.warnings).toEqual([])
      expect(result.article?.date.toISOString()).toBe(expected)
    })

    it('should read a date without a zone in the config zone when the site is not in Berlin', () => {
      const config = { ...CONFIG, timeZone: 'America/New_York' }

      const value = convert('title: Wahl\ndate: 25.10.2024 12:00\n', config)

      expect(value.article?.date.toISOString()).toBe('2024-10-25T16:00:00.000Z')
      expect(value.article?.id).toBe('tag:testblatt.de,2024-10-25:wahl-in-berlin')
    })

    it('should warn at the date and move the time on when the wall time does not exist (spring forward)', () => {
      const value = convert('title: Wahl\ndate: 31. März 2024, 2:30 Uhr\n')

      expect(value.article?.date.toISOString()).toBe('2024-03-31T01:30:00.000Z')
      expect(messages(value.warnings)).toEqual([
        'content/2024/wahl-in-berlin.md:3:7: "date": "31. März 2024, 2:30 Uhr" does not exist in Europe/Berlin (clocks spring forward); read as 03:30 (+02:00)',
      ])
    })

    it('should warn at the date and take the first when the wall time happens twice (fall back)', () => {
      const value = convert('title: Wahl\ndate: 27.10.2024 02:30\n')

      expect(value.article?.date.toISOString()).toBe('2024-10-27T00:30:00.000Z')
      expect(messages(value.warnings)).toEqual([
        'content/2024/wahl-in-berlin.md:3:7: "date": "27.10.2024 02:30" happens twice in Europe/Berlin (clocks fall back); read as the first, 02:30 (+02:00). Add the offset to choose, e.g. 2024-10-27T02:30:00+01:00 for the second',
      ])
    })

    it('should take the second 02:30 without a warning when the offset chooses it', () => {
      const value = convert('title: Wahl\ndate: 2024-10-27T02:30:00+01:00\n')

      expect(value.warnings).toEqual([])
      expect(value.article?.date.toISOString()).toBe('2024-10-27T01:30:00.000Z')
    })

    it('should report the date key position when the date cannot be read', () => {
      const value = convert('title: Wahl\ndate: 32.10.2024\n')

      expect(value.article).toBeUndefined()
      expect(value.errors).toHaveLength(1)
      expect(value.errors[0]?.location).toEqual({
        file: 'content/2024/wahl-in-berlin.md',
        line: 3,
        column: 7,
      })
      expect(value.errors[0]?.reason).toMatch(/^"date": /)
    })

    it('should ask for a date like 25.10.2024 when the date is not text', () => {
      const value = convert('title: Wahl\ndate: [2024, 10, 25]\n')

      expect(messages(value.errors)).toEqual([
        'content/2024/wahl-in-berlin.md:3:7: "date" must be a date like 25.10.2024 or 2024-10-25 (got [2024,10,25])',
      ])
    })

    it('should take updated as given and date as the default when updated is present or absent', () => {
      const value = [
        convert('title: Wahl\ndate: 25.10.2024\nupdated: 26.10.2024\n'),
        convert('title: Wahl\ndate: 25.10.2024\n'),
      ].map((result) => result.article?.updated.toISOString())

      expect(value).toEqual(['2024-10-25T22:00:00.000Z', '2024-10-24T22:00:00.000Z'])
    })
  })

  describe('required keys', () => {
    it('should report title and date at the first front matter line when both are missing', () => {
      const value = convert('summary: Nur ein Vorspann.\n')

      expect(value.article).toBeUndefined()
      expect(messages(value.errors)).toEqual([
        'content/2024/wahl-in-berlin.md:2:1: "title" is required: add a line like title: …',
        'content/2024/wahl-in-berlin.md:2:1: "date" is required: add a line like date: 25.10.2024',
      ])
    })

    it.each([
      { name: 'empty', value: 'title: ""', expected: '2:8: "title" is required: add a line like title: …' },
      { name: 'only white space', value: 'title: "   "', expected: '2:8: "title" must not be empty' },
      { name: 'a list', value: 'title: [Wahl, Berlin]', expected: '2:8: "title" must be text (got a list)' },
      {
        name: 'a mapping',
        value: 'title: { de: Wahl }',
        expected: '2:8: "title" must be text (got a mapping)',
      },
    ])('should report the title at its position when it is $name', ({ value, expected }) => {
      const result = convert(`${value}\ndate: 25.10.2024\n`)

      expect(result.article).toBeUndefined()
      expect(messages(result.errors)).toEqual([`content/2024/wahl-in-berlin.md:${expected}`])
    })

    it('should report every problem at once when several keys are wrong', () => {
      const value = convert('title: Wahl\ndate: 25.10.2024\nslug: Wahl Abend\nid: kein uri\ndraft: ja\n')

      expect(messages(value.errors)).toEqual([
        'content/2024/wahl-in-berlin.md:4:7: "slug" must use only a-z, 0-9 and hyphens like "wahl-abend" (got "Wahl Abend")',
        'content/2024/wahl-in-berlin.md:6:8: "draft" must be true or false (got "ja")',
        'content/2024/wahl-in-berlin.md:5:5: "id" must be a URI without spaces, like tag:example.de,2024-10-25:mein-artikel or urn:uuid:… (got "kein uri")',
      ])
    })
  })

  describe('unknown keys', () => {
    it.each([
      { value: 'titel', expected: 'did you mean "title"?' },
      { value: 'Datum', expected: 'did you mean "date"?' },
      { value: 'kategorie', expected: 'did you mean "category"?' },
      { value: 'tgas', expected: 'did you mean "tags"?' },
      {
        value: 'rubrik',
        expected:
          'known keys are title, date, updated, summary, category, categories, tags, author, url, id, slug, draft, image',
      },
    ])('should warn at the key and still build the article when the key is $value', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\n${value}: x\n`)

      expect(result.article).toBeDefined()
      expect(result.warnings.map((warning) => warning.location)).toEqual([
        { file: 'content/2024/wahl-in-berlin.md', line: 4, column: value.length + 3 },
      ])
      expect(result.warnings[0]?.reason).toBe(`unknown key "${value}" is ignored; ${expected}`)
    })
  })

  describe('slug, url and id', () => {
    it.each([
      { value: '2024/wahl-in-berlin.md', expected: 'wahl-in-berlin' },
      { value: 'Über uns.md', expected: 'ueber-uns' },
      { value: 'Straße & Plätze.md', expected: 'strasse-und-plaetze' },
      { value: '2024/stadtderby/index.md', expected: 'stadtderby' },
      { value: 'index.md', expected: 'index' },
      { value: '日本.md', expected: 'u65e5-u672c' },
    ])('should derive the slug $expected when the file is $value', ({ value, expected }) => {
      const result = convert('title: Wahl\ndate: 25.10.2024\n', CONFIG, value)

      expect(result.article?.slug).toBe(expected)
      expect(result.article?.url).toBe(`https://www.testblatt.de/${expected}/`)
    })

    it('should fill the permalink with the Berlin calendar day when the UTC day is a different year', () => {
      const config = { ...CONFIG, permalink: '/:year/:month/:day/:slug/' }

      const value = convert('title: Neujahr\ndate: 01.01.2025 00:30\n', config)

      expect(value.article?.date.toISOString()).toBe('2024-12-31T23:30:00.000Z')
      expect(value.article?.url).toBe('https://www.testblatt.de/2025/01/01/wahl-in-berlin/')
      expect(value.article?.id).toBe('tag:testblatt.de,2025-01-01:wahl-in-berlin')
    })

    it.each([
      { value: 'https://www.testblatt.de/', expected: 'tag:testblatt.de,2024-10-25:wahl' },
      { value: 'http://testblatt.de/', expected: 'tag:testblatt.de,2024-10-25:wahl' },
      { value: 'https://news.testblatt.de/blog/', expected: 'tag:news.testblatt.de,2024-10-25:wahl' },
    ])('should make the id $expected when the site is $value', ({ value, expected }) => {
      const config = parseConfig({ title: 'Testblatt', siteUrl: value }, 'kanal.config.json')

      const result = convert('title: Wahl\ndate: 25.10.2024\nslug: wahl\n', config)

      expect(result.article?.id).toBe(expected)
    })

    it('should put the article below the site path when the site lives in a folder', () => {
      const config = parseConfig(
        { title: 'Testblatt', siteUrl: 'https://testblatt.de/news/' },
        'kanal.config.json',
      )

      const value = convert('title: Wahl\ndate: 25.10.2024\n', config)

      expect(value.article?.url).toBe('https://testblatt.de/news/wahl-in-berlin/')
    })

    it.each([
      { value: '/wahl/', expected: 'https://www.testblatt.de/wahl/' },
      { value: 'https://andere.de/wahl', expected: 'https://andere.de/wahl' },
      { value: 'http://andere.de/wahl', expected: 'http://andere.de/wahl' },
    ])('should take the url $value as $expected', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\nurl: ${value}\n`)

      expect(result.errors).toEqual([])
      expect(result.article?.url).toBe(expected)
    })

    it.each([
      { key: 'url', value: 'javascript:alert(1)' },
      { key: 'url', value: 'ftp://andere.de/wahl' },
      { key: 'image', value: 'data:image/png;base64,AAAA' },
    ])('should refuse $key $value at its position', ({ key, value }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\n${key}: "${value}"\n`)

      expect(messages(result.errors)).toEqual([
        `content/2024/wahl-in-berlin.md:4:${key.length + 3}: "${key}" must be an http(s) URL or a path like /bilder/foto.jpg (got "${value}")`,
      ])
    })

    it('should give the lines of slug, id and url when the keys are present', () => {
      const value = convert('title: Wahl\nurl: /wahl/\ndate: 25.10.2024\nid: urn:x:wahl\nslug: wahl\n')

      expect(value.article?.keyLines).toEqual({ slug: 6, id: 5, url: 3, categories: 2, tags: 2, date: 4 })
    })

    it('should give the slug line for a url and id made from the slug, and the category line', () => {
      const value = convert('title: Wahl\ncategory: Politik\ndate: 25.10.2024\nslug: wahl\ntags: [a]\n')

      expect(value.article?.keyLines).toEqual({ slug: 5, id: 5, url: 5, categories: 3, tags: 6, date: 4 })
    })
  })

  describe('categories, tags and draft', () => {
    it('should merge category and categories in order without duplicates when both are given', () => {
      const value = convert(
        'title: Wahl\ndate: 25.10.2024\ncategory: Politik\ncategories: [Berlin, Politik, " Wahl  2024 "]\ntags: [Wahl, Wahl, 2024]\n',
      )

      expect(value.article?.categories).toEqual(['Politik', 'Berlin', 'Wahl 2024'])
      expect(value.article?.tags).toEqual(['Wahl', '2024'])
    })

    it('should report a category that is a mapping at the key', () => {
      const value = convert('title: Wahl\ndate: 25.10.2024\ncategories: [{ name: Politik }]\n')

      expect(messages(value.errors)).toEqual([
        'content/2024/wahl-in-berlin.md:4:13: "categories" must be text or a list of texts (got a mapping)',
      ])
    })

    it.each([
      { value: 'true', expected: true },
      { value: 'false', expected: false },
      { value: '~', expected: false },
    ])('should read draft $value as $expected', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\ndraft: ${value}\n`)

      expect(result.article?.draft).toBe(expected)
    })
  })

  describe('authors', () => {
    it.each([
      { name: 'a name', value: 'Anna Schmidt', expected: { name: 'Anna Schmidt' } },
      { name: 'a name with extra spaces', value: '"  Anna   Schmidt "', expected: { name: 'Anna Schmidt' } },
      {
        name: 'an https URL',
        value: '{ name: Anna, url: "https://testblatt.de/anna" }',
        expected: { name: 'Anna', url: 'https://testblatt.de/anna' },
      },
      {
        name: 'an http URL and an email',
        value: '{ name: Anna, email: anna@testblatt.de, url: "http://testblatt.de/anna" }',
        expected: { name: 'Anna', email: 'anna@testblatt.de', url: 'http://testblatt.de/anna' },
      },
    ])('should take the author when it is $name', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\nauthor: ${value}\n`)

      expect(result.errors).toEqual([])
      expect(result.article?.author).toEqual(expected)
    })

    it('should take the site author when the article names none', () => {
      const value = convert('title: Wahl\ndate: 25.10.2024\n')

      expect(value.article?.author).toEqual({ name: 'Redaktion Testblatt' })
    })

    it('should leave the author out when neither the article nor the site names one', () => {
      const config = parseConfig(
        { title: 'Testblatt', siteUrl: 'https://testblatt.de/' },
        'kanal.config.json',
      )

      const value = convert('title: Wahl\ndate: 25.10.2024\n', config)

      expect(value.article).toBeDefined()
      expect(value.article).not.toHaveProperty('author')
    })

    it.each([
      { value: '"javascript:alert(1)"', got: '"javascript:alert(1)"' },
      { value: '"data:text/html,<b>x</b>"', got: '"data:text/html,<b>x</b>"' },
      { value: '"/autoren/anna"', got: '"/autoren/anna"' },
      { value: '"testblatt.de/anna"', got: '"testblatt.de/anna"' },
    ])('should refuse an author URL $value at the author key', ({ value, got }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\nauthor: { name: Anna, url: ${value} }\n`)

      expect(result.article).toBeUndefined()
      expect(messages(result.errors)).toEqual([
        `content/2024/wahl-in-berlin.md:4:9: "author" must be a name or {name, email, url}: it needs "url" to be an absolute http(s) URL like https://example.de/redaktion (got ${got})`,
      ])
    })

    it.each([
      { name: 'no name', value: '{ email: anna@testblatt.de }', expected: 'it needs a "name"' },
      { name: 'a bad email', value: '{ name: Anna, email: anna }', expected: 'it needs a valid "email"' },
      {
        name: 'unknown keys',
        value: '{ name: Anna, rolle: Chefin }',
        expected: 'it has unknown keys (rolle)',
      },
      { name: 'a list', value: '[Anna, Ben]', expected: 'it must be an object' },
    ])('should refuse an author with $name', ({ value, expected }) => {
      const result = convert(`title: Wahl\ndate: 25.10.2024\nauthor: ${value}\n`)

      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]?.location).toEqual({
        file: 'content/2024/wahl-in-berlin.md',
        line: 4,
        column: 9,
      })
      expect(result.errors[0]?.reason).toContain(`"author" must be a name or {name, email, url}: ${expected}`)
    })
  })

  describe('control characters', () => {
    it('should remove a control character from the title with a warning at the title', () => {
      const value = convert('title: "Wahl\\u000Bin Berlin"\ndate: 25.10.2024\n')

      expect(value.article?.title).toBe('Wahlin Berlin')
      expect(messages(value.warnings)).toEqual([
        'content/2024/wahl-in-berlin.md:2:8: removed 1 control character that XML does not allow from "title"',
      ])
    })
  })
})
