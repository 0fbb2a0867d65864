import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed as parseWithFeedParser } from '@rowanmanning/feed-parser'
import { parseFeed as parseWithFeedsmith } from 'feedsmith'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'

/** Builds the categories fixture with `browserView` on or off and returns a reader of its output. */
async function _buildWith(browserView: boolean): Promise<(file: string) => Promise<string>> {
  const dir = await copyFixture('syndication/categories')
  const configFile = path.join(dir, 'kanal.config.json')
  const config = JSON.parse(await readFile(configFile, 'utf8'))
  await writeFile(configFile, JSON.stringify({ ...config, browserView }))
  const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
  expect(result.ok).toBe(true)
  return (file) => readFile(path.join(dir, 'dist', file), 'utf8')
}

// Each library's whole result, as plain data: the view must change nothing a reader sees.
const _PARSERS = [
  { name: 'feedsmith', parse: async (text: string) => parseWithFeedsmith(text) },
  { name: 'rss-parser', parse: (text: string) => new Parser().parseString(text) },
  {
    name: '@rowanmanning/feed-parser',
    parse: async (text: string) => JSON.parse(JSON.stringify(parseWithFeedParser(text))),
  },
]

const _FILES = ['rss.xml', 'atom.xml', 'kategorie/aussenpolitik/rss.xml', 'kategorie/aussenpolitik/atom.xml']

let withView: (file: string) => Promise<string>
let without: (file: string) => Promise<string>

beforeAll(async () => {
  ;[withView, without] = await Promise.all([_buildWith(true), _buildWith(false)])
}, 60_000)

afterAll(async () => {
  await removeTempDirs()
})

describe('the browser view in the feeds', () => {
  it.each(_FILES.flatMap((file) => _PARSERS.map((parser) => ({ file, ...parser }))))(
    'should leave what $name reads from $file exactly as without the view',
    async ({ file, parse }) => {
      const viewed = await withView(file)
      const plain = await without(file)
      expect(viewed).toContain('<script src="')
      expect(plain).not.toContain('<script')

      const value = await parse(viewed)

      expect(value).toEqual(await parse(plain))
    },
  )
})
