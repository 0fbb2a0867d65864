import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { article, CONFIG, cleanup, makeScenario, run } from './_scenario.js'

// Drafts and articles dated after "now" are left out unless asked for; "now" comes from --now,
// SOURCE_DATE_EPOCH or the clock.
describe('which articles a build shows', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/alt.md': article('Alt', '1. Mai 2024'),
      'content/entwurf.md': article('Entwurf', '2. Mai 2024', 'draft: true\n'),
      'content/spaeter.md': article('Später', '1. Juni 2025, 12:00 Uhr'),
    })
  })
  afterAll(() => cleanup(dir))

  async function titles(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
    const out = `out-${Math.random().toString(36).slice(2)}`
    const value = await run(['build', '--no-cache', '--out', out, ...argv], dir, env)
    expect(value.code).toBe(0)
    const feed = JSON.parse(await readFile(`${dir}/${out}/feed.json`, 'utf8')) as {
      items: { title: string }[]
    }
    return feed.items.map((item) => item.title)
  }

  it.each([
    [['--now', '2025-06-01T09:59:59Z'], ['Alt']],
    [
      ['--now', '2025-06-01T10:00:00Z'],
      ['Später', 'Alt'],
    ],
    [
      ['--now', '2024-12-31T00:00:00Z', '--future'],
      ['Später', 'Alt'],
    ],
    [
      ['--now', '2024-12-31T00:00:00Z', '--drafts'],
      ['Entwurf', 'Alt'],
    ],
    [
      ['--now', '2024-12-31T00:00:00Z', '--drafts', '--future'],
      ['Später', 'Entwurf', 'Alt'],
    ],
  ])('should show the right articles with %j', async (argv, expected) => {
    expect(await titles(argv)).toEqual(expected)
  })

  it('should take "now" from SOURCE_DATE_EPOCH', async () => {
    const before = String(Date.parse('2025-06-01T09:59:00Z') / 1000)
    const after = String(Date.parse('2025-06-01T10:00:00Z') / 1000)
    expect(await titles([], { SOURCE_DATE_EPOCH: before })).toEqual(['Alt'])
    expect(await titles([], { SOURCE_DATE_EPOCH: after })).toEqual(['Später', 'Alt'])
  })
})
