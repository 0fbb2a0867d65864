import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'
import { article, buildSite } from './_site.js'

afterAll(removeTempDirs)

const FRONT = ['title: Wahl', 'date: 2024-10-25']

describe('renderArticles with an unclosed <script>', () => {
  it('should warn at the file line of a bare <script> that swallows the rest of the article', async () => {
    const body = ['Erster Absatz.', '', '<script>', '', 'Zweiter Absatz, der verloren geht.'].join('\n')
    const built = await buildSite({ 'content/wahl.md': article(FRONT, body) })

    expect(built.result.errors).toEqual([])
    expect(built.result.warnings).toHaveLength(1)
    const [warning] = built.result.warnings
    // Front matter on lines 1-4, a blank line 5, the body from line 6: <script> is on line 8.
    expect(warning?.location).toEqual({ file: 'content/wahl.md', line: 8 })
    expect(warning?.reason).toMatch(/^<script> is never closed, so everything after it is dropped/)
    expect(built.read('feed.json')).not.toContain('Zweiter Absatz')
  })

  it('should warn again when a cached rebuild renders the changed site', async () => {
    const body = ['Erster Absatz.', '', '<script>', '', 'Rest.'].join('\n')
    const built = await buildSite({
      'content/wahl.md': article(FRONT, body),
      'content/b.md': article(['title: B', 'date: 2024-10-20']),
    })
    const options = { cwd: built.dir, now: FIXED_NOW, cache: path.join(built.dir, 'cache') }
    await build(options)
    await writeFile(path.join(built.dir, 'content/b.md'), article(['title: B2', 'date: 2024-10-20']))

    const value = await build(options)

    expect(value.warnings.map((warning) => warning.location.line)).toEqual([8])
  })

  it('should warn when an unclosed <style> sits inside a paragraph', async () => {
    const built = await buildSite({ 'content/wahl.md': article(FRONT, 'Text <style> und mehr.') })

    expect(built.result.warnings.map((warning) => warning.location.line)).toEqual([6])
  })

  it('should not warn when the script is closed or shown as code', async () => {
    const body = ['<script>alert(1)</script>', '', 'Text mit `<script>` als Code.', '', '    <script>'].join(
      '\n',
    )
    const built = await buildSite({ 'content/wahl.md': article(FRONT, body) })

    expect(built.result.warnings).toEqual([])
    expect(built.read('feed.json')).toContain('als Code')
  })
})
