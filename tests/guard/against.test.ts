import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run, snapshotFolder } from '../cli/_scenario.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { changeConfig, copySite, editArticle, kanal } from './_site.js'

afterAll(removeTempDirs)

/** A site built once into `old/` (the published feeds), so a change can be compared against it. */
async function publishedSite(): Promise<string> {
  const dir = await copySite()
  const built = await kanal(dir, ['build', '--out', 'old'])
  expect(built.code).toBe(0)
  return dir
}

describe('kanal diff --against <folder>', () => {
  it('should report every feed clean and exit 0 when nothing changed', async () => {
    const dir = await publishedSite()
    const { code, stdout } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      'rss.xml (old/rss.xml): 0 new, 0 updated, 0 left, 0 identity breaks, 4 unchanged',
    )
    expect(stdout).toContain('atom.xml (old/atom.xml): 0 new')
    expect(stdout).toContain('feed.json (old/feed.json): 0 new')
    expect(stdout).toContain('no identity breaks')
  })

  it('should report an identity break with file, line, old and new id and exit 1 when a file is renamed', async () => {
    const dir = await publishedSite()
    await rename(path.join(dir, 'content/herbst-und-winter.md'), path.join(dir, 'content/herbst.md'))
    const { code, stdout, stderr } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(1)
    expect(stdout).toContain('rss.xml (old/rss.xml): 0 new, 0 updated, 0 left, 1 identity break, 3 unchanged')
    expect(stdout).toContain(
      'identity break: "Herbst & Winter": id changed from tag:blog.beispiel.de,2024-11-02:herbst-und-winter to tag:blog.beispiel.de,2024-11-02:herbst',
    )
    // One error per article, not one per format.
    const errors = stderr.split('\n').filter((line) => line.includes(': error: '))
    expect(errors).toEqual([
      expect.stringMatching(
        /^content\/herbst\.md:2: error: identity break: old\/rss\.xml published this article/,
      ),
    ])
    expect(errors[0]).toContain(
      'add `id: tag:blog.beispiel.de,2024-11-02:herbst-und-winter` to the front matter',
    )
  })

  it('should report new, updated and left items without failing when only those change', async () => {
    const dir = await publishedSite()
    await writeFile(
      path.join(dir, 'content/neu.md'),
      '---\ntitle: Ganz neu\ndate: 2024-11-20 08:00\n---\n\nNeu.\n',
    )
    await editArticle(dir, 'letzter-beitrag.md', 'title: Letzter Beitrag', 'title: Letzter Beitrag (ergänzt)')
    await editArticle(dir, 'wahlabend-in-erfurt.md', 'ausgezählt.', 'ausgezählt. Ein Nachtrag.')
    await rm(path.join(dir, 'content/erster-beitrag.md'))
    const { code, stdout } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      'rss.xml (old/rss.xml): 1 new, 2 updated, 1 left, 0 identity breaks, 1 unchanged',
    )
    expect(stdout).toContain('  new: "Ganz neu" https://blog.beispiel.de/2024/11/20/neu/')
    expect(stdout).toContain('  updated: "Letzter Beitrag (ergänzt)" (title)')
    expect(stdout).toContain('  updated: "Wahlabend in Erfurt – „Ein knappes Rennen“" (content)')
    expect(stdout).toContain('  left: "Erster Beitrag" (removed)')
  })

  it('should tell items pushed out by the limit from removed ones', async () => {
    const dir = await publishedSite()
    await changeConfig(dir, { limit: 3 })
    const { code, stdout } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(0)
    expect(stdout).toContain('  left: "Erster Beitrag" (pushed out by newer items)')
  })

  it('should break when a published date moves, even on the same day (the id stays)', async () => {
    const dir = await publishedSite()
    await editArticle(dir, 'erster-beitrag.md', 'date: 2024-10-01 10:00', 'date: 2024-10-01 18:00')
    const { code, stdout, stderr } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(1)
    expect(stdout).toContain(
      'identity break: "Erster Beitrag": published date moved from 2024-10-01T08:00:00.000Z to 2024-10-01T16:00:00.000Z',
    )
    expect(stderr).toMatch(/^content\/erster-beitrag\.md:3: error: identity break: .*put the date back/m)
  })

  it('should break when a new article takes the id of a published one', async () => {
    const dir = await publishedSite()
    await writeFile(
      path.join(dir, 'content/andere.md'),
      '---\ntitle: Ein anderer Text\ndate: 2024-11-20 08:00\nid: tag:blog.beispiel.de,2024-10-01:erster-beitrag\n---\n\nAnders.\n',
    )
    await editArticle(
      dir,
      'erster-beitrag.md',
      'date: 2024-10-01 10:00',
      'date: 2024-10-01 10:00\nid: urn:uuid:4e0f2b0c-1a4e-4bde-9d0a-3f5c1c1f0a01',
    )
    const { code, stdout, stderr } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(1)
    expect(stdout).toContain(
      'identity break: "Ein anderer Text": takes the id tag:blog.beispiel.de,2024-10-01:erster-beitrag of "Erster Beitrag"',
    )
    expect(stderr).toMatch(
      /^content\/andere\.md:4: error: identity break: the id .* belongs to "Erster Beitrag"/m,
    )
  })

  it('should see no break when the site moves from http to https (default ids ignore the scheme)', async () => {
    const dir = await copySite()
    await changeConfig(dir, { siteUrl: 'http://blog.beispiel.de/' })
    expect((await kanal(dir, ['build', '--out', 'old'])).code).toBe(0)
    await changeConfig(dir, { siteUrl: 'https://blog.beispiel.de/' })
    const { code, stdout } = await kanal(dir, ['diff', '--against', 'old'])
    expect(code).toBe(0)
    expect(stdout).toContain(
      'rss.xml (old/rss.xml): 0 new, 4 updated, 0 left, 0 identity breaks, 0 unchanged',
    )
    expect(stdout).toContain('  updated: "Erster Beitrag" (link)')
  })

  it('should print the comparison as JSON with --reporter json', async () => {
    const dir = await publishedSite()
    await rename(path.join(dir, 'content/herbst-und-winter.md'), path.join(dir, 'content/herbst.md'))
    const { code, stdout } = await kanal(dir, ['diff', '--against', 'old', '--reporter', 'json'])
    expect(code).toBe(1)
    const json = JSON.parse(stdout)
    expect(json.ok).toBe(false)
    expect(json.against.counts).toEqual({ new: 0, updated: 0, left: 0, breaks: 3, unchanged: 9 })
    expect(json.against.feeds.map((feed: { feed: string }) => feed.feed)).toEqual([
      'rss.xml',
      'atom.xml',
      'feed.json',
    ])
    expect(json.against.feeds[0].breaks[0]).toMatchObject({
      kind: 'id-changed',
      oldId: 'tag:blog.beispiel.de,2024-11-02:herbst-und-winter',
      newId: 'tag:blog.beispiel.de,2024-11-02:herbst',
    })
    expect(json.errors[0]).toMatchObject({ file: 'content/herbst.md', line: 2 })
  })

  it('should append a Markdown summary to GITHUB_STEP_SUMMARY', async () => {
    const dir = await publishedSite()
    const summary = path.join(dir, 'summary.md')
    await writeFile(summary, '# earlier step\n')
    await rename(path.join(dir, 'content/herbst-und-winter.md'), path.join(dir, 'content/herbst.md'))
    await writeFile(
      path.join(dir, 'content/neu.md'),
      '---\ntitle: Ganz *neu*\ndate: 2024-11-20 08:00\n---\n\nNeu.\n',
    )
    const { code } = await kanal(dir, ['diff', '--against', 'old'], { GITHUB_STEP_SUMMARY: summary })
    expect(code).toBe(1)
    const text = await readFile(summary, 'utf8')
    expect(text.startsWith('# earlier step\n### kanal: what subscribers will see (against `old`)\n')).toBe(
      true,
    )
    expect(text).toContain('**3 identity breaks**')
    expect(text).toContain('| `rss.xml` | 1 | 0 | 0 | 1 | 3 |')
    expect(text).toContain(
      '#### Identity breaks\n\n- Herbst & Winter: id changed from tag:blog.beispiel.de,2024-11-02:herbst-und-winter to tag:blog.beispiel.de,2024-11-02:herbst\n',
    )
    expect(text).toContain('#### New\n\n- Ganz \\*neu\\*\n')
  })

  it('should warn and go on when GITHUB_STEP_SUMMARY cannot be written', async () => {
    const dir = await publishedSite()
    const { code, stderr } = await kanal(dir, ['diff', '--against', 'old'], { GITHUB_STEP_SUMMARY: dir })
    expect(code).toBe(0)
    expect(stderr).toContain(
      `kanal: warning: cannot append the summary to GITHUB_STEP_SUMMARY (${dir}: EISDIR)`,
    )
  })
})

