import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ensureCompiledCli } from '../helpers/cli.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'

let dir: string
let child: ChildProcessWithoutNullStreams | undefined
let base: string
let stderr = ''

/** Starts `kanal serve --port 0` and resolves with the URL it prints on stderr. */
function startServe(cwd: string): Promise<string> {
  const env = { ...process.env }
  delete env.SOURCE_DATE_EPOCH
  child = spawn(
    process.execPath,
    [CLI, 'serve', '--port', '0', '--now', FIXED_NOW.toISOString(), '--no-cache'],
    {
      cwd,
      env,
    },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kanal serve printed no URL:\n${stderr}`)), 15_000)
    child?.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
      const url = /kanal serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr)?.[1]
      if (url) {
        clearTimeout(timer)
        resolve(url)
      }
    })
    child?.on('exit', (code) => reject(new Error(`kanal serve exited with ${code}:\n${stderr}`)))
  })
}

beforeAll(async () => {
  await ensureCompiledCli()
  dir = await copyFixture('syndication/categories')
  base = await startServe(dir)
}, 60_000)

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  await removeTempDirs()
})

describe('kanal serve media types', () => {
  it.each([
    { file: 'rss.xml', expected: 'application/rss+xml; charset=utf-8' },
    { file: 'atom.xml', expected: 'application/atom+xml; charset=utf-8' },
    { file: 'feed.json', expected: 'application/feed+json; charset=utf-8' },
    { file: 'kategorie/aussenpolitik/rss.xml', expected: 'application/rss+xml; charset=utf-8' },
    { file: 'kategorie/ueber-uns/atom.xml', expected: 'application/atom+xml; charset=utf-8' },
    { file: 'kategorie/wirtschaft-und-finanzen/feed.json', expected: 'application/feed+json; charset=utf-8' },
    { file: 'feed-view.js', expected: 'text/javascript; charset=utf-8' },
    { file: 'index.html', expected: 'text/html; charset=utf-8' },
  ])('should send $file as $expected when requested', async ({ file, expected }) => {
    const response = await fetch(new URL(file, base))
    await response.arrayBuffer()

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(expected)
  })
})

describe('kanal serve ETags', () => {
  it('should answer 304 without a body when If-None-Match names the current ETag', async () => {
    const first = await fetch(new URL('rss.xml', base))
    await first.arrayBuffer()
    const etag = first.headers.get('etag') ?? ''
    expect(etag).not.toBe('')

    const value = await fetch(new URL('rss.xml', base), { headers: { 'if-none-match': etag } })

    expect(value.status).toBe(304)
    expect(await value.text()).toBe('')
  })

  it('should rebuild and change the ETag of rss.xml when an article is edited', async () => {
    const first = await fetch(new URL('rss.xml', base))
    await first.arrayBuffer()
    const before = first.headers.get('etag')
    const file = path.join(dir, 'content/zinsen.md')
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('Zinsen sinken zum dritten Mal', 'Zinsen sinken erneut'),
    )

    let value = { etag: before, body: '' }
    for (let waited = 0; waited < 8000 && value.etag === before; waited += 100) {
      await sleep(100)
      const response = await fetch(new URL('rss.xml', base), { headers: { 'if-none-match': before ?? '' } })
      value = { etag: response.headers.get('etag'), body: await response.text() }
    }

    expect(value.etag).not.toBe(before)
    expect(value.body).toContain('<title>Zinsen sinken erneut</title>')
    const stale = await fetch(new URL('rss.xml', base), { headers: { 'if-none-match': before ?? '' } })
    await stale.arrayBuffer()
    expect(stale.status).toBe(200)
  })
})
