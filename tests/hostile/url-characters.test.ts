import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { parseFeed } from 'feedsmith'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, removeTempDirs } from '../helpers/fixture.js'
import { article, buildSite } from './_site.js'

/** Shared schemas live beside the repository (`<repo>/../shared/schemas`), not in it. */
const JSON_FEED_SCHEMA = fileURLToPath(
  new URL('../../../shared/schemas/jsonfeed-1.1.schema.json', import.meta.url),
)
const IN_CI = !['', '0', 'false'].includes(process.env.CI ?? '')

const LINK = 'https://pruefblatt.de/artikel/%5B2024%5D/'
const IMAGE = 'https://pruefblatt.de/bilder/foto%5B1%5D.jpg'
const ID = 'https://pruefblatt.de/ids/a%7Cb%5B1%5D'

let built: BuiltFixture

beforeAll(async () => {
  const lines = [
    'title: Eckige Klammern',
    'date: 2024-10-25',
    'url: /artikel/[2024]/',
    'image: /bilder/foto[1].jpg',
    'id: https://pruefblatt.de/ids/a|b[1]',
  ]
  built = await buildSite({ 'content/klammern.md': article(lines, 'Text mit [Link](/a/{x}/).') })
})

afterAll(removeTempDirs)

describe('URLs with characters a URI may not hold', () => {
  it('should build without errors when url, image and id hold [ ] and |', () => {
    expect(built.result.errors).toEqual([])
    expect(built.result.ok).toBe(true)
  })

  it('should percent-encode link, enclosure and guid when RSS is read', () => {
    const value = parseFeed(built.read('rss.xml'))
    if (value.format !== 'rss') throw new Error(value.format)
    const item = value.feed.items?.[0]

    expect(item?.link).toBe(LINK)
    expect(item?.enclosures?.[0]?.url).toBe(IMAGE)
    expect(item?.guid?.value).toBe(ID)
  })

  it('should percent-encode the alternate and enclosure links and the id when Atom is read', () => {
    const value = parseFeed(built.read('atom.xml'))
    if (value.format !== 'atom') throw new Error(value.format)
    const entry = value.feed.entries?.[0]

    expect(entry?.links?.map((link) => link.href)).toEqual([LINK, IMAGE])
    expect(entry?.id).toBe(ID)
  })

  it('should percent-encode url, image and id and body links when JSON Feed is read', () => {
    const value = JSON.parse(built.read('feed.json')) as { items: Record<string, string>[] }
    const [item] = value.items

    expect([item?.url, item?.image, item?.id]).toEqual([LINK, IMAGE, ID])
    expect(item?.content_html).toContain('href="https://pruefblatt.de/a/%7Bx%7D/"')
  })

  it.skipIf(!existsSync(JSON_FEED_SCHEMA) && !IN_CI)(
    'should match the JSON Feed 1.1 schema (its uri formats) when URLs held [ ] and |',
    () => {
      const ajv = new Ajv({ allErrors: true, strict: false })
      addFormats.default(ajv)
      const validate = ajv.compile(JSON.parse(readFileSync(JSON_FEED_SCHEMA, 'utf8')) as object)
      const value = JSON.parse(built.read('feed.json'))

      expect(validate(value) ? [] : validate.errors).toEqual([])
    },
  )
})
