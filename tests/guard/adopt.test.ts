import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, describe, expect, it } from 'vitest'
import { adopt } from '../../src/index.js'
import { cleanup, makeScenario, run, snapshotFolder } from '../cli/_scenario.js'
import { ensureCompiledCli, hasBash, spawnCliWithFileLimit } from '../helpers/cli.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { makeReadOnly, makeWritable, readOnlyBy } from '../helpers/read-only.js'
import { copySite, editArticle, kanal, OLD_FEEDS } from './_site.js'

afterAll(removeTempDirs)

const GENERATORS = [
  {
    name: 'jekyll-feed (Atom, ids are the post URLs)',
    file: 'jekyll-feed.xml',
    first: 'https://blog.beispiel.de/2024/10/01/erster-beitrag/',
    updated: 0,
  },
  {
    name: 'Hugo (RSS, guids are the permalinks)',
    file: 'hugo.xml',
    first: 'https://blog.beispiel.de/2024/10/01/erster-beitrag/',
    updated: 0,
  },
  // WordPress ran on http: the links changed scheme (an update, not a break).
  {
    name: 'WordPress (RSS, ?p=123 guids)',
    file: 'wordpress.xml',
    first: 'http://blog.beispiel.de/?p=1',
    updated: 4,
  },
  // Eleventy on another domain and paths: matched by title and date.
  {
    name: 'Eleventy (Atom, tag: ids, another domain)',
    file: 'eleventy.xml',
    first: 'tag:alt.beispiel.de,2024-10-01:/blog/erster-beitrag/',
    updated: 4,
  },
]

