import { readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'
import { FORMATS, viewFeed } from './_feeds.js'
import { buildSite, patchConfig, type Site } from './_site.js'

const SITE = 'https://hub.example.de/'
const PING = { timeoutMs: 2000, retries: 0, backoffMs: 1 }

/** `syndication/websub` (archive on, limit 2): the subscription feeds; `archiv/…` pages are not among them. */
const SUBSCRIPTIONS = ['', 'kategorie/politik/', 'kategorie/sport/']
const feedUrls = (folders: string[]) =>
  folders.flatMap((folder) => FORMATS.map(({ file }) => `${SITE}${folder}${file}`)).sort()

/** One request as the hub saw it. */
interface HubRequest {
  method: string | undefined
  path: string | undefined
  contentType: string | undefined
  body: string
}

/** A local WebSub hub that records every request and answers with `status`. */
interface Hub {
  url: string
  requests: HubRequest[]
  close: () => Promise<void>
}

async function startHub(status: number): Promise<Hub> {
  const requests: HubRequest[] = []
  const server: Server = createServer(async (request, response) => {
    let body = ''
    for await (const chunk of request) body += chunk
    requests.push({
      method: request.method,
      path: request.url,
      contentType: request.headers['content-type'],
      body,
    })
    response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? '' : 'Hub kaputt')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** The feed URLs a batch of requests announced, sorted. */
const announced = (requests: HubRequest[]) =>
  requests.map((request) => new URLSearchParams(request.body).get('hub.url') ?? '').sort()

/** A copy of the fixture whose config names `hub`. */
async function siteWithHub(hub: Hub): Promise<string> {
  const dir = await copyFixture('syndication/websub')
  await patchConfig(dir, { hubs: [hub.url] })
  return dir
}

let goodHub: Hub
let badHub: Hub

beforeAll(async () => {
  ;[goodHub, badHub] = await Promise.all([startHub(202), startHub(500)])
})

afterAll(async () => {
  await Promise.all([goodHub.close(), badHub.close()])
  await removeTempDirs()
})

describe('WebSub publish pings when the hub accepts them', () => {
  let dir: string
  const pingsOf = async (run: () => Promise<void>) => {
    goodHub.requests.length = 0
    await run()
    return [...goodHub.requests]
  }

  beforeAll(async () => {
    dir = await siteWithHub(goodHub)
  })

  it('should POST one form-encoded publish ping per subscription feed and format when first built', async () => {
    const value = await pingsOf(async () => {
      const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING })
      expect(result.ok).toBe(true)
      expect(result.warnings).toEqual([])
    })

    expect(announced(value)).toEqual(feedUrls(SUBSCRIPTIONS))
    for (const request of value) {
      const feedUrl = new URLSearchParams(request.body).get('hub.url') ?? ''
      expect(request).toEqual({
        method: 'POST',
        path: '/hub',
        contentType: 'application/x-www-form-urlencoded',
        body: `hub.mode=publish&hub.url=${encodeURIComponent(feedUrl)}`,
      })
    }
  })

  it('should send no ping when rebuilt with unchanged content', async () => {
    const value = await pingsOf(async () => {
      const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING })
      expect(result.ok).toBe(true)
    })

    expect(value).toEqual([])
  })

  it('should ping only the feeds whose bytes changed when one Sport article is edited', async () => {
    const file = path.join(dir, 'content/derby.md')
    await writeFile(file, (await readFile(file, 'utf8')).replace('Nachspielzeit', 'Verlängerung'))

    const value = await pingsOf(async () => {
      const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING })
      expect(result.ok).toBe(true)
      // The edited article's archive page changed too, but archive pages have no subscribers.
      expect(
        result.files.filter((written) => written.changed && written.path.includes('archiv/')),
      ).not.toEqual([])
    })

    expect(announced(value)).toEqual(feedUrls(['', 'kategorie/sport/']))
  })
})

describe('WebSub publish pings with a feedPath', () => {
  it('should announce the feed URLs below feedPath when the output is published there', async () => {
    const dir = await siteWithHub(goodHub)
    await patchConfig(dir, { feedPath: '/feeds/' })
    goodHub.requests.length = 0
    const result = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING })
    expect(result.ok).toBe(true)
    expect(announced(goodHub.requests)).toEqual(
      feedUrls(SUBSCRIPTIONS).map((url) => url.replace(SITE, `${SITE}feeds/`)),
    )
  })
})

describe('WebSub publish pings when the hub fails', () => {
  it('should build ok with one warning per feed naming the hub when the hub answers 500', async () => {
    const dir = await siteWithHub(badHub)
    badHub.requests.length = 0

    const value = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING })

    expect(value.ok).toBe(true)
    expect(value.errors).toEqual([])
    expect(value.warnings).toHaveLength(feedUrls(SUBSCRIPTIONS).length)
    for (const warning of value.warnings) {
      expect(warning.message).toContain(`WebSub hub ${badHub.url}`)
      expect(warning.message).toContain('500')
    }
    expect(announced(badHub.requests)).toEqual(feedUrls(SUBSCRIPTIONS))
  })

  it('should not be ok when the hub answers 500 and strict is set', async () => {
    const dir = await siteWithHub(badHub)

    const value = await build({ cwd: dir, now: FIXED_NOW, cache: false, ping: PING, strict: true })

    expect(value.ok).toBe(false)
    expect(value.warnings.length).toBeGreaterThan(0)
  })
})

describe('hub links in the feeds when hubs are configured', () => {
  let site: Site
  const hubUrl = 'https://pubsubhubbub.example.org/'

  beforeAll(async () => {
    site = await buildSite('syndication/websub', { hubs: [hubUrl] })
    expect(site.result.ok).toBe(true)
  })

  const read = (file: string) => site.read(file)
  const cases = SUBSCRIPTIONS.flatMap((folder) => FORMATS.map(({ file }) => ({ file: `${folder}${file}` })))

  it.each(cases.filter(({ file }) => file.endsWith('rss.xml')))(
    'should announce the hub as atom:link rel="hub" in $file',
    async ({ file }) => {
      const text = await read(file)

      expect(text).toContain(`<atom:link href="${hubUrl}" rel="hub"/>`)
      expect(viewFeed(file, text).links.filter((link) => link.rel === 'hub')).toEqual([
        { rel: 'hub', href: hubUrl },
      ])
    },
  )

  it.each(cases.filter(({ file }) => file.endsWith('atom.xml')))(
    'should announce the hub as link rel="hub" in $file',
    async ({ file }) => {
      const value = viewFeed(file, await read(file)).links.filter((link) => link.rel === 'hub')

      expect(value).toEqual([{ rel: 'hub', href: hubUrl }])
    },
  )

  it.each(cases.filter(({ file }) => file.endsWith('feed.json')))(
    'should announce the hub as hubs: [{type: "WebSub"}] in $file',
    async ({ file }) => {
      const value = JSON.parse(await read(file)).hubs

      expect(value).toEqual([{ type: 'WebSub', url: hubUrl }])
    },
  )
})
