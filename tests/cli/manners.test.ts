import { afterEach, describe, expect, it } from 'vitest'
import { CONFIG, cleanup, makeScenario, run } from './_scenario.js'

const ARTICLE = '---\ntitle: Wahlabend\ndate: 2024-10-25\n---\n\nText.\n'
const TYPO_CONFIG = `{
  "title": "Fehler-Test",
  "siteUrl": "https://fehler.example.de/",
  "timezone": "Europe/Berlin"
}
`

describe('small CLI manners', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should suggest the command a typo was meant to be (exit 2)', async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG })
    const result = await run(['biuld'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('kanal: unknown command "biuld"; did you mean build?')
  })

  it('should suggest the config key a typo was meant to be', async () => {
    dir = await makeScenario({ 'kanal.config.json': TYPO_CONFIG, 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('kanal.config.json: unknown key "timezone"; did you mean "timeZone"?')
  })

  it('should annotate a config error at its key in GitHub Actions', async () => {
    dir = await makeScenario({ 'kanal.config.json': TYPO_CONFIG, 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--no-cache'], dir, { GITHUB_ACTIONS: 'true' })
    expect(result.code).toBe(2)
    expect(result.stdout).toMatch(
      /^::error file=kanal\.config\.json,line=4,col=3::unknown key "timezone"; did you mean "timeZone"\?/m,
    )
  })

  it('should print the JSON result for a config error with --reporter json', async () => {
    dir = await makeScenario({ 'kanal.config.json': TYPO_CONFIG, 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--no-cache', '--reporter', 'json'], dir)
    expect(result.code).toBe(2)
    const json = JSON.parse(result.stdout)
    expect(json.ok).toBe(false)
    expect(json.errors).toEqual([expect.objectContaining({ file: 'kanal.config.json', line: 4, column: 3 })])
    expect(json.errors[0].message).toMatch(/^unknown key "timezone"; did you mean "timeZone"\?/)
  })

  it('should print the JSON result for a command-line error with --reporter json', async () => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/wahl.md': ARTICLE })
    const result = await run(['build', '--reporter', 'json', '--threads', 'viele'], dir)
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).errors).toEqual([
      { message: '--threads must be a whole number from 1 to 64 (got "viele")' },
    ])
  })

  it('should set up a reserved example domain with init, and warn on every build until it is changed', async () => {
    dir = await makeScenario({})
    expect((await run(['init'], dir)).code).toBe(0)
    const first = await run(['build'], dir)
    expect(first.code).toBe(0)
    const warning =
      'kanal.config.json: warning: "siteUrl" is https://www.example.com/, a reserved example domain'
    expect(first.stderr).toContain(warning)
    // Also when nothing changed and the last build's outcome is reported again.
    const again = await run(['build'], dir)
    expect(again.stderr).toContain('nothing changed since the last build')
    expect(again.stderr).toContain(warning)
    expect((await run(['build', '--strict'], dir)).code).toBe(1)
    const real = await run(['build', '--site-url', 'https://www.zeitung.de/'], dir)
    expect(real.stderr).not.toContain('reserved example domain')
  })
})
