import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { CONFIG, cleanup, makeScenario, run } from '../cli/_scenario.js'

const article = (author: string) =>
  `---\ntitle: Wahlabend\ndate: 2024-10-25\nauthor: ${author}\n---\n\nText.\n`

describe('author URLs', () => {
  let dir = ''
  afterEach(() => cleanup(dir))

  it.each([
    ['a javascript: URL', '{ name: Anna, url: "javascript:alert(1)" }'],
    ['a data: URL', '{ name: Anna, url: "data:text/html,<script>alert(1)</script>" }'],
    ['a vbscript: URL', '{ name: Anna, url: "vbscript:msgbox(1)" }'],
    ['an http-less path', '{ name: Anna, url: "/autoren/anna" }'],
  ])('should refuse %s as an author URL in front matter at file:line:column (exit 1)', async (_, author) => {
    dir = await makeScenario({ 'kanal.config.json': CONFIG, 'content/wahl.md': article(author) })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /^content\/wahl\.md:4:9: error: "author" must be a name or \{name, email, url\}: it needs "url" to be an absolute http\(s\) URL/m,
    )
    expect(result.stderr).toContain('nothing written')
  })

  it('should refuse a javascript: author URL in the config, naming file and key (exit 2)', async () => {
    const config = { ...JSON.parse(CONFIG), author: { name: 'Redaktion', url: 'javascript:alert(1)' } }
    dir = await makeScenario({
      'kanal.config.json': JSON.stringify(config),
      'content/wahl.md': '---\ntitle: Wahlabend\ndate: 2024-10-25\n---\n\nText.\n',
    })
    const result = await run(['build', '--no-cache'], dir)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('kanal.config.json: "author" needs "url" to be an absolute http(s) URL')
    await expect(build({ cwd: dir, cache: false })).rejects.toThrow('absolute http(s) URL')
  })

  it('should publish an https author URL in Atom and JSON Feed', async () => {
    dir = await makeScenario({
      'kanal.config.json': CONFIG,
      'content/wahl.md': article('{ name: Anna, url: "https://example.de/anna" }'),
    })
    expect((await run(['build', '--no-cache'], dir)).code).toBe(0)
    const atom = await readFile(path.join(dir, 'dist/atom.xml'), 'utf8')
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    expect(atom).toContain('<uri>https://example.de/anna</uri>')
    expect(json.items[0].authors).toEqual([{ name: 'Anna', url: 'https://example.de/anna' }])
  })
})