describe('kanal adopt', () => {
  for (const generator of GENERATORS) {
    it(`should pin the old ids of ${generator.name} so diff is clean`, async () => {
      const dir = await copySite()
      const old = path.join(OLD_FEEDS, generator.file)
      const before = await kanal(dir, ['diff', '--against', old])
      expect(before.code).toBe(1)
      expect(before.stdout).toMatch(/: 0 new, \d updated, 0 left, 4 identity breaks, /)

      const original = await readFile(path.join(dir, 'content/erster-beitrag.md'), 'utf8')
      const adopted = await run(['adopt', old], dir)
      expect(adopted.code).toBe(0)
      expect(adopted.stderr).toContain(
        'kanal adopt: adopted 4 ids, 0 already in place, 0 left alone, 0 unmatched, 0 errors',
      )
      // One line added before the closing ---, every other byte as it was.
      const line = `id: ${JSON.stringify(generator.first)}\n`
      expect(await readFile(path.join(dir, 'content/erster-beitrag.md'), 'utf8')).toBe(
        original.replace('\n---\n\n', `\n${line}---\n\n`),
      )

      const after = await kanal(dir, ['diff', '--against', old])
      expect(after.code).toBe(0)
      expect(after.stdout).toContain(
        `0 new, ${generator.updated} updated, 0 left, 0 identity breaks, ${4 - generator.updated} unchanged`,
      )
      const again = await run(['adopt', old], dir)
      expect(again.stderr).toContain('adopted 0 ids, 4 already in place')
    })
  }

  it('should give the adopted id exactly as RSS guid, Atom id and JSON Feed id', async () => {
    const dir = await copySite()
    await run(['adopt', path.join(OLD_FEEDS, 'wordpress.xml')], dir)
    expect((await kanal(dir, ['build'])).code).toBe(0)
    const read = async (file: string) => parseFeed(await readFile(path.join(dir, 'dist', file), 'utf8'))
    const rss = await read('rss.xml')
    const atom = await read('atom.xml')
    const json = await read('feed.json')
    const ids = (feed: Awaited<ReturnType<typeof read>>) =>
      feed.format === 'rss'
        ? feed.feed.items?.map((item) => item.guid?.value)
        : feed.format === 'atom'
          ? feed.feed.entries?.map((entry) => entry.id)
          : feed.format === 'json'
            ? feed.feed.items?.map((item) => item.id)
            : []
    const expected = [
      'http://blog.beispiel.de/?p=131',
      'http://blog.beispiel.de/?p=127',
      'http://blog.beispiel.de/?p=123',
      'http://blog.beispiel.de/?p=1',
    ]
    expect(ids(rss)).toEqual(expected)
    expect(ids(atom)).toEqual(expected)
    expect(ids(json)).toEqual(expected)
  })

  it('should print and not write with --dry-run', async () => {
    const dir = await copySite()
    const before = await snapshotFolder(dir)
    const { code, stdout } = await run(['adopt', path.join(OLD_FEEDS, 'hugo.xml'), '--dry-run'], dir)
    expect(code).toBe(0)
    expect(stdout).toContain(
      'content/erster-beitrag.md: would add id: "https://blog.beispiel.de/2024/10/01/erster-beitrag/"\n',
    )
    expect(await snapshotFolder(dir)).toEqual(before)
  })

  it('should leave an article with its own id alone, and replace it only with --force', async () => {
    const dir = await copySite()
    await editArticle(
      dir,
      'herbst-und-winter.md',
      'date: 2024-11-02 09:00\n',
      'id: urn:uuid:0b7d3c1e-2f55-4c1a-9a57-6f0f0e0d6a11\ndate: 2024-11-02 09:00\n',
    )
    const old = path.join(OLD_FEEDS, 'hugo.xml')
    const kept = await run(['adopt', old], dir)
    expect(kept.stderr).toContain(
      'content/herbst-und-winter.md: warning: sets its own id "urn:uuid:0b7d3c1e-2f55-4c1a-9a57-6f0f0e0d6a11", the old feed has "https://blog.beispiel.de/2024/11/02/herbst-und-winter/"; left alone (--force replaces it)',
    )
    expect(kept.stderr).toContain('adopted 3 ids, 0 already in place, 1 left alone')
    const forced = await run(['adopt', old, '--force'], dir)
    expect(forced.code).toBe(0)
    expect(await readFile(path.join(dir, 'content/herbst-und-winter.md'), 'utf8')).toBe(
      '---\ntitle: Herbst & Winter\nid: "https://blog.beispiel.de/2024/11/02/herbst-und-winter/"\ndate: 2024-11-02 09:00\n---\n\nEs wird kalt.\n',
    )
  })

  it('should list old items no article matches', async () => {
    const dir = await copySite()
    const old = await readFile(path.join(OLD_FEEDS, 'hugo.xml'), 'utf8')
    await writeFile(
      path.join(dir, 'old.xml'),
      old.replaceAll('Letzter Beitrag', 'Verschollen').replaceAll('letzter-beitrag', 'verschollen'),
    )
    const { code, stderr } = await run(['adopt', 'old.xml'], dir)
    expect(code).toBe(0)
    expect(stderr).toContain(
      'old.xml: note: no article matches "Verschollen" (https://blog.beispiel.de/2024/11/10/verschollen/); its id was not adopted',
    )
    expect(stderr).toContain('adopted 3 ids, 0 already in place, 0 left alone, 1 unmatched')
  })

  it('should keep CRLF line ends and a BOM', async () => {
    const dir = await copySite()
    const file = path.join(dir, 'content/letzter-beitrag.md')
    await writeFile(
      file,
      '\uFEFF---\r\ntitle: Letzter Beitrag\r\ndate: 2024-11-10 12:00\r\n---\r\n\r\nBis bald.\r\n',
    )
    await run(['adopt', path.join(OLD_FEEDS, 'jekyll-feed.xml')], dir)
    expect(await readFile(file, 'utf8')).toBe(
      '\uFEFF---\r\ntitle: Letzter Beitrag\r\ndate: 2024-11-10 12:00\r\nid: "https://blog.beispiel.de/2024/11/10/letzter-beitrag/"\r\n---\r\n\r\nBis bald.\r\n',
    )
  })

  it("should write the id into Hugo's TOML front matter, before its first table", async () => {
    const dir = await copySite()
    const file = path.join(dir, 'content/letzter-beitrag.md')
    await writeFile(
      file,
      '+++\ntitle = "Letzter Beitrag"\ndate = 2024-11-10T12:00:00+01:00\n[params]\nid = "kein-id"\n+++\n\nBis bald.\n',
    )
    const adopted = await run(['adopt', path.join(OLD_FEEDS, 'hugo.xml')], dir)
    expect(adopted.stderr).toContain('adopted 4 ids, 0 already in place, 0 left alone, 0 unmatched, 0 errors')
    expect(await readFile(file, 'utf8')).toBe(
      '+++\ntitle = "Letzter Beitrag"\ndate = 2024-11-10T12:00:00+01:00\nid = "https://blog.beispiel.de/2024/11/10/letzter-beitrag/"\n[params]\nid = "kein-id"\n+++\n\nBis bald.\n',
    )
    const diff = await kanal(dir, ['diff', '--against', path.join(OLD_FEEDS, 'hugo.xml')])
    expect(diff.stdout).toMatch(/: 0 new, \d updated, 0 left, 0 identity breaks, /)
  })

  it('should write no file at all when one id cannot be written back (all or nothing)', async () => {
    const dir = await copySite()
    const old = await readFile(path.join(OLD_FEEDS, 'hugo.xml'), 'utf8')
    // An id with a space is no URI kanal accepts: that article cannot read back with it.
    await writeFile(
      path.join(dir, 'old.xml'),
      old.replace(
        '<guid>https://blog.beispiel.de/2024/11/10/letzter-beitrag/</guid>',
        '<guid>letzter beitrag</guid>',
      ),
    )
    const before = await snapshotFolder(dir)
    const result = await adopt({ cwd: dir, feeds: ['old.xml'] })
    expect(result.adopted).toEqual([])
    expect(result.errors.map((error) => error.message)).toEqual([
      expect.stringMatching(
        /^content\/letzter-beitrag\.md: cannot adopt the id "letzter beitrag": "id" must be a URI without spaces/,
      ),
    ])
    expect(await snapshotFolder(dir)).toEqual(before)
    const cli = await run(['adopt', 'old.xml'], dir)
    expect([cli.code, cli.stderr]).toEqual([1, expect.stringContaining('1 error (nothing written)')])
  })

  // The shell's file size limit stands for a full disk: no copy may be left beside the articles.
  it.skipIf(!hasBash)(
    'should exit 2 and leave the content folder as it was when the disk refuses the copies (needs bash)',
    async () => {
      await ensureCompiledCli()
      const dir = await copySite()
      const before = await snapshotFolder(dir)
      const old = path.join(OLD_FEEDS, 'hugo.xml')
      const result = await spawnCliWithFileLimit(0, ['adopt', old], { cwd: dir })
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^kanal: cannot write content\/[\w-]+\.md \(EFBIG\): /)
      expect(await snapshotFolder(dir)).toEqual(before)
    },
    60_000,
  )

  // An article the file system will not let kanal replace (here made immutable), after two already
  // were: all or nothing still, the two get their old bytes back.
  it.skipIf(readOnlyBy !== 'chattr')(
    'should put back the articles already changed when one cannot be replaced (needs root and chattr +i)',
    async () => {
      const dir = await copySite()
      const before = await snapshotFolder(dir)
      const last = path.join(dir, 'content/erster-beitrag.md')
      makeReadOnly(last)
      try {
        const result = await run(['adopt', path.join(OLD_FEEDS, 'hugo.xml')], dir)
        expect([result.code, result.stderr]).toEqual([
          2,
          'kanal: cannot rename content/erster-beitrag.md (EPERM): not permitted: allow kanal to use it, or choose another folder\n',
        ])
      } finally {
        makeWritable(last)
      }
      expect(await snapshotFolder(dir)).toEqual(before)
    },
  )

  it('should exit 2 for an old feed that cannot be read', async () => {
    const dir = await copySite()
    const missing = await run(['adopt', 'nirgends.xml'], dir)
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'kanal: nirgends.xml: cannot read the old feed (no such file)\n',
    ])
    expect((await run(['adopt'], dir)).code).toBe(2)
  })
})

