import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_CATEGORIES } from '../../src/content/_to-article.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { article, buildSite, SITE_CONFIG } from './_site.js'

afterAll(removeTempDirs)

function names(count: number, prefix: string): string[] {
  return Array.from({ length: count }, (_, index) => `  - ${prefix} ${index}`)
}

function totalBytes(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size
  }
  return total
}

describe('categories of one article', () => {
  it('should stop with one error at the key and write nothing when an article has more than 100 categories', async () => {
    const lines = ['title: Alles', 'date: 2024-10-25', 'categories:', ...names(2_000, 'Thema')]
    const built = await buildSite({ 'content/alles.md': article(lines) })

    expect(built.result.ok).toBe(false)
    expect(built.result.errors).toHaveLength(1)
    expect(built.result.errors[0]?.location).toEqual({ file: 'content/alles.md', line: 4, column: 12 })
    expect(built.result.errors[0]?.reason).toBe(
      `an article may have at most ${MAX_CATEGORIES} categories (got 2,000): each makes a feed that lists them all; keep the ones readers subscribe to`,
    )
    expect(existsSync(path.join(built.dir, 'dist'))).toBe(false)
  })

  it('should count "category" and "categories" together and point at "category" when only it is given', async () => {
    const lines = ['title: Alles', 'date: 2024-10-25', 'category:', ...names(101, 'Thema')]
    const built = await buildSite({ 'content/alles.md': article(lines) })

    expect(built.result.errors.map((error) => error.location.line)).toEqual([4])
  })

  it('should stop when an article has more than 100 tags and tag feeds are on', async () => {
    const lines = ['title: Alles', 'date: 2024-10-25', 'tags:', ...names(101, 'Schlagwort')]
    const built = await buildSite({ 'content/alles.md': article(lines) }, { ...SITE_CONFIG, tagFeeds: true })

    expect(built.result.errors[0]?.reason).toMatch(/^an article may have at most 100 tags \(got 101\)/)
  })

  it('should build 100 categories, each feed listing all of them, in a bounded output', async () => {
    const lines = ['title: Alles', 'date: 2024-10-25', 'categories:', ...names(MAX_CATEGORIES, 'Thema')]
    const built = await buildSite({ 'content/alles.md': article(lines) })

    expect(built.result.errors).toEqual([])
    const feed = parseFeed(built.read('kategorie/thema-99/atom.xml'))
    if (feed.format !== 'atom') throw new Error(`expected Atom, got ${feed.format}`)
    expect(feed.feed.entries?.[0]?.categories).toHaveLength(MAX_CATEGORIES)
    // 101 feeds in three formats, each repeating 100 categories: a few megabytes at most.
    expect(totalBytes(path.join(built.dir, 'dist'))).toBeLessThan(8_000_000)
  })
})
