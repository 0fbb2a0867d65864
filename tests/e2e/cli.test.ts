import { existsSync, readFileSync } from 'node:fs'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliRun, ensureCompiledCli, spawnCli } from '../helpers/cli.js'
import { copyFixture, makeTempDir, REPO_ROOT, removeTempDirs } from '../helpers/fixture.js'

const NOW = '2026-01-01T00:00:00Z'

/** One spawned run per scenario, all started together in `beforeAll`. */
let runs: Record<'valid' | 'broken' | 'noConfig' | 'unknownFlag' | 'version' | 'help', CliRun>
let validDir: string
let brokenDir: string

beforeAll(async () => {
  await ensureCompiledCli()
  let emptyDir: string
  ;[validDir, brokenDir, emptyDir] = await Promise.all([
    copyFixture('basic'),
    _writeBrokenProject(),
    makeTempDir(),
  ])
  const [valid, broken, noConfig, unknownFlag, version, help] = await Promise.all([
    spawnCli(['build', '--now', NOW], { cwd: validDir }),
    spawnCli(['build', '--now', NOW], { cwd: brokenDir }),
    spawnCli(['build', '--now', NOW], { cwd: emptyDir }),
    spawnCli(['build', '--bogus'], { cwd: validDir }),
    spawnCli(['--version'], { cwd: emptyDir }),
    spawnCli(['--help'], { cwd: emptyDir }),
  ])
  runs = { valid, broken, noConfig, unknownFlag, version, help }
}, 120_000)

afterAll(removeTempDirs)

/** A project with two broken articles: an impossible date (line 3, column 7) and no title. */
async function _writeBrokenProject(): Promise<string> {
  const dir = await makeTempDir()
  await mkdir(path.join(dir, 'content'))
  await Promise.all([
    copyFile(
      path.join(REPO_ROOT, 'tests/fixtures/basic/kanal.config.json'),
      path.join(dir, 'kanal.config.json'),
    ),
    writeFile(
      path.join(dir, 'content/kaputtes-datum.md'),
      '---\ntitle: Herbstmarkt eröffnet\ndate: 32.10.2024\ncategory: Vermischtes\n---\n\nDer Markt öffnet.\n',
    ),
    writeFile(
      path.join(dir, 'content/ohne-titel.md'),
      '---\ndate: 25.10.2024\ncategory: Politik\n---\n\nDieser Artikel hat keine Überschrift.\n',
    ),
  ])
  return dir
}

describe('kanal build', () => {
  it('should exit 0 and print one summary line when the content is valid', () => {
    const value = runs.valid

    expect(value.code).toBe(0)
    expect(value.stdout).toBe('')
    // The one scheduled article is named (not a warning), then the summary counts what was left out.
    expect(value.stderr).toMatch(
      /^content\/zukunft\.md: note: scheduled for Donnerstag, 1\. Januar 2099, 00:00 Uhr; it appears in the feeds from then on \(--future includes it now\)\nkanal build: 5 articles read, \d+ files written \(\d+ changed\), 0 errors, 0 warnings, 1 scheduled, 1 draft left out in \d+\.\d\d s\n$/,
    )
    expect(existsSync(path.join(validDir, 'dist', 'rss.xml'))).toBe(true)
  })

  it('should exit 1 and print both errors when one article has a bad date and another no title', () => {
    const value = runs.broken
    const lines = value.stderr.split('\n')

    expect(value.code).toBe(1)
    expect(lines).toContainEqual(
      expect.stringMatching(/^content\/kaputtes-datum\.md:3:7: error: "date": .*32\.10\.2024/),
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^content\/ohne-titel\.md:\d+(:\d+)?: error: "title" is required/),
    )
    expect(value.stderr).toMatch(/nothing written, 2 errors, 0 warnings/)
    expect(existsSync(path.join(brokenDir, 'dist'))).toBe(false)
  })

  it('should give the missing-title error a line and a column when the title is missing', () => {
    const value = runs.broken.stderr.split('\n')

    expect(value).toContainEqual(
      expect.stringMatching(/^content\/ohne-titel\.md:\d+:\d+: error: "title" is required/),
    )
  })

  it('should exit 2 and say how to create a config when kanal.config.json is missing', () => {
    const value = runs.noConfig

    expect(value.code).toBe(2)
    expect(value.stderr).toMatch(/^kanal: .*kanal\.config\.json: cannot read the config file .*kanal init/)
  })

  it('should exit 2 and point to --help when given an unknown flag', () => {
    const value = runs.unknownFlag

    expect(value.code).toBe(2)
    expect(value.stderr).toMatch(
      /^kanal: unknown option "--bogus" for kanal build; its options are --config, .*; run kanal build --help\n$/,
    )
  })
})

describe('kanal --version', () => {
  it('should print the version from package.json and exit 0 when asked', () => {
    const expected = (
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
    ).version

    expect(runs.version.stdout).toBe(`${expected}\n`)
    expect(runs.version.code).toBe(0)
  })
})

describe('kanal --help', () => {
  it('should print the commands and exit codes and exit 0 when asked', () => {
    expect(runs.help.code).toBe(0)
    expect(runs.help.stdout).toMatchInlineSnapshot(`
      "kanal – builds RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Markdown articles

      Usage: kanal <command> [options]

      Commands:
        build     build the feeds from the content folder into the output folder
        check     validate config and content like build, write nothing
        diff      compare the feeds with the published ones: what subscribers would see
        init      set up kanal.config.json and a content folder with an example article
        import    turn plain-text newsroom exports into Markdown articles
        serve     build, serve the output on localhost and rebuild when content changes
        adopt     take over the ids of an old feed into the articles' front matter
        discovery print the <link rel="alternate"> tags of the feeds for a layout

      Options:
        -h, --help     show help (also: kanal <command> --help)
        -v, --version  show the version

      Exit codes: 0 success, 1 content errors, 2 usage or config errors, 3 internal error (a bug in kanal)
      "
    `)
  })
})
