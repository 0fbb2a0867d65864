import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDirs } from '../helpers/fixture.js'
import { READER_CASES } from './_entries.js'
import { article, buildSite } from './_site.js'

afterAll(removeTempDirs)

describe('author names', () => {
  it('should be an error at the author line when the name is only control characters', async () => {
    const site = await buildSite({
      'content/a.md': article(['title: Ohne Autor', 'date: 2025-01-15', 'author: "\\x01\\x0B"']),
    })

    expect(site.result.ok).toBe(false)
    expect(site.result.errors.map((error) => error.message)).toEqual([
      'content/a.md:4:9: "author" must have a name with letters (got only white space)',
    ])
  })

  // Names are white-space collapsed like titles: a raw CR would reach the XML, where every XML parser
  // turns it into LF (https://www.w3.org/TR/xml/#sec-line-ends), while JSON keeps it.
  it('should give every reader the same author name when the name holds a line break', async () => {
    const site = await buildSite({
      'content/a.md': article(['title: Zeilenumbruch', 'date: 2025-01-15', 'author: "Max\\r\\nMustermann"']),
    })
    const names = new Set<string>()
    expect(site.result.ok).toBe(true)

    for (const { file, format, reader } of READER_CASES) {
      if (reader.name === '@rowanmanning/feed-parser' && format === 'rss') continue // contact-string parsing
      const [entry] = await reader.read(site.read(file))
      for (const name of entry?.authors ?? []) names.add(name)
    }

    expect([...names]).toHaveLength(1)
  })
})

describe('category names', () => {
  // A category's feed lives at kategorie/<slug>/: a name without Latin letters once got the slug ""
  // and its feed the folder `kategorie//`.
  it.each([
    { name: 'Cyrillic', value: 'Россия' },
    { name: 'Arabic', value: 'مرحبا' },
    { name: 'emoji', value: '"🎉"' },
  ])('should write no feed to an empty folder name when the category is $name', async ({ value }) => {
    const site = await buildSite({
      'content/a.md': article(['title: Ausland', 'date: 2025-01-15', `category: ${value}`]),
    })

    const files = site.result.files.map((file) => file.path)

    for (const file of files) expect(file).not.toContain('//')
    if (site.result.ok) expect(files.filter((file) => file.startsWith('kategorie/'))).toHaveLength(3)
    else expect(site.result.errors[0]?.location.file).toBe('content/a.md')
  })
})