describe('adopt on a multilingual Hugo site', () => {
  it('should give the old id to the German page, not to its translation or a list page', async () => {
    const dir = await makeScenario({
      'kanal.config.json': JSON.stringify({
        title: 'Mehrsprachig',
        siteUrl: 'https://www.mehrsprachig.de/',
        from: 'hugo',
        content: 'content/posts',
        languages: ['de', 'en'],
        permalink: '/posts/:filepath/',
      }),
      'content/posts/_index.md': '---\ntitle: Beiträge\n---\n',
      'content/posts/rat.de.md': '---\ntitle: Ratssitzung\ndate: 2024-10-25T18:00:00+02:00\n---\nText.\n',
      'content/posts/rat.en.md': '---\ntitle: Ratssitzung\ndate: 2024-10-25T18:00:00+02:00\n---\nText.\n',
      'old.xml': `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Mehrsprachig</title><link>https://www.mehrsprachig.de/</link><description>x</description>
<item><title>Ratssitzung</title><link>https://www.mehrsprachig.de/posts/rat/</link><pubDate>Fri, 25 Oct 2024 18:00:00 +0200</pubDate><guid>https://www.mehrsprachig.de/posts/rat/</guid></item>
</channel></rss>
`,
    })
    try {
      const adopted = await run(['adopt', 'old.xml'], dir)
      expect(adopted.code, adopted.stderr).toBe(0)
      expect(await readFile(path.join(dir, 'content/posts/rat.de.md'), 'utf8')).toContain(
        'id: "https://www.mehrsprachig.de/posts/rat/"',
      )
      expect(await readFile(path.join(dir, 'content/posts/rat.en.md'), 'utf8')).not.toContain('id:')
    } finally {
      await cleanup(dir)
    }
  })
})
