import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { article, cleanup, makeScenario } from '../cli/_scenario.js'

const NOW = new Date('2026-01-01T00:00:00Z')
const PING = { timeoutMs: 2000, retries: 0, backoffMs: 1 }

describe('notifyHubs through build --ping', () => {
  let server: Server
  let hub: string
  let failing = true
  const received: string[] = []

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => (body += chunk))
      request.on('end', () => {
        received.push(new URLSearchParams(body).get('hub.url') ?? '')
        response.writeHead(failing ? 503 : 204).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('should ping again on the next build the feeds whose ping failed, and then no more', async () => {
    const config = JSON.stringify({
      title: 'Ping',
      siteUrl: 'https://ping.example.de/',
      hubs: [hub],
      categoryFeeds: false,
    })
    const dir = await makeScenario({
      'kanal.config.json': config,
      'content/a.md': article('A', '2024-10-25'),
    })
    const expected = ['rss.xml', 'atom.xml', 'feed.json']
      .map((file) => `https://ping.example.de/${file}`)
      .sort()

    const first = await build({ cwd: dir, now: NOW, cache: false, ping: PING })
    expect(first.warnings).toHaveLength(3)
    expect(received.splice(0).sort()).toEqual(expected)

    failing = false
    const second = await build({ cwd: dir, now: NOW, cache: false, ping: PING })
    expect(second.warnings).toEqual([])
    expect(received.splice(0).sort()).toEqual(expected)

    const third = await build({ cwd: dir, now: NOW, cache: false, ping: PING })
    expect(third.warnings).toEqual([])
    expect(received).toEqual([])
    await cleanup(dir)
  })
})
