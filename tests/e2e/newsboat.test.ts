import { spawnSync } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '../cli/_scenario.js'
import { copySite, kanal, OLD_FEEDS } from '../guard/_site.js'
import { removeTempDirs } from '../helpers/fixture.js'

// A real subscriber: newsboat (Debian package `newsboat`) subscribed to a feed by another generator,
// everything read, then the feed at the same URL replaced by kanal's. Marking read is done in its cache
// database with `sqlite3` (Debian package `sqlite3`), as its "mark all read" does.

/** In CI a missing tool is a failure, never a silent skip. */
const IN_CI = !['', '0', 'false'].includes(process.env.CI ?? '')
const MISSING = ['newsboat', 'sqlite3'].filter((command) => !_onPath(command))
const REASON =
  MISSING.length > 0 ? `${MISSING.join(' and ')} not installed (apt-get install ${MISSING.join(' ')})` : ''

afterAll(removeTempDirs)

function _onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, command), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** One newsboat subscriber: its own home, URL list, config and cache database. */
class Subscriber {
  readonly home: string
  readonly cache: string

  constructor(home: string, cache: string) {
    this.home = home
    this.cache = cache
  }

  static async subscribe(dir: string, feedUrl: string, name: string): Promise<Subscriber> {
    const home = path.join(dir, name)
    await mkdir(home, { recursive: true })
    await writeFile(path.join(home, 'urls'), `${feedUrl}\n`)
    await writeFile(path.join(home, 'config'), '')
    return new Subscriber(home, path.join(home, 'cache.db'))
  }

  /** Fetches the feed as newsboat does and returns how many articles it shows as unread. */
  reload(): number {
    const result = spawnSync(
      'newsboat',
      ['-u', 'urls', '-c', this.cache, '-C', 'config', '-x', 'reload', 'print-unread'],
      { cwd: this.home, env: { ...process.env, HOME: this.home }, encoding: 'utf8', timeout: 30_000 },
    )
    const count = /(\d+) unread articles?/.exec(result.stdout)?.[1]
    if (result.status !== 0 || count === undefined)
      throw new Error(`newsboat failed (${result.status}): ${result.stdout}${result.stderr}`)
    return Number(count)
  }

  /** Everything read, as the reader's "mark all read" leaves it. */
  readAll(): void {
    const result = spawnSync('sqlite3', [this.cache, 'UPDATE rss_item SET unread = 0;'], { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`sqlite3 failed: ${result.stderr}`)
  }

  /** A copy of this subscriber with the same read state. */
  async copy(name: string): Promise<Subscriber> {
    const home = path.join(path.dirname(this.home), name)
    await mkdir(home, { recursive: true })
    for (const file of ['urls', 'config', 'cache.db'])
      await copyFile(path.join(this.home, file), path.join(home, file))
    return new Subscriber(home, path.join(home, 'cache.db'))
  }
}

const SWITCHES = [
  { from: 'jekyll-feed.xml', to: 'atom.xml', name: 'jekyll-feed Atom → kanal Atom' },
  { from: 'hugo.xml', to: 'rss.xml', name: 'Hugo RSS → kanal RSS' },
]

describe.skipIf(MISSING.length > 0 && !IN_CI)(
  `a newsboat subscriber after the switch to kanal${REASON && !IN_CI ? ` (skipped: ${REASON})` : ''}`,
  () => {
    for (const { from, to, name } of SWITCHES) {
      it(`should see 0 new articles after adopt and exactly 1 after one new article (${name})`, async () => {
        const dir = await copySite()
        const published = path.join(dir, 'published', 'feed.xml')
        await mkdir(path.dirname(published))
        await copyFile(path.join(OLD_FEEDS, from), published)
        const reader = await Subscriber.subscribe(dir, pathToFileURL(published).href, 'reader')
        expect(reader.reload()).toBe(4)
        reader.readAll()
        expect(reader.reload()).toBe(0)
        const without = await reader.copy('without-adopt')

        // The measured problem: kanal's own ids, and every old article is new again.
        expect((await kanal(dir, ['build'])).code).toBe(0)
        await copyFile(path.join(dir, 'dist', to), published)
        expect(without.reload()).toBe(4)

        // After adopt: nothing new.
        expect((await run(['adopt', path.join(OLD_FEEDS, from)], dir)).code).toBe(0)
        expect((await kanal(dir, ['build', '--against', path.join(OLD_FEEDS, from)])).code).toBe(0)
        await copyFile(path.join(dir, 'dist', to), published)
        expect(reader.reload()).toBe(0)

        // One new article: exactly one.
        await writeFile(
          path.join(dir, 'content/neu.md'),
          '---\ntitle: Ganz neu\ndate: 2024-11-20 08:00\n---\n\nNeu.\n',
        )
        expect((await kanal(dir, ['build'])).code).toBe(0)
        await copyFile(path.join(dir, 'dist', to), published)
        expect(reader.reload()).toBe(1)
      })
    }
  },
)
