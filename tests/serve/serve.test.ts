import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { type RunningServer, serveOutput } from '../../src/serve/serve.js'

/** An answer as the test sees it; headers without the ones Node adds on its own. */
interface _Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

const _FILES: Record<string, string> = {
  'rss.xml':
    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Kanäle</title></channel></rss>',
  'atom.xml': '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"/>',
  'feed.json': '{"version":"https://jsonfeed.org/version/1.1","title":"Kanäle"}',
  'feed.xsl': '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
  'index.html': '<!doctype html><title>Vorschau</title>',
}

let dir: string
let root: string
let server: RunningServer | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kanal-serve-'))
  root = join(dir, 'dist')
  await mkdir(join(root, 'politik'), { recursive: true })
  for (const [name, text] of Object.entries(_FILES)) await writeFile(join(root, name), text)
  await writeFile(join(root, 'politik', 'index.html'), '<p>Politik</p>')
  await writeFile(join(dir, 'geheim.txt'), 'geheim')
})

afterEach(async () => {
  await server?.close()
  server = undefined
  await rm(dir, { recursive: true, force: true })
})

async function _start(watch?: {
  dir: string
  onChange: () => Promise<string[] | undefined | void>
}): Promise<string> {
  server = await serveOutput(watch ? { root, watch } : { root })
  return server.url
}

/** Sends the path as written: unlike fetch, node:http does not resolve `..` before sending. */
function _send(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<_Answer>((resolve, reject) => {
    const { hostname, port } = new URL(url)
    const outgoing = request({
      hostname,
      port,
      path,
      method: options.method ?? 'GET',
      headers: options.headers,
    })
    outgoing.on('error', reject)
    outgoing.on('response', async (response) => {
      let body = ''
      response.setEncoding('utf8')
      for await (const chunk of response) body += chunk
      const { date: _date, connection: _connection, 'keep-alive': _keepAlive, ...headers } = response.headers
      resolve({ status: response.statusCode ?? 0, headers, body })
    })
    outgoing.end()
  })
}

const _etag = (text: string) => `"${createHash('sha256').update(text).digest('base64url')}"`

async function _expectedHeaders(name: string, type: string) {
  const text = _FILES[name] ?? ''
  return {
    'content-type': type,
    'content-length': String(Buffer.byteLength(text)),
    etag: _etag(text),
    'last-modified': (await stat(join(root, name))).mtime.toUTCString(),
    'cache-control': 'no-cache',
    vary: 'Accept',
  }
}

