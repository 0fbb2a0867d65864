import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { READER_CASES } from './_entries.js'
import { article, buildSite } from './_site.js'

const SITE = 'https://bildblatt.de/news/'

/** Each article of the fixture: its `image:` value and what every format must carry. */
const IMAGES = [
  { title: 'Bild relativ', value: 'bild.JPG', url: `${SITE}relativ/bild.JPG`, type: 'image/jpeg' },
  { title: 'Bild seite', value: '/bilder/a.png', url: `${SITE}bilder/a.png`, type: 'image/png' },
  {
    title: 'Bild cdn',
    value: 'https://cdn.example/x.webp',
    url: 'https://cdn.example/x.webp',
    type: 'image/webp',
  },
  // Without an extension the type is unknown; RSS needs one, and kanal says image/jpeg.
  { title: 'Bild ohne-endung', value: 'foto', url: `${SITE}ohne-endung/foto`, type: 'image/jpeg' },
  {
    title: 'Bild anfrage',
    value: '//cdn.example/y.PNG?w=800',
    url: 'https://cdn.example/y.PNG?w=800',
    type: 'image/png',
  },
  {
    title: 'Bild umlaut',
    value: 'Fotos/Köln Dom.jpg',
    url: `${SITE}umlaut/Fotos/K%C3%B6ln%20Dom.jpg`,
    type: 'image/jpeg',
  },
]

let built: BuiltFixture

beforeAll(async () => {
  built = await buildFixture('hostile/image', { cache: false })
})

afterAll(removeTempDirs)

describe('image fixture', () => {
  it('should build without errors or warnings when images are relative, site paths or foreign', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it.each(READER_CASES)(
    'should attach each image as an absolute URL with its type when $name reads $file',
    async ({ file, format, reader }) => {
      const value = await reader.read(built.read(file))

      for (const expected of IMAGES) {
        const images = value.find((entry) => entry.title === expected.title)?.images
        if (images === undefined) continue // rss-parser reads no Atom enclosures
        expect(images, expected.value).toHaveLength(1)
        expect(images[0]?.url, expected.value).toBe(expected.url)
        if (format !== 'json') expect(images[0]?.type, expected.value).toBe(expected.type)
        if (format === 'rss') expect(images[0]?.length, expected.value).toBe(0)
      }
    },
  )

  it('should write every RSS enclosure with length="0" and a registered image type', () => {
    const value = [...built.read('rss.xml').matchAll(/<enclosure [^>]*\/>/g)].map(([element]) => element)

    expect(value).toHaveLength(IMAGES.length)
    for (const element of value) {
      expect(element).toMatch(/ url="https:\/\/[^"]+"/)
      expect(element).toContain(' length="0"')
      expect(element).toMatch(/ type="image\/(jpeg|png|webp)"/)
    }
    expect(built.read('rss.xml')).not.toContain('image/jpg"')
    expect(built.read('atom.xml')).not.toContain('image/jpg"')
  })

  it.each([
    { name: 'a javascript: URL', value: '"javascript:alert(1)"' },
    { name: 'a data: URL', value: '"data:image/png;base64,iVBORw0KGgo="' },
  ])('should report file and line when the image is $name', async ({ value }) => {
    const expected = { file: 'content/boese.md', line: 4 }

    const site = await buildSite({
      'content/boese.md': article(['title: Böses Bild', 'date: 2025-06-01', `image: ${value}`]),
    })

    expect(site.result.ok).toBe(false)
    expect(site.result.errors).toHaveLength(1)
    expect(site.result.errors[0]?.location).toMatchObject(expected)
    expect(site.result.errors[0]?.reason).toMatch(/"image" must be an http\(s\) URL/)
  })
})
