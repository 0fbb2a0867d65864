import { afterEach, describe, expect, it } from 'vitest'
import { oneLine, safeLines } from '../../src/cli/_printable.js'
import { CONFIG, cleanup, makeScenario, run } from './_scenario.js'

const INJECTED = '::error file=README.md,line=1::Injected'

/** The lines that a GitHub runner would read as workflow commands. */
function commands(text: string): string[] {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).filter((line) => /^\s*::/.test(line))
}

describe('workflow-command injection', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should not let a front-matter key become a workflow command', async () => {
    const key = JSON.stringify(`x\n${INJECTED}\n`)
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': `---\ntitle: Wahlabend\ndate: 2024-10-25\n${key}: 1\n---\n\nText.\n`,
    })
    const result = await run(['build', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(result.code).toBe(0)
    // Exactly kanal's own annotation for the unknown key, with the key's line breaks escaped.
    const own = commands(result.stdout)
    expect(own).toHaveLength(1)
    expect(own[0]).toMatch(
      /^::warning file=content\/wahl\.md,line=\d+,col=\d+::.*x%0A::error file=README\.md/,
    )
    expect(commands(result.stderr)).toEqual([])
    expect(result.stderr).toContain('x\\n::error file=README.md,line=1::Injected\\n')
  })

  it('should not let a file name with a line break become a workflow command', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      [`content/a\n${INJECTED}\n.md`]: '---\ndate: 2024-10-25\n---\n\nText ohne Titel.\n',
    })
    const result = await run(['build', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(result.code).toBe(1)
    expect(commands(result.stderr)).toEqual([])
    const own = commands(result.stdout)
    expect(own).toHaveLength(1)
    expect(own[0]).toMatch(
      /^::error file=content\/a%0A%3A%3Aerror file=README\.md%2Cline=1%3A%3AInjected%0A\.md/,
    )
  })

  it('should strip terminal escape sequences from user text in every line it prints', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': '---\ntitle: "\\e[2J\\e]0;pwned\\aRot"\ndate: 2024-10-25\n---\n\nText.\n',
    })
    const result = await run(['build', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(result.stderr).toContain('warning')
    expect(result.stderr + result.stdout).not.toContain('\u001b')
    expect(result.stderr + result.stdout).not.toContain('\u0007')
  })

  it('should escape a config key with a line break in the usage error (exit 2)', async () => {
    const config = { ...JSON.parse(CONFIG), [`x\n${INJECTED}`]: 1 }
    dir = await makeScenario({ 'kanal.config.json': JSON.stringify(config), 'content/a.md': '' })
    const result = await run(['build', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(result.code).toBe(2)
    expect(commands(result.stderr)).toEqual([])
    // Only kanal's own annotation of the config problem.
    const own = commands(result.stdout)
    expect(own).toHaveLength(1)
    expect(own[0]).toMatch(/^::error file=kanal\.config\.json,line=1,col=\d+::unknown key "x\\n::error/)
  })
})

describe('oneLine', () => {
  it.each([
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\r\\nb'],
    ['\u001b[31mrot', '\\u001b[31mrot'],
    ['a\u2028b', 'a\\u2028b'],
    ['::error::x', '> ::error::x'],
    ['Tab\tbleibt', 'Tab\tbleibt'],
  ])('should make %j printable as %j', (value, expected) => {
    expect(oneLine(value)).toBe(expected)
  })
})

describe('safeLines', () => {
  it("should keep kanal's own line breaks and quote lines that start with ::", () => {
    expect(safeLines('kanal.config.json: a\n::error::x\n\u001bb')).toBe(
      'kanal.config.json: a\n> ::error::x\n\\u001bb',
    )
  })
})
