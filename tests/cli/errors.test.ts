import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureCompiledCli, spawnCli } from '../helpers/cli.js'
import {
  article,
  CONFIG,
  cleanup,
  makeScenario,
  maskTime,
  run,
  snapshotFolder,
  writeFiles,
} from './_scenario.js'

const CLI = new URL('../../lib/cli.js', import.meta.url)

// One content folder with one file per error kind; the output folder holds a previous build and a
// file the user put there. Every error must be reported in one run, and dist/ must stay untouched.
const BROKEN = {
  'kanal.config.json': CONFIG,
  'content/yaml.md': '---\ntitle: "Offen\ndate: 2024-10-25\n---\nText\n',
  'content/ohne-titel.md': '---\ndate: 2024-10-25\ncategory: [Politik, [Wirtschaft]]\n---\nText\n',
  'content/datum.md': '---\ntitle: Datum\ndate: 32.10.2024\nupdated: gestern\n---\nText\n',
  'content/eins.md': article('Eins', '2024-10-25', 'id: tag:fehler.example.de,2024:1\n'),
  'content/zwei.md': article('Zwei', '2024-10-26', 'id: tag:fehler.example.de,2024:1\n'),
  'content/sub/eins.md': article('Eins doppelt', '2024-10-27'),
  'content/url.md': article('Link', '2024-10-25', 'url: "javascript:alert(1)"\nimage: "ftp://x/y.jpg"\n'),
  'content/latin1.md': Buffer.from('---\ntitle: K\xf6ln\ndate: 2024-10-25\n---\nText\n', 'latin1'),
  'content/bild.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
  'content/offen.md': '---\ntitle: Offen\ndate: 2024-10-25\n\nText ohne Ende\n',
  'content/ohne-vorspann.md': 'title: Ohne\n---\nText\n',
  'content/typ.md': article('Typ', '2024-10-25', 'draft: ja\nslug: Mein Artikel\n'),
}

describe('kanal build with broken content', () => {
  let dir: string
  let before: Record<string, string>
  let result: Awaited<ReturnType<typeof run>>

  beforeAll(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/gut.md': article('Gut', '2024-10-20'),
      'dist/notiz.txt': 'Meine eigene Datei\n',
    })
    expect((await run(['build', '--no-cache'], dir)).code).toBe(0)
    await cleanup(`${dir}/content`)
    await writeFiles(dir, BROKEN)
    before = await snapshotFolder(`${dir}/dist`)
    result = await run(['build', '--no-cache'], dir)
  })
  afterAll(() => cleanup(dir))

  it('should report every content error at once with file, line, column and what to do', () => {
    expect(result.stderr).toMatchInlineSnapshot(`
      "content/bild.md: error: is a binary file, not Markdown text: remove it from the content folder
      content/datum.md:3:7: error: "date": "32.10.2024" is not a date: October has 31 days. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00
      content/datum.md:4:10: error: "updated": "gestern" is not a date. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00
      content/latin1.md:2:9: error: is not UTF-8 text (perhaps Latin-1 or Windows-1252): save it with UTF-8 encoding
      content/offen.md:1:1: error: the front matter is not closed: start the file with a line "---", then the front matter (title:, date:, …), then a line "---"
      content/ohne-titel.md:2:1: error: "title" is required: add a line like title: …
      content/ohne-titel.md:3:11: error: "category" must be text or a list of texts (got a list)
      content/ohne-vorspann.md:1:1: error: has no front matter: start the file with a line "---", then the front matter (title:, date:, …), then a line "---"
      content/sub/eins.md:2: error: url "https://fehler.example.de/eins/" is already used by content/eins.md:2: give one of them its own url or slug
      content/typ.md:4:8: error: "draft" must be true or false (got "ja")
      content/typ.md:5:7: error: "slug" must use only a-z, 0-9 and hyphens like "mein-artikel" (got "Mein Artikel")
      content/url.md:4:6: error: "url" must be an http(s) URL or a path like /bilder/foto.jpg (got "javascript:alert(1)")
      content/url.md:5:8: error: "image" must be an http(s) URL or a path like /bilder/foto.jpg (got "ftp://x/y.jpg")
      content/yaml.md:2:8: error: the front matter is not valid YAML: this quote (") is never closed. End the value with " on the same line
      content/zwei.md:4: error: id "tag:fehler.example.de,2024:1" is already used by content/eins.md:4: give one of them its own id
      kanal build: 12 articles read, nothing written, 15 errors, 0 warnings in T s
      "
    `)
  })

  it('should exit with code 1 and print no stack trace', () => {
    expect(result.code).toBe(1)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('should leave the previous output and the user file byte for byte unchanged', async () => {
    expect(await snapshotFolder(`${dir}/dist`)).toEqual(before)
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['notiz.txt', 'rss.xml', '.kanal-manifest.json']),
    )
  })

  it('should print workflow commands when GITHUB_ACTIONS is true', async () => {
    const value = await run(['check', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(value.stdout.split('\n')).toContain(
      '::error file=content/datum.md,line=3,col=7::"date": "32.10.2024" is not a date: October has 31 days. Write it like 25.10.2024, 25. Oktober 2024, 2024-10-25 or 2024-10-25T14:30:00+02:00',
    )
    expect(value.stdout).toContain('::error file=content/bild.md::is a binary file')
  })

  it('should print a machine-readable result with --reporter json', async () => {
    const value = await run(['check', '--no-cache', '--reporter', 'json'], dir)
    const expected = { file: 'content/datum.md', line: 3, column: 7 }
    const json = JSON.parse(value.stdout)
    expect(json.ok).toBe(false)
    expect(json.errors).toHaveLength(15)
    expect(json.errors).toContainEqual(expect.objectContaining(expected))
    expect(value.code).toBe(1)
  })

  // With helper threads, a share of the files is read and validated there: the report is the same.
  it.skipIf(!existsSync(CLI)).each([[[]], [['--threads', '3']]])(
    'should give the same report and exit code from the spawned CLI %j',
    (threads: string[]) => {
      const value = spawnSync(process.execPath, [CLI.pathname, 'build', '--no-cache', ...threads], {
        cwd: dir,
        encoding: 'utf8',
      })
      expect(value.status).toBe(1)
      expect(maskTime(value.stderr)).toBe(result.stderr)
    },
  )
})

