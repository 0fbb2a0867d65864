import { existsSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { article, CONFIG, cleanup, makeScenario, run } from './_scenario.js'

const NOW = '2026-01-01T00:00:00Z'

// What each command's help documents: exactly these long options, and no other, parse for it.
const BUILD =
  '--config, --content, --out, --site-url, --now, --drafts, --future, --strict, --reporter, --cache-dir, --no-cache, --ping, --threads'
const OWN = {
  build: `${BUILD}, --against, --watch`,
  check: BUILD,
  diff: `${BUILD}, --against`,
  init: '--content, --from, --force',
  import: '--content, --config, --dry-run, --force',
  serve: `--port, ${BUILD}`,
  adopt: '--content, --config, --dry-run, --force',
}

const EXPORT = '25. Oktober, 2024\n\nPolitik\n\nEine Überschrift\n\nEin Absatz.\n'

describe('kanal <command> with an option of another command', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/a.md': article('A', '2024-10-25') })
  })
  afterAll(() => cleanup(dir))

  it.each([
    ['build', '--port', '9'],
    ['build', '--dry-run'],
    ['build', '--force'],
    ['check', '--port', '9'],
    ['check', '--dry-run'],
    ['init', '--strict'],
    ['init', '--out', 'x'],
    ['serve', '--dry-run'],
    ['serve', '--force'],
    ['import', '--strict'],
    ['import', '--now', NOW],
    ['check', '--against', 'dist'],
    ['diff', '--dry-run'],
    ['adopt', '--strict'],
    ['adopt', '--against', 'dist'],
  ] as const)('should exit 2 and name the options of kanal %s for %s', async (command, option, ...value) => {
    const result = await run([command, option, ...value, ...(command === 'import' ? ['x.txt'] : [])], dir)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      `kanal: unknown option "${option}" for kanal ${command}; its options are ${OWN[command]}; run kanal ${command} --help\n`,
    )
  })

  it('should neither build nor write anything when an option is wrong', async () => {
    await run(['build', '--port', '9'], dir)
    expect(existsSync(path.join(dir, 'dist'))).toBe(false)
  })

  it('should render the usage error as JSON when --reporter json is on the command line', async () => {
    const result = await run(['build', '--reporter', 'json', '--force'], dir)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).errors[0].message).toContain('unknown option "--force" for kanal build')
  })

  it('should suggest the option one edit away', async () => {
    const result = await run(['build', '--stirct'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `kanal: unknown option "--stirct" for kanal build; did you mean --strict? its options are ${OWN.build}; run kanal build --help\n`,
    )
  })

  it('should suggest an option of this command even when given with a value', async () => {
    const result = await run(['import', 'x.txt', '--dryrun'], dir)
    expect(result.stderr).toContain('did you mean --dry-run?')
  })

  it("should name the command's options for an option no command knows", async () => {
    const result = await run(['build', '--bogus'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      `kanal: unknown option "--bogus" for kanal build; its options are ${OWN.build}; run kanal build --help\n`,
    )
  })
})

describe('kanal <command> with its own options', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': article('A', '2024-10-25'),
      'export/eins.txt': EXPORT,
    })
  })
  afterAll(() => cleanup(dir))

  it('should build with --strict, --out, --threads and --no-cache', async () => {
    const result = await run(
      ['build', '--no-cache', '--strict', '--threads', '1', '--out', 'aus', '--now', NOW],
      dir,
    )
    expect(result.code).toBe(0)
    expect(existsSync(path.join(dir, 'aus/rss.xml'))).toBe(true)
  })

  it('should check with --strict and the options the README gives it as build', async () => {
    const result = await run(
      ['check', '--strict', '--no-cache', '--out', 'pruefung', '--threads', '1', '--ping', '--now', NOW],
      dir,
    )
    expect(result.code).toBe(0)
    expect(existsSync(path.join(dir, 'pruefung'))).toBe(false)
  })

  it('should import with --dry-run, --config and --content and write nothing', async () => {
    const result = await run(
      ['import', 'export', '--dry-run', '--config', 'kanal.config.json', '--content', 'neu'],
      dir,
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('# neu/eine-ueberschrift.md (from export/eins.txt)')
    expect(existsSync(path.join(dir, 'neu'))).toBe(false)
  })

  it('should init with --content in an empty folder', async () => {
    const empty = await makeScenario({})
    try {
      const result = await run(['init', '--content', 'artikel'], empty)
      expect(result.code).toBe(0)
      expect(existsSync(path.join(empty, 'artikel/willkommen.md'))).toBe(true)
    } finally {
      await cleanup(empty)
    }
  })

  it('should accept options before the command', async () => {
    const empty = await makeScenario({})
    try {
      expect((await run(['--content', 'texte', 'init'], empty)).code).toBe(0)
      expect(existsSync(path.join(empty, 'texte/willkommen.md'))).toBe(true)
    } finally {
      await cleanup(empty)
    }
  })

  it('should refuse --reporter json for serve, which reports as text, before serving', async () => {
    const result = await run(['serve', '--port', '0', '--reporter', 'json'], dir)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).errors[0].message).toBe(
      'kanal serve reports as text only (got --reporter json)',
    )
  })
})

describe('kanal help and version around the commands', () => {
  it.each([
    [['build', '--help'], 'Usage: kanal build [options]'],
    [['help', 'check'], 'Usage: kanal check [options]'],
    [['serve', '-h'], 'Usage: kanal serve [options]'],
    [['--help', 'import'], 'Usage: kanal import <file|folder>... [options]'],
    [['help', 'init'], 'Usage: kanal init [options]'],
  ])('should print the help of %j and exit 0', async (argv, first) => {
    const result = await run(argv, '.')
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe(first)
  })

  it('should list in check --help every option check accepts', async () => {
    const help = (await run(['check', '--help'], '.')).stdout
    for (const option of BUILD.split(', ')) expect(help).toContain(`  ${option}`)
  })

  it('should print the overview and exit 2 without a command', async () => {
    const result = await run([], '.')
    expect(result.code).toBe(2)
    expect(result.stdout).toContain(
      '  serve     build, serve the output on localhost and rebuild when content changes\n',
    )
  })

  it('should print the version for kanal build -v', async () => {
    const result = await run(['build', '-v'], '.')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+/)
  })

  it('should still name the commands for an unknown one', async () => {
    const result = await run(['bild'], '.')
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'kanal: unknown command "bild"; did you mean build? The commands are build, check, diff, init, import, serve, adopt, discovery; run kanal --help for more\n',
    )
  })
})
