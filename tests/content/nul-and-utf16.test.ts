import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { CONFIG, cleanup, makeScenario, run } from '../cli/_scenario.js'

const HEAD = '---\ntitle: Wahlabend\ndate: 2024-10-25\n---\n\n'

describe('a NUL byte and UTF-16 files', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it('should remove a stray NUL from a body with a warning at file:line:column, and publish', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': `${HEAD}Erste Zeile.\nZweite\u0000 Zeile.\n`,
    })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(0)
    expect(result.stderr).toMatch(
      /^content\/wahl\.md:7:7: warning: removed 1 control character that XML does not allow from the text$/m,
    )
    const feed = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(feed.items[0].content_html).toContain('Zweite Zeile.')
    expect(feed.items[0].content_html).not.toContain('\u0000')
  })

  it.each([
    [
      'UTF-16 LE with a BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEAD}Text.\n`, 'utf16le')]),
    ],
    ['UTF-16 LE without a BOM', Buffer.from(`${HEAD}Text.\n`, 'utf16le')],
    ['UTF-16 BE with a BOM', Buffer.from(`\ufeff${HEAD}Text.\n`, 'utf16le').swap16()],
  ])('should refuse %s, saying to save it as UTF-8 (exit 1)', async (_, bytes) => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/wahl.md': bytes })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('content/wahl.md: error: is UTF-16 text, not UTF-8: save it as UTF-8')
  })

  it('should still refuse a binary file', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/bild.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
    })
    const result = await build({ cwd: dir, cache: false })
    expect(result.errors.map((error) => error.message)).toEqual([
      'content/bild.md: is a binary file, not Markdown text: remove it from the content folder',
    ])
  })
})
