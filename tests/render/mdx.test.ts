import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { leaveOutJsx } from '../../src/render/_mdx.js'
import { cleanup, makeScenario } from '../cli/_scenario.js'
import { FIXED_NOW } from '../helpers/fixture.js'
import { readWithFeedsmith, readWithRssParser } from '../helpers/readers.js'

describe('leaveOutJsx', () => {
  it('should leave out imports, exports, component lines and expressions when they stand alone', () => {
    const body = [
      "import Chart from '../../components/Chart.astro'",
      'import {',
      '  Callout,',
      "} from '../../components/ui'",
      'export const quelle = { name: "Amt" }',
      '',
      'Die Zahlen im Überblick:',
      '',
      '<Chart data={werte} />',
      '{/* Kommentar */}',
      'Ende.',
    ].join('\n')
    const { text, leftOut } = leaveOutJsx(body)
    expect(text.split('\n')).toEqual([
      '',
      '',
      '',
      '',
      '',
      '',
      'Die Zahlen im Überblick:',
      '',
      '',
      '',
      'Ende.',
    ])
    expect(leftOut).toEqual({ line: 0, what: "import Chart from '../../components/Chart.astro'", count: 5 })
  })

  it('should keep the Markdown between a component’s tags when they stand on lines of their own', () => {
    const { text, leftOut } = leaveOutJsx('<Callout\n  typ="warnung"\n>\n**Achtung:** Baustelle.\n</Callout>')
    expect(text).toBe('\n\n\n**Achtung:** Baustelle.\n')
    expect(leftOut?.count).toBe(2)
  })

  it('should remove inline tags and expressions but keep code spans when they sit inside a line', () => {
    const { text } = leaveOutJsx('Neu: <Badge>heute</Badge> {jahr} und `{x}` <Icon name="a" />.')
    expect(text).toBe('Neu: heute  und `{x}` .')
  })

  it('should leave fenced code alone when it holds JSX', () => {
    const body = '```jsx\nimport X from "y"\n<Chart />\n```'
    expect(leaveOutJsx(body)).toEqual({ text: body })
  })
})

const SITE: Record<string, string> = {
  'kanal.config.json': JSON.stringify({
    title: 'Sternwarte',
    siteUrl: 'https://sternwarte.example.de/',
    from: 'astro',
    content: 'src/content/blog',
    permalink: '/blog/:path/',
  }),
  'src/content/blog/mondfinsternis.mdx': `---
title: Mondfinsternis über Jena
pubDate: 'Mar 14 2025'
description: Was in der Nacht zu sehen war.
---
import Bild from '../../components/Bild.astro'
import { Hinweis } from '../../components/ui'

Die Mondfinsternis war **gut zu sehen**.

<Bild src="/mond.jpg" alt="Mond" />

<Hinweis>
Nächster Termin: *September*.
</Hinweis>

{/* intern */}
`,
  'src/content/blog/planeten.md': `---
title: Planetenparade
pubDate: 'Feb 28 2025'
---

Sechs Planeten in einer Reihe.
`,
}

describe('.mdx articles in a build', () => {
  let dir: string
  beforeAll(async () => {
    dir = await makeScenario(SITE)
  })
  afterAll(async () => cleanup(dir))

  it('should read an .mdx file as Markdown and warn once at the first left-out line', async () => {
    const result = await build({ cwd: dir, now: FIXED_NOW })
    expect(result.errors).toEqual([])
    expect(result.warnings.map((warning) => `${warning.location.file}:${warning.location.line}`)).toEqual([
      'src/content/blog/mondfinsternis.mdx:6',
    ])
    expect(result.warnings[0]?.reason).toMatch(
      /^left out import Bild from '\.\.\/\.\.\/components\/Bild\.astro' and 5 more pieces of MDX code: /,
    )
    const rss = await readWithRssParser(await readFile(path.join(dir, 'dist/rss.xml'), 'utf8'))
    expect(rss.items.map((item) => item.title)).toEqual(['Mondfinsternis über Jena', 'Planetenparade'])
    const atom = await readWithFeedsmith(await readFile(path.join(dir, 'dist/atom.xml'), 'utf8'), 'atom')
    expect(atom.items[0]?.link).toBe('https://sternwarte.example.de/blog/mondfinsternis/')
    const json = JSON.parse(await readFile(path.join(dir, 'dist/feed.json'), 'utf8'))
    const html: string = json.items[0].content_html
    expect(html).toContain('<strong>gut zu sehen</strong>')
    expect(html).toContain('Nächster Termin: <em>September</em>.')
    expect(html).not.toMatch(/import|Bild|Hinweis|intern/)
  })

  it('should warn again and write the same bytes when a cached build follows', async () => {
    const first = await readFile(path.join(dir, 'dist/feed.json'), 'utf8')
    const again = await build({ cwd: dir, now: FIXED_NOW })
    expect(again.warnings).toHaveLength(1)
    await writeAndBuildWithoutCache(dir)
    expect(await readFile(path.join(dir, 'dist/feed.json'), 'utf8')).toBe(first)
  })
})

async function writeAndBuildWithoutCache(dir: string): Promise<void> {
  const result = await build({ cwd: dir, now: FIXED_NOW, cache: false })
  expect(result.warnings).toHaveLength(1)
}
