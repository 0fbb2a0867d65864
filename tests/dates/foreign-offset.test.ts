import { afterAll, describe, expect, it } from 'vitest'
import { buildFixture, removeTempDirs } from '../helpers/fixture.js'
import { readWithFeedParser, readWithFeedsmith } from '../helpers/readers.js'

afterAll(removeTempDirs)

describe('parseDate in a build: an offset the zone did not have (issue 23, item 4)', () => {
  it('should warn at the date and keep the instant as written when +0200 is written in February', async () => {
    const { result, read } = await buildFixture('losses/foreign-offset', { cache: false })

    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'content/tagung.md:3:7: "date": +02:00 is not Europe/Berlin\'s offset on 13 February 2014 (+01:00); the instant is taken as written',
    ])
    const instants = [Date.parse('2014-07-03T16:00:00Z'), Date.parse('2014-02-13T08:57:44Z')]
    expect((await readWithFeedsmith(read('rss.xml'), 'rss')).items.map((item) => item.instant)).toEqual(
      instants,
    )
    expect((await readWithFeedParser(read('atom.xml'))).items.map((item) => item.instant)).toEqual(instants)
    expect(read('rss.xml')).toContain('<pubDate>Thu, 13 Feb 2014 09:57:44 +0100</pubDate>')
  })

  it('should fail the build with --strict, as every warning does', async () => {
    const { result } = await buildFixture('losses/foreign-offset', { cache: false, strict: true })

    expect(result.ok).toBe(false)
    expect(result.files).toEqual([])
  })
})
