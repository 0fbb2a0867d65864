import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type BuiltFixture, buildFixture, removeTempDirs } from '../helpers/fixture.js'
import type { FeedFormat } from '../helpers/readers.js'
import { decodeHtmlText, type EntryReader, READER_CASES } from './_entries.js'

/** The first paragraph of `lang.md` as plain text (715 characters). */
const LONG_PARAGRAPH =
  'Der Stadtrat hat am Dienstagabend nach einer mehr als sechsstündigen Sitzung den Haushalt für das ' +
  'kommende Jahr beschlossen, obwohl die Opposition bis zuletzt gegen die geplanten Kürzungen bei ' +
  'Bibliotheken, Schwimmbädern und der Jugendarbeit protestiert hatte; der Kämmerer verteidigte die ' +
  'Einschnitte mit dem Hinweis auf steigende Zinsen, sinkende Gewerbesteuereinnahmen und die Vorgaben der ' +
  'Kommunalaufsicht, die eine Genehmigung des Etats sonst verweigert hätte, während Vertreter der Vereine ' +
  'vor den Türen des Rathauses mit Transparenten, Trillerpfeifen und selbstgebackenem Kuchen für den ' +
  'Erhalt ihrer Zuschüsse warben und ankündigten, auch bei der nächsten Sitzung im Februar wieder ' +
  'lautstark präsent zu sein.'

// Punctuation the cut may drop before the ellipsis, as in "sagte: …".
const DANGLING = /^[\s,;:–—(„‚[]*\s/

let built: BuiltFixture

beforeAll(async () => {
  built = await buildFixture('hostile/summary', { cache: false })
})

afterAll(removeTempDirs)

/** Summaries by article title, as plain text: RSS `description` is HTML and is decoded once. */
async function _summaries(
  file: string,
  format: FeedFormat,
  reader: EntryReader,
): Promise<Map<string, string>> {
  const entries = await reader.read(built.read(file))
  return new Map(
    entries.map((entry) => {
      const summary = entry.summary ?? ''
      return [entry.title ?? '', format === 'rss' ? decodeHtmlText(summary) : summary]
    }),
  )
}

describe('summary fixture', () => {
  it('should build without errors or warnings when summaries come from everywhere', () => {
    const value = built.result

    expect(value.errors).toEqual([])
    expect(value.warnings).toEqual([])
    expect(value.ok).toBe(true)
  })

  it.each(READER_CASES)(
    'should cut a long first paragraph at a word with … when $name reads $file',
    async ({ file, format, reader }) => {
      const value = (await _summaries(file, format, reader)).get('Ein langer erster Absatz') ?? ''

      expect(value.length).toBeLessThanOrEqual(281)
      expect(value.length).toBeGreaterThan(200)
      expect(value.endsWith('…')).toBe(true)
      const kept = value.slice(0, -1)
      expect(LONG_PARAGRAPH.startsWith(kept)).toBe(true)
      expect(LONG_PARAGRAPH.slice(kept.length)).toMatch(DANGLING)
      expect(kept).not.toMatch(/\s$/)
    },
  )

  it.each(READER_CASES)(
    'should turn a Markdown summary into plain text when $name reads $file',
    async ({ file, format, reader }) => {
      const expected = 'Mit fett, kursiv, Code, einem Link & Tag – und vielen Leerzeichen.'

      const value = (await _summaries(file, format, reader)).get('Zusammenfassung mit Markdown')

      expect(value).toBe(expected)
    },
  )

  it.each(READER_CASES)(
    'should summarise the first paragraph after a heading or image when $name reads $file',
    async ({ file, format, reader }) => {
      const value = await _summaries(file, format, reader)

      expect(value.get('Überschrift zuerst')).toBe('Der erste richtige Absatz nach der Überschrift.')
      expect(value.get('Bild zuerst')).toBe('Der Absatz unter dem Bild erzählt die Geschichte.')
    },
  )

  it.each(READER_CASES)(
    'should summarise with the heading when the body is only a heading and $name reads $file',
    async ({ file, format, reader }) => {
      const value = (await _summaries(file, format, reader)).get('Nur eine Überschrift')

      expect(value).toBe('Alles, was es gibt')
    },
  )

  it('should write the RSS description as escaped text without markup when the summary had Markdown', () => {
    const value =
      /<item>\s*<title>Zusammenfassung mit Markdown<\/title>[\s\S]*?<description>([^<]*)<\/description>/.exec(
        built.read('rss.xml'),
      )?.[1]

    expect(value).toBe('Mit fett, kursiv, Code, einem Link &amp;amp; Tag – und vielen Leerzeichen.')
  })
})
