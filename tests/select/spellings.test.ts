import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanup, run } from '../cli/_scenario.js'
import { copyFixture, removeTempDirs } from '../helpers/fixture.js'
import { readersFor } from '../helpers/readers.js'

afterAll(removeTempDirs)

const NOTES = [
  'content/b.md:4: note: category spellings "FOSSGIS" (2 articles), "fossgis" (2 articles) differ only in case, white space or Unicode normalisation: one category, named "FOSSGIS" (the most used; in a tie, the newest article\'s)',
  'content/b.md:4: note: category spellings "vorstand" (1 article), "Vorstand" (1 article) differ only in case, white space or Unicode normalisation: one category, named "vorstand" (the most used; in a tie, the newest article\'s)',
  // The second spelling is decomposed: u + U+0308 COMBINING DIAERESIS.
  'content/c.md:4: note: category spellings "Bürgernetz" (2 articles), "Bu\u0308rgernetz" (1 article) differ only in case, white space or Unicode normalisation: one category, named "Bürgernetz" (the most used; in a tie, the newest article\'s)',
]

describe('SpellingCheck in a build (issue 23, item 3)', () => {
  it('should merge spellings of one word into one category with a note each, and pass --strict', async () => {
    const dir = await copyFixture('losses/category-spellings')

    const value = await run(['build', '--strict', '--no-cache', '--now', '2025-01-01T00:00:00Z'], dir)

    expect(value.code).toBe(0)
    expect(value.stderr.split('\n').filter((line) => line.includes(': note: '))).toEqual(NOTES)
    expect(value.stderr).toContain('0 errors, 0 warnings')
    const fossgis = await readFile(path.join(dir, 'dist/kategorie/fossgis/atom.xml'), 'utf8')
    for (const reader of readersFor('atom')) {
      const feed = await reader.read(fossgis)
      expect(feed.title, reader.name).toBe('Verein – FOSSGIS')
      expect(
        feed.items.map((item) => item.title),
        reader.name,
      ).toEqual(['Programm', 'Konferenz', 'Jahrestreffen'])
    }
    const vorstand = await readFile(path.join(dir, 'dist/kategorie/vorstand/feed.json'), 'utf8')
    expect(JSON.parse(vorstand).title).toBe('Verein – vorstand')
    const netz = JSON.parse(await readFile(path.join(dir, 'dist/kategorie/buergernetz/feed.json'), 'utf8'))
    expect(netz.items.map((item: { title: string }) => item.title)).toEqual([
      'Neuer Vorstand',
      'Programm',
      'Netztreffen',
    ])
    await cleanup(path.join(dir, 'dist'))
  })

  it('should give the notes in the JSON report and again when nothing changed', async () => {
    const dir = await copyFixture('losses/category-spellings')
    const args = ['build', '--reporter', 'json', '--now', '2025-01-01T00:00:00Z']

    const first = JSON.parse((await run(args, dir)).stdout)
    const again = JSON.parse((await run(args, dir)).stdout)

    expect(again.stats.upToDate).toBe(true)
    for (const json of [first, again]) {
      expect(json.warnings).toEqual([])
      expect(
        json.notes.map(
          (note: { file: string; line: number; message: string }) =>
            `${note.file}:${note.line}: note: ${note.message}`,
        ),
      ).toEqual(NOTES)
    }
  })
})
