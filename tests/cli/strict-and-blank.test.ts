import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterEach, describe, expect, it } from 'vitest'
import { CONFIG, cleanup, makeScenario, run } from './_scenario.js'

describe('--strict', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should say that --strict turned the warning into an error', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-10-25\nfarbe: rot\n---\n\nText.\n',
    })
    const result = await run(['build', '--no-cache', '--strict'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('nothing written, 0 errors, 1 warning')
    expect(result.stderr).toContain(
      'kanal build: --strict turned the warning above into an error; fix it or build without --strict',
    )
    const plain = await run(['build', '--no-cache'], dir)
    expect(plain.code).toBe(0)
    expect(plain.stderr).not.toContain('--strict turned')
  })
})

describe('an article without a body', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should give the Atom entry its title as summary, never a blank one', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/leer.md': '---\ntitle: Nur eine Überschrift\ndate: 2024-10-25\n---\n',
    })
    expect((await run(['build', '--no-cache'], dir)).code).toBe(0)
    const atom = await readFile(path.join(dir, 'dist/atom.xml'), 'utf8')
    expect(atom).not.toContain('<summary type="text"></summary>')
    const parsed = parseFeed(atom)
    expect(parsed.format).toBe('atom')
    const entry = (
      parsed.feed as { entries?: { title?: { value?: string }; summary?: { value?: string } }[] }
    ).entries?.[0]
    expect(entry?.title?.value).toBe('Nur eine Überschrift')
    expect(entry?.summary?.value).toBe('Nur eine Überschrift')
  })
})
