import { afterAll, describe, expect, it } from 'vitest'
import { MAX_ALIAS_EXPANSION } from '../../src/content/_alias-expansion.js'
import { removeTempDirs } from '../helpers/fixture.js'
import { article, buildSite } from './_site.js'

afterAll(removeTempDirs)

/** Front matter lines of a "billion laughs" bomb: `levels` lists of nine aliases of the list before. */
function bombLines(levels: number): string[] {
  const names = 'abcdefghijk'
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
  for (let level = 1; level < levels; level++) {
    const alias = `*${names[level - 1]}`
    lines.push(`${names[level]}: &${names[level]} [${Array(9).fill(alias).join(', ')}]`)
  }
  return lines
}

describe('YAML alias bombs', () => {
  it('should report one short error at the first key that expands too far when a 9-level bomb feeds "date"', async () => {
    const lines = ['title: Bombe', ...bombLines(9), 'date: *i']
    const built = await buildSite({ 'content/bombe.md': article(lines) })

    expect(built.result.ok).toBe(false)
    expect(built.result.errors).toHaveLength(1)
    const [error] = built.result.errors
    // 9^5 = 59,049 strings under "e" (line 7) are the first beyond the limit.
    expect(error?.location).toEqual({ file: 'content/bombe.md', line: 7, column: 4 })
    expect(error?.reason).toContain(`more than ${MAX_ALIAS_EXPANSION.toLocaleString('en')} values`)
    expect(error?.message.length).toBeLessThan(300)
    expect(built.result.warnings.length).toBeLessThanOrEqual(9)
  })

  it('should report the key that holds the aliases when only "categories" expands them', async () => {
    const lines = ['title: Bombe', 'date: 2024-10-25', ...bombLines(4).map((line) => `  ${line}`)]
    lines.splice(2, 0, 'x-vorlage:')
    lines.push('categories: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d, *d]')
    const built = await buildSite({ 'content/bombe.md': article(lines) })

    expect(built.result.errors.map((error) => error.location.line)).toEqual([9])
    expect(built.result.errors[0]?.reason).toMatch(/^"categories" expands its YAML aliases/)
  })

  it('should accept aliases that reuse a value a few times when nothing explodes', async () => {
    const lines = [
      'title: Wahl',
      'date: 2024-10-25',
      'categories: &themen [Politik, Erfurt]',
      'tags: *themen',
    ]
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    expect(built.result.errors).toEqual([])
    expect(built.read('feed.json')).toContain('"tags": [\n        "Politik",\n        "Erfurt"\n      ]')
  })

  it('should say a wrong list once when every item of "categories" is wrong', async () => {
    const items = Array.from({ length: 10 }, (_, index) => `  - { name: k${index} }`)
    const lines = ['title: Wahl', 'date: 2024-10-25', 'categories:', ...items]
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    expect(built.result.errors).toHaveLength(1)
    expect(built.result.errors[0]?.reason).toBe(
      '"categories" must be text or a list of texts (got a mapping)',
    )
  })

  it('should quote a short, cut form of a huge value when it is wrong', async () => {
    const items = Array.from({ length: 50_000 }, (_, index) => index).join(', ')
    const lines = ['title: Wahl', `date: [${items}]`]
    const built = await buildSite({ 'content/wahl.md': article(lines) })

    expect(built.result.errors).toHaveLength(1)
    expect(built.result.errors[0]?.reason).toBe(
      '"date" must be a date like 25.10.2024 or 2024-10-25 (got [0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22…)',
    )
  })
})
