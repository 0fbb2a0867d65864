import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { pingHubs } from '../../src/websub/ping.js'

/** One request a test hub received. */
interface _Received {
  method: string
  path: string
  contentType: string | undefined
  body: string
}

/** A real local hub on a free port; `answer` decides each response by the request's path. */
interface _Hub {
  url: string
  received: _Received[]
}

const _servers: Array<{ close(): void; closeAllConnections(): void }> = []

afterEach(() => {
  for (const server of _servers.splice(0)) {
    server.closeAllConnections()
    server.close()
  }
})

async function _startHub(answer: (request: _Received, response: ServerResponse) => void): Promise<_Hub> {
  const received: _Received[] = []
  const server = createServer(async (request: IncomingMessage, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    const entry = {
      method: request.method ?? '',
      path: request.url ?? '',
      contentType: request.headers['content-type'],
      body,
    }
    received.push(entry)
    answer(entry, response)
  })
  _servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, received }
}

const _status = (status: number) => (_: _Received, response: ServerResponse) => {
  response.statusCode = status
  response.end()
}

const _fast = { backoffMs: 1 }

describe('pingHubs', () => {
  it('should send one form-encoded publish ping per hub and feed URL when every hub accepts', async () => {
    const hub = await _startHub(_status(204))
    const hubs = [`${hub.url}/a`, `${hub.url}/b`]
    const feeds = ['https://example.de/rss.xml', 'https://example.de/feed.json?x=1&y=ä b']
    const value = await pingHubs(hubs, feeds, _fast)
    const expected = hubs.flatMap((url) =>
      feeds.map((feedUrl) => ({ hub: url, feedUrl, ok: true, status: 204, attempts: 1 })),
    )
    expect(value).toEqual(expected)
    const requests = [...hub.received].sort((x, y) => (x.path + x.body < y.path + y.body ? -1 : 1))
    expect(requests).toEqual([
      {
        method: 'POST',
        path: '/a',
        contentType: 'application/x-www-form-urlencoded',
        body: 'hub.mode=publish&hub.url=https%3A%2F%2Fexample.de%2Ffeed.json%3Fx%3D1%26y%3D%C3%A4+b',
      },
      {
        method: 'POST',
        path: '/a',
        contentType: 'application/x-www-form-urlencoded',
        body: 'hub.mode=publish&hub.url=https%3A%2F%2Fexample.de%2Frss.xml',
      },
      {
        method: 'POST',
        path: '/b',
        contentType: 'application/x-www-form-urlencoded',
        body: 'hub.mode=publish&hub.url=https%3A%2F%2Fexample.de%2Ffeed.json%3Fx%3D1%26y%3D%C3%A4+b',
      },
      {
        method: 'POST',
        path: '/b',
        contentType: 'application/x-www-form-urlencoded',
        body: 'hub.mode=publish&hub.url=https%3A%2F%2Fexample.de%2Frss.xml',
      },
    ])
    expect(new URLSearchParams(requests[0]?.body).get('hub.url')).toBe(feeds[1])
  })

  it('should ping each pair once when hubs or feed URLs repeat', async () => {
    const hub = await _startHub(_status(202))
    const value = await pingHubs(
      [hub.url, hub.url],
      ['https://example.de/rss.xml', 'https://example.de/rss.xml'],
    )
    expect(value).toHaveLength(1)
    expect(hub.received).toHaveLength(1)
  })

  it('should succeed on the third attempt when the hub fails twice first', async () => {
    const hub = await _startHub((_, response) => {
      response.statusCode = hub.received.length <= 2 ? 503 : 202
      response.end()
    })
    const value = await pingHubs([hub.url], ['https://example.de/rss.xml'], _fast)
    expect(value).toEqual([
      { hub: hub.url, feedUrl: 'https://example.de/rss.xml', ok: true, status: 202, attempts: 3 },
    ])
    expect(hub.received).toHaveLength(3)
  })

  it('should give up after retries + 1 attempts when the hub always answers 500', async () => {
    const hub = await _startHub((_, response) => {
      response.statusCode = 500
      response.end('Hub kaputt')
    })
    const value = await pingHubs([hub.url], ['https://example.de/rss.xml'], { ..._fast, retries: 3 })
    expect(value).toEqual([
      {
        hub: hub.url,
        feedUrl: 'https://example.de/rss.xml',
        ok: false,
        status: 500,
        attempts: 4,
        error: 'hub answered 500 Internal Server Error: Hub kaputt',
      },
    ])
    expect(hub.received).toHaveLength(4)
  })

  it('should retry when the hub answers 429', async () => {
    const hub = await _startHub((_, response) => {
      response.statusCode = hub.received.length === 1 ? 429 : 204
      response.end()
    })
    const [value] = await pingHubs([hub.url], ['https://example.de/rss.xml'], _fast)
    expect(value).toMatchObject({ ok: true, status: 204, attempts: 2 })
  })

  it('should report a timeout after every attempt when the hub never answers', async () => {
    const hub = await _startHub(() => {})
    const started = Date.now()
    const [value] = await pingHubs([hub.url], ['https://example.de/rss.xml'], {
      ..._fast,
      timeoutMs: 50,
      retries: 1,
    })
    expect(value).toEqual({
      hub: hub.url,
      feedUrl: 'https://example.de/rss.xml',
      ok: false,
      attempts: 2,
      error: 'no answer within 50 ms',
    })
    expect(hub.received).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('should not retry when the hub answers 404', async () => {
    const hub = await _startHub(_status(404))
    const [value] = await pingHubs([hub.url], ['https://example.de/rss.xml'], _fast)
    expect(value).toEqual({
      hub: hub.url,
      feedUrl: 'https://example.de/rss.xml',
      ok: false,
      status: 404,
      attempts: 1,
      error: 'hub answered 404 Not Found',
    })
    expect(hub.received).toHaveLength(1)
  })

  it('should report the redirect without following it when the hub moved', async () => {
    const hub = await _startHub((_, response) => {
      response.writeHead(301, { location: 'https://hub.example.de/' })
      response.end()
    })
    const [value] = await pingHubs([hub.url], ['https://example.de/rss.xml'], _fast)
    expect(value).toMatchObject({ ok: false, status: 301, attempts: 1 })
    expect(value?.error).toContain('https://hub.example.de/')
    expect(hub.received).toHaveLength(1)
  })

  it('should retry and then report the network error when nothing listens on the port', async () => {
    const hub = await _startHub(_status(204))
    for (const server of _servers.splice(0)) server.close()
    const [value] = await pingHubs([hub.url], ['https://example.de/rss.xml'], { ..._fast, retries: 1 })
    expect(value).toMatchObject({ ok: false, attempts: 2 })
    expect(value?.status).toBeUndefined()
    expect(value?.error).toContain('ECONNREFUSED')
  })

  it('should not send anything when the hub is not an http(s) URL', async () => {
    const value = await pingHubs(['mailto:hub@example.de', 'kein hub'], ['https://example.de/rss.xml'])
    expect(value.map(({ ok, attempts, error }) => ({ ok, attempts, error }))).toEqual([
      { ok: false, attempts: 0, error: 'hub is not an http(s) URL' },
      { ok: false, attempts: 0, error: 'hub is not an http(s) URL' },
    ])
  })

  it('should use the given fetch and never throw when that fetch throws', async () => {
    const calls: string[] = []
    const value = await pingHubs(['https://hub.example.de/'], ['https://example.de/rss.xml'], {
      ..._fast,
      retries: 1,
      fetch: async (input) => {
        calls.push(String(input))
        throw new Error('kaputt')
      },
    })
    expect(calls).toEqual(['https://hub.example.de/', 'https://hub.example.de/'])
    expect(value).toEqual([
      {
        hub: 'https://hub.example.de/',
        feedUrl: 'https://example.de/rss.xml',
        ok: false,
        attempts: 2,
        error: 'kaputt',
      },
    ])
  })

  it('should return no outcomes when there are no hubs', async () => {
    expect(await pingHubs([], ['https://example.de/rss.xml'])).toEqual([])
  })
})