describe('serveOutput', () => {
  it('should listen on 127.0.0.1 on a free port when no port is given', async () => {
    const url = await _start()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it.each([
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
    ['feed.xsl', 'text/xml; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
  ])('should serve %s with exactly the expected headers and bytes', async (name, type) => {
    const url = await _start()
    const value = await _send(url, `/${name}`)
    expect(value).toEqual({ status: 200, headers: await _expectedHeaders(name, type), body: _FILES[name] })
  })

  it('should send the same headers and no body when the method is HEAD', async () => {
    const url = await _start()
    const value = await _send(url, '/rss.xml', { method: 'HEAD' })
    const expected = await _expectedHeaders('rss.xml', 'application/rss+xml; charset=utf-8')
    expect(value).toEqual({ status: 200, headers: expected, body: '' })
  })

  it('should serve index.html when the URL names the root or a folder', async () => {
    const url = await _start()
    expect((await _send(url, '/')).body).toBe(_FILES['index.html'])
    expect((await _send(url, '/politik/')).body).toBe('<p>Politik</p>')
  })

  it('should redirect to the URL with a slash when a folder is asked for without one', async () => {
    const url = await _start()
    const value = await _send(url, '/politik?x=1')
    expect(value.status).toBe(301)
    expect(value.headers.location).toBe('/politik/?x=1')
  })

  it('should redirect //politik to a path on the same host, never to a protocol-relative URL', async () => {
    const url = await _start()
    const value = await _send(url, '//politik')
    expect(value.status).toBe(301)
    expect(value.headers.location).toBe('/politik/')
  })

  it('should answer 404, not 500, for a path segment too long for the file system', async () => {
    const url = await _start()
    expect((await _send(url, `/${'a'.repeat(300)}`)).status).toBe(404)
    expect((await _send(url, `/politik/${'b'.repeat(300)}/`)).status).toBe(404)
  })

  it.each([
    ['"xyz", {etag}', 304],
    ['{etag}', 304],
    ['*', 304],
    ['"xyz"', 200],
  ])('should answer If-None-Match %j with %i', async (header, expected) => {
    const url = await _start()
    const etag = _etag(_FILES['rss.xml'] ?? '')
    const value = await _send(url, '/rss.xml', {
      headers: { 'if-none-match': header.replace('{etag}', etag) },
    })
    expect(value.status).toBe(expected)
    if (expected === 304) {
      expect(value.body).toBe('')
      expect(value.headers).toEqual({
        etag,
        'last-modified': (await stat(join(root, 'rss.xml'))).mtime.toUTCString(),
        'cache-control': 'no-cache',
      })
    }
  })

  it('should send a new ETag and the new bytes when the file changed after a rebuild', async () => {
    const url = await _start()
    const before = await _send(url, '/feed.json')
    await writeFile(join(root, 'feed.json'), '{"version":"https://jsonfeed.org/version/1.1","title":"Neu"}')
    const value = await _send(url, '/feed.json', {
      headers: { 'if-none-match': String(before.headers.etag) },
    })
    expect(value.status).toBe(200)
    expect(value.headers.etag).not.toBe(before.headers.etag)
    expect(value.body).toContain('Neu')
  })

  it('should notice a change of the same size when the file is old enough to cache its ETag', async () => {
    const url = await _start()
    const path = join(root, 'atom.xml')
    const old = new Date('2024-10-25T10:00:00Z')
    await utimes(path, old, old)
    const before = await _send(url, '/atom.xml')
    expect(
      (await _send(url, '/atom.xml', { headers: { 'if-none-match': String(before.headers.etag) } })).status,
    ).toBe(304)
    await writeFile(path, (_FILES['atom.xml'] ?? '').replace('Atom', 'ATOM'))
    const later = new Date('2024-10-25T10:00:01Z')
    await utimes(path, later, later)
    const value = await _send(url, '/atom.xml', { headers: { 'if-none-match': String(before.headers.etag) } })
    expect(value.status).toBe(200)
    expect(value.body).toContain('ATOM')
  })

  it.each([
    '/../geheim.txt',
    '/%2e%2e/geheim.txt',
    '/%2E%2E%2Fgeheim.txt',
    '/politik/..%2f..%2fgeheim.txt',
    '/..%5cgeheim.txt',
    '/rss.xml%00.html',
    '/politik/../../geheim.txt',
  ])('should refuse %j when it tries to leave the output folder', async (path) => {
    const url = await _start()
    const value = await _send(url, path)
    expect([403, 404]).toContain(value.status)
    expect(value.body).not.toContain('geheim')
  })

  it('should refuse a symbolic link that points outside the output folder', async () => {
    await symlink(join(dir, 'geheim.txt'), join(root, 'link.txt'))
    const url = await _start()
    const value = await _send(url, '/link.txt')
    expect(value.status).toBe(403)
    expect(value.body).not.toContain('geheim')
  })

  it('should answer 404 with a short German text page when the file does not exist', async () => {
    const url = await _start()
    const value = await _send(url, '/fehlt.xml')
    expect(value).toEqual({
      status: 404,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(Buffer.byteLength(value.body)),
        'cache-control': 'no-cache',
      },
      body: '404 – Nicht gefunden: Unter dieser Adresse gibt es im Ausgabeordner keine Datei.\n',
    })
  })

  it('should answer 405 with Allow when the method is not GET or HEAD', async () => {
    const url = await _start()
    const value = await _send(url, '/rss.xml', { method: 'POST' })
    expect(value.status).toBe(405)
    expect(value.headers.allow).toBe('GET, HEAD')
  })

  it('should stop answering when closed', async () => {
    const url = await _start()
    await server?.close()
    await expect(_send(url, '/rss.xml')).rejects.toThrow()
  })

  it('should call onChange once, debounced, when files in the watched folder change', async () => {
    const content = join(dir, 'content')
    await mkdir(content)
    const onChange = vi.fn(async () => {})
    await _start({ dir: content, onChange })
    await writeFile(join(content, 'a.md'), '# A')
    await writeFile(join(content, 'b.md'), '# B')
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 2000 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('should ignore writes into the output folder when it lies inside the watched folder', async () => {
    const onChange = vi.fn(async () => {})
    await _start({ dir, onChange })
    await writeFile(join(root, 'rss.xml'), '<rss/>')
    await writeFile(join(dir, '.versteckt'), 'x')
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(onChange).not.toHaveBeenCalled()
    await writeFile(join(dir, 'kanal.config.json'), '{}')
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 2000 })
  })

  it('should reject and not keep listening when the watched folder does not exist', async () => {
    await expect(
      serveOutput({ root, watch: { dir: join(dir, 'fehlt'), onChange: async () => {} } }),
    ).rejects.toThrow(/ENOENT/)
  })
})

describe('serveOutput live preview', { timeout: 30_000 }, () => {
  const page = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }

  it('should add the live-reload script to pages a browser asks for, never to the files', async () => {
    const content = join(dir, 'content')
    await mkdir(content)
    const url = await _start({ dir: content, onChange: async () => {} })
    const html = await _send(url, '/index.html', { headers: page })
    const feed = await _send(url, '/rss.xml', { headers: page })
    expect(html.body).toBe('<!doctype html><title>Vorschau</title><script src="/__kanal/live.js"></script>')
    expect(feed.body).toContain(
      '<script xmlns="http://www.w3.org/1999/xhtml" src="/__kanal/live.js"></script>\n</rss>',
    )
    expect(feed.headers['content-length']).toBe(String(Buffer.byteLength(feed.body)))
    expect((await _send(url, '/rss.xml')).body).toBe(_FILES['rss.xml'])
    expect(await readFile(join(root, 'index.html'), 'utf8')).toBe(_FILES['index.html'])
    expect((await _send(url, '/__kanal/live.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    )
  })

  it('should tell open pages to reload after a rebuild', async () => {
    const content = join(dir, 'content')
    await mkdir(content)
    const url = await _start({ dir: content, onChange: async () => {} })
    const message = new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(url)
      const outgoing = request({ hostname, port, path: '/__kanal/events' })
      outgoing.on('error', reject)
      outgoing.on('response', (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => {
          text += chunk
          if (text.includes('event: reload')) resolve(text)
        })
        // Connected: now change something.
        void writeFile(join(content, 'a.md'), '# A')
      })
      outgoing.end()
    })
    expect(await message).toContain('event: reload\n')
  })

  it('should show a German error page with the problems until a build succeeds again', async () => {
    const content = join(dir, 'content')
    await mkdir(content)
    const outcomes = [['content/a.md:3:7: date "gestern" is not a date; write it like 2024-10-25'], []]
    const onChange = vi.fn(async () => outcomes.shift())
    const url = await _start({ dir: content, onChange })
    await writeFile(join(content, 'a.md'), 'kaputt')
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 15_000 })
    const failed = await _send(url, '/', { headers: page })
    expect(failed.status).toBe(500)
    expect(failed.body).toContain('<h1>Build fehlgeschlagen</h1>')
    expect(failed.body).toContain(
      '<code>content/a.md:3:7: date &quot;gestern&quot; is not a date; write it like 2024-10-25</code>',
    )
    expect(failed.body).toContain('<script src="/__kanal/live.js"></script>')
    // Feed readers keep getting the last good feed.
    expect((await _send(url, '/rss.xml')).body).toBe(_FILES['rss.xml'])
    await writeFile(join(content, 'a.md'), 'repariert')
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 15_000 })
    const fixed = await _send(url, '/', { headers: page })
    expect(fixed.status).toBe(200)
    expect(fixed.body).toContain('<title>Vorschau</title>')
  })

  it('should refuse a port in use with a usage error naming the port and --port', async () => {
    const url = await _start()
    const port = Number(new URL(url).port)
    await expect(serveOutput({ root, port })).rejects.toThrow(
      new RegExp(`^port ${port} on 127\\.0\\.0\\.1 is already in use; .*--port`),
    )
    await expect(serveOutput({ root, port })).rejects.toBeInstanceOf(UsageError)
  })
})