describe('kanal build warnings', () => {
  it('should print warnings with their location, and fail with --strict', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/warn.md': article('Warnung', '2024-03-31 02:30', 'autor: Max\n'),
    })
    const value = await run(['build', '--no-cache'], dir)
    expect(value.stderr).toMatchInlineSnapshot(`
      "content/warn.md:3:7: warning: "date": "2024-03-31 02:30" does not exist in Europe/Berlin (clocks spring forward); read as 03:30 (+02:00)
      content/warn.md:4:8: warning: unknown key "autor" is ignored; did you mean "author"?
      kanal build: 1 article read, 6 files written (6 changed), 0 errors, 2 warnings in T s
      "
    `)
    expect(value.code).toBe(0)
    const strict = await run(['build', '--no-cache', '--strict', '--out', 'strikt'], dir)
    expect(strict.code).toBe(1)
    expect(strict.stderr).toContain('nothing written')
    await cleanup(dir)
  })
})

describe('kanal usage and config errors', () => {
  it.each([
    [['build'], {}, 'kanal: kanal.config.json'],
    [['build', '--bogus'], { 'kanal.config.json': CONFIG }, 'kanal: unknown option "--bogus"'],
    [['publish'], { 'kanal.config.json': CONFIG }, 'kanal: unknown command "publish"'],
    [
      ['build', '--reporter', 'xml'],
      { 'kanal.config.json': CONFIG },
      'kanal: --reporter must be text or json',
    ],
    [['build', '--now', 'gestern'], { 'kanal.config.json': CONFIG }, 'kanal: --now must be an ISO date'],
  ])('should exit with code 2 for %j', async (argv, files, expected) => {
    const dir = await makeScenario({ ...files, 'content/a.md': article('A', '2024-10-25') })
    const value = await run(argv, dir)
    expect(value.code).toBe(2)
    expect(value.stderr.startsWith(expected)).toBe(true)
    await cleanup(dir)
  })

  it('should name the config file and every bad key', async () => {
    const config = JSON.stringify({
      title: '',
      siteUrl: 'example.de',
      limit: 0,
      timeZone: 'Berlin',
      farbe: 'rot',
    })
    const dir = await makeScenario({ 'kanal.config.json': config })
    const value = await run(['build'], dir)
    expect(value.stderr.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "kanal: kanal.config.json: unknown key "farbe"; known keys are title, description, siteUrl, language, timeZone, author, limit, permalink, categoryFeeds, categoryPath, tagFeeds, tagPath, archive, hubs, browserView, idFrom, from, content, ignoreKeys, languages, typographer, feedPath, publicDir, excerptSeparator
      kanal.config.json: "title" is required and must be a non-empty string
      kanal.config.json: "siteUrl" is required and must be an absolute http(s) URL like https://example.de/ (got "example.de")
      kanal.config.json: "timeZone" must be an IANA time zone like Europe/Berlin (got "Berlin")
      kanal.config.json: "limit" must be a whole number of at least 1 (got 0)
      "
    `)
    expect(value.code).toBe(2)
    await cleanup(dir)
  })

  it('should refuse object keys as time zones (the built CLI knows some zones from a table)', async () => {
    await ensureCompiledCli()
    for (const timeZone of ['constructor', 'toString', '__proto__']) {
      const config = JSON.stringify({ title: 'T', siteUrl: 'https://example.de/', timeZone })
      const dir = await makeScenario({
        'kanal.config.json': config,
        'content/a.md': article('A', '2024-10-25'),
      })
      const value = await spawnCli(['build'], { cwd: dir })
      expect(value.stderr).toContain(
        `"timeZone" must be an IANA time zone like Europe/Berlin (got "${timeZone}")`,
      )
      expect(value.code).toBe(2)
      await cleanup(dir)
    }
  }, 60_000)

  it('should refuse to overwrite an output file kanal did not write', async () => {
    const dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('A', '2024-10-25'),
      'dist/rss.xml': '<rss>von Hand</rss>\n',
    })
    const before = await snapshotFolder(`${dir}/dist`)
    const value = await run(['build', '--no-cache'], dir)
    expect(value.code).toBe(2)
    expect(value.stderr).toContain('rss.xml: exists but kanal did not write it')
    expect(await snapshotFolder(`${dir}/dist`)).toEqual(before)
    await cleanup(dir)
  })
})
