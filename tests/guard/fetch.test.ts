import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { build } from '../../src/index.js'
import { run } from '../cli/_scenario.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { changeConfig, copySite, kanal } from './_site.js'

const servers: Server[] = []
afterAll(async () => {
  for (const server of servers) server.closeAllConnections()
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await removeTempDirs()
})

/** A local HTTP server: `answer` gets the path; undefined answers 404, 'hang' never answers. */
async function serve(answer: (path: string) => string | undefined | 'hang'): Promise<string> {
  const server = createServer((request, response) => {
    const body = answer(request.url ?? '/')
    if (body === 'hang') return
    if (body === undefined) response.writeHead(404).end('not found')
    else response.writeHead(200, { 'content-type': 'application/xml' }).end(body)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
}

describe('--against https://site/', () => {
  it('should fetch the feeds at the paths kanal writes and compare them', async () => {
    const dir = await copySite()
    expect((await kanal(dir, ['build', '--out', 'old'])).code).toBe(0)
    const asked: string[] = []
    const site = await serve((url) => {
      asked.push(url)
      return undefined
    })
    const atom = await readFile(path.join(dir, 'old/atom.xml'), 'utf8')
    // The live site publishes only Atom: the other formats answer 404 and are not compared.
    const live = await serve((url) => (url === '/atom.xml' ? atom : undefined))
    const { code, stdout } = await kanal(dir, ['diff', '--against', live])
    expect(code).toBe(0)
    expect(stdout).toContain(
      `atom.xml (${live}atom.xml): 0 new, 0 updated, 0 left, 0 identity breaks, 4 unchanged`,
    )
    expect(stdout).not.toContain('rss.xml (')
    const none = await kanal(dir, ['diff', '--against', site])
    expect([none.code, none.stderr]).toEqual([
      2,
      expect.stringContaining('none of the feeds kanal would write is published there'),
    ])
    expect(asked).toEqual(['/rss.xml', '/atom.xml', '/feed.json'])
  })

  it('should catch a domain move against the live feed and write nothing', async () => {
    const dir = await copySite()
    expect((await kanal(dir, ['build', '--out', 'old'])).code).toBe(0)
    const rss = await readFile(path.join(dir, 'old/rss.xml'), 'utf8')
    const live = await serve((url) => (url === '/feed/rss.xml' ? rss : undefined))
    await changeConfig(dir, { siteUrl: 'https://neu.beispiel.de/' })
    const { code, stderr } = await kanal(dir, ['build', '--against', `${live}feed/rss.xml`])
    expect(code).toBe(1)
    expect(stderr).toContain('identity break')
    expect(stderr).toContain('nothing written')
  })

  it('should exit 2 with a clear error when the site cannot be reached', async () => {
    const dir = await copySite()
    const gone = await serve(() => undefined)
    servers.at(-1)?.close()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const { code, stderr } = await run(['diff', '--against', gone, '--no-cache'], dir)
    expect(code).toBe(2)
    expect(stderr).toMatch(
      /^kanal: http:\/\/127\.0\.0\.1:\d+\/rss\.xml: the published feed cannot be read \(ECONNREFUSED\); check the URL/,
    )
  })

  it('should give up after the timeout', async () => {
    const dir = await copySite()
    const hanging = await serve(() => 'hang')
    const built = build({
      cwd: dir,
      cache: false,
      write: false,
      now: new Date('2024-12-01T00:00:00Z'),
      against: { against: hanging, timeoutMs: 200 },
    })
    await expect(built).rejects.toThrow(
      new UsageError(
        `${hanging}rss.xml: the published feed cannot be read (no answer within 0.2 s); check the URL and the network, or compare against a folder or file`,
      ),
    )
  })
})