describe('kanal build --against', () => {
  async function expectStopped(dir: string, file: string) {
    const before = await snapshotFolder(path.join(dir, 'dist'))
    const { code, stderr } = await kanal(dir, ['build', '--against', 'old'])
    expect(code).toBe(1)
    expect(stderr).toMatch(new RegExp(`^content/${file}:\\d+: error: identity break: `, 'm'))
    expect(stderr).toContain('nothing written')
    expect(await snapshotFolder(path.join(dir, 'dist'))).toEqual(before)
  }

  /** Published to old/, and the same build in dist/ (so "nothing written" is checked against real files). */
  async function publishedTwice(): Promise<string> {
    const dir = await publishedSite()
    expect((await kanal(dir, ['build'])).code).toBe(0)
    return dir
  }

  it('should write nothing when a renamed file changes an id', async () => {
    const dir = await publishedTwice()
    await rename(path.join(dir, 'content/letzter-beitrag.md'), path.join(dir, 'content/zum-schluss.md'))
    await expectStopped(dir, 'zum-schluss.md')
  })

  it('should write nothing when the domain moves', async () => {
    const dir = await publishedTwice()
    await changeConfig(dir, { siteUrl: 'https://www.neues-beispiel.de/' })
    await expectStopped(dir, 'erster-beitrag.md')
  })

  it('should write nothing when an edited date moves the published date', async () => {
    const dir = await publishedTwice()
    await editArticle(dir, 'wahlabend-in-erfurt.md', 'date: 2024-10-25 20:15', 'date: 2024-10-26 09:00')
    await expectStopped(dir, 'wahlabend-in-erfurt.md')
  })

  it('should write nothing when the permalink pattern changes the ids (idFrom: url, as jekyll-feed and Hugo)', async () => {
    const dir = await copySite()
    await changeConfig(dir, { idFrom: 'url' })
    expect((await kanal(dir, ['build', '--out', 'old'])).code).toBe(0)
    expect((await kanal(dir, ['build'])).code).toBe(0)
    expect(await readFile(path.join(dir, 'old/rss.xml'), 'utf8')).toContain(
      '<guid>https://blog.beispiel.de/2024/10/01/erster-beitrag/</guid>',
    )
    await changeConfig(dir, { permalink: '/artikel/:slug/' })
    await expectStopped(dir, 'erster-beitrag.md')
    const { stdout } = await kanal(dir, ['diff', '--against', 'old'])
    expect(stdout).toContain(
      'identity break: "Erster Beitrag": id changed from https://blog.beispiel.de/2024/10/01/erster-beitrag/ to https://blog.beispiel.de/artikel/erster-beitrag/',
    )
  })

  it('should let a permalink change pass with the default tag: ids (links update, ids stay)', async () => {
    const dir = await publishedTwice()
    await changeConfig(dir, { permalink: '/artikel/:slug/' })
    const { code, stderr } = await kanal(dir, ['build', '--against', 'old'])
    expect(code).toBe(0)
    expect(stderr).toContain(
      'rss.xml (old/rss.xml): 0 new, 4 updated, 0 left, 0 identity breaks, 0 unchanged',
    )
  })

  it('should build and write as usual when only new and updated items differ', async () => {
    const dir = await publishedTwice()
    await writeFile(
      path.join(dir, 'content/neu.md'),
      '---\ntitle: Ganz neu\ndate: 2024-11-20 08:00\n---\n\nNeu.\n',
    )
    const { code, stderr } = await kanal(dir, ['build', '--against', 'old'])
    expect(code).toBe(0)
    expect(stderr).toContain(
      'rss.xml (old/rss.xml): 1 new, 0 updated, 0 left, 0 identity breaks, 4 unchanged',
    )
    expect(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8')).toContain('Ganz neu')
  })

  it('should compare even when nothing changed since the last build (the up-to-date check is skipped)', async () => {
    const dir = await copySite()
    await changeConfig(dir, { siteUrl: 'https://www.neues-beispiel.de/' })
    await writeFile(
      path.join(dir, 'old.xml'),
      await readFile(path.join(await publishedSite(), 'old/atom.xml')),
    )
    // With the cache: the second build would otherwise report the first one's outcome again.
    const cached = ['--now', '2024-12-01T00:00:00Z']
    expect((await run(['build', ...cached], dir)).code).toBe(0)
    expect((await run(['build', ...cached], dir)).stderr).toContain('nothing changed since the last build')
    const again = await run(['build', '--against', 'old.xml', ...cached], dir)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('identity break')
  })
})

describe('--against that cannot be compared', () => {
  it('should exit 2 naming the file when it is no feed', async () => {
    const dir = await publishedSite()
    await writeFile(path.join(dir, 'page.html'), '<html><body>kein Feed</body></html>')
    const { code, stderr } = await kanal(dir, ['diff', '--against', 'page.html'])
    expect(code).toBe(2)
    expect(stderr).toContain('kanal: page.html: not a feed: the root element is <html>, not <rss> or <feed>')
  })

  it('should exit 2 when the published feed gives two items one id', async () => {
    const dir = await publishedSite()
    const rss = await readFile(path.join(dir, 'old/rss.xml'), 'utf8')
    const twice = rss.replace(
      'tag:blog.beispiel.de,2024-10-01:erster-beitrag',
      'tag:blog.beispiel.de,2024-10-25:wahlabend-in-erfurt',
    )
    await writeFile(path.join(dir, 'twice.xml'), twice)
    const { code, stderr } = await kanal(dir, ['build', '--against', 'twice.xml'])
    expect(code).toBe(2)
    expect(stderr).toContain(
      'kanal: twice.xml: two items share the id "tag:blog.beispiel.de,2024-10-25:wahlabend-in-erfurt"',
    )
  })

  it('should exit 2 for an idFrom other than tag or url', async () => {
    const dir = await copySite()
    await changeConfig(dir, { idFrom: 'slug' })
    const { code, stderr } = await kanal(dir, ['build'])
    expect([code, stderr]).toEqual([
      2,
      'kanal: kanal.config.json: "idFrom" must be "tag" or "url" (got "slug")\n',
    ])
  })

  it('should exit 2 for a folder without feeds, a missing path and diff without --against', async () => {
    const dir = await copySite()
    expect((await kanal(dir, ['diff', '--against', 'content'])).stderr).toContain(
      'holds none of the feeds kanal writes',
    )
    const missing = await kanal(dir, ['diff', '--against', 'nirgends'])
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file or folder')])
    const bare = await kanal(dir, ['diff'])
    expect([bare.code, bare.stderr]).toEqual([2, expect.stringContaining('diff needs --against')])
  })
})
