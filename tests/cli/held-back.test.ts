import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { CONFIG, cleanup, makeScenario, run } from './_scenario.js'

const NOW = '2024-11-01T12:00:00+01:00'
const files = {
  'kanal.config.json': CONFIG,
  'content/heute.md': '---\ntitle: Heute\ndate: 2024-10-25\n---\n\nText.\n',
  'content/spaeter.md': '---\ntitle: Später\ndate: 25.10.2027 10:00\n---\n\nText.\n',
  'content/entwurf.md': '---\ntitle: Entwurf\ndate: 2024-10-20\ndraft: true\n---\n\nText.\n',
}

describe('held-back articles', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should name every scheduled article with its German date and count drafts, without a warning', async () => {
    dir = await makeScenario(files)
    const result = await run(['build', '--no-cache', '--strict', '--now', NOW], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toContain(
      'content/spaeter.md: note: scheduled for Montag, 25. Oktober 2027, 10:00 Uhr; it appears in the feeds from then on (--future includes it now)',
    )
    expect(result.stderr).toMatch(
      /kanal build: 3 articles read, \d+ files written \(\d+ changed\), 0 errors, 0 warnings, 1 scheduled, 1 draft left out in T s/,
    )
    const feed = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(feed.items.map((item: { title: string }) => item.title)).toEqual(['Heute'])
  })

  it('should list them in --reporter json and in the library result', async () => {
    dir = await makeScenario(files)
    const json = JSON.parse(
      (await run(['check', '--no-cache', '--reporter', 'json', '--now', NOW], dir)).stdout,
    )
    const expected = [
      {
        file: 'content/entwurf.md',
        reason: 'draft',
        date: '2024-10-20T00:00:00+02:00',
        germanDate: 'Sonntag, 20. Oktober 2024, 00:00 Uhr',
      },
      {
        file: 'content/spaeter.md',
        reason: 'scheduled',
        date: '2027-10-25T10:00:00+02:00',
        germanDate: 'Montag, 25. Oktober 2027, 10:00 Uhr',
      },
    ]
    expect(json.heldBack).toEqual(expected)
    const result = await build({ cwd: dir, cache: false, now: new Date(NOW) })
    expect(result.heldBack).toEqual(expected)
  })

  it('should report them again when nothing changed since the last build', async () => {
    dir = await makeScenario(files)
    await run(['build', '--now', NOW], dir)
    const again = await run(['build', '--now', NOW], dir)
    expect(again.stderr).toContain('nothing changed since the last build')
    expect(again.stderr).toContain('content/spaeter.md: note: scheduled for')
  })

  it('should include them with --future and --drafts', async () => {
    dir = await makeScenario(files)
    const result = await run(['build', '--no-cache', '--future', '--drafts', '--now', NOW], dir)
    expect(result.stderr).not.toContain('scheduled')
    expect(result.stderr).not.toContain('left out')
  })
})
