import { afterEach, describe, expect, it } from 'vitest'
import { CONFIG, cleanup, makeScenario, run, writeFiles } from '../cli/_scenario.js'

const B = '---\ntitle: Zweiter\ndate: 2024-10-26\ncategory: Politik\nslug: wahl\n---\n\nText.\n'

describe('slug, id and url clashes', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should name the line of the key in both files, also when the articles come from the cache', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/a.md': '---\ntitle: Erster\ndate: 2024-10-25\nslug: wahl\n---\n\nText.\n',
      'content/b.md': B,
    })
    const expected =
      'content/b.md:5: error: url "https://fehler.example.de/wahl/" is already used by content/a.md:4: give one of them its own url or slug'
    expect((await run(['build', '--no-cache'], dir)).stderr).toContain(expected)
    // a.md from the cache: its line comes from the cached record. b.md clashes only after the edit.
    await writeFiles(dir, { 'content/b.md': B.replace('slug: wahl', 'slug: wahl-zwei') })
    expect((await run(['build'], dir)).code).toBe(0)
    await writeFiles(dir, { 'content/b.md': B })
    const cached = await run(['build', '--reporter', 'json'], dir)
    const json = JSON.parse(cached.stdout)
    expect(json.stats.reused).toBe(1)
    expect(json.errors).toEqual([
      {
        file: 'content/b.md',
        line: 5,
        message:
          'url "https://fehler.example.de/wahl/" is already used by content/a.md:4: give one of them its own url or slug',
      },
    ])
  })
})
