import { readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseFeed } from 'feedsmith'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { copyFixture, FIXED_NOW, removeTempDirs } from '../helpers/fixture.js'

afterAll(removeTempDirs)

const WARNINGS = [
  'content/roh.md:8: removed the link target "vbscript:msgbox(1)": the scheme "vbscript:" is not one kanal keeps (http, https, mailto, tel, webcal, irc, ircs, xmpp, sms, geo, ftp, news, magnet); the link keeps only its text',
  'content/treffen.md:9: removed the link target "javascript:alert(1)": the scheme "javascript:" is not one kanal keeps (http, https, mailto, tel, webcal, irc, ircs, xmpp, sms, geo, ftp, news, magnet); the link keeps only its text',
  'content/treffen.md:11: removed the image or media source "data:image/png;base64,iVBORw0KGgo=": the scheme "data:" is not one kanal keeps (http, https, mailto, tel, webcal, irc, ircs, xmpp, sms, geo, ftp, news, magnet); an image without another source is left out',
]

function atomContents(dir: string): string[] {
  const parsed = parseFeed(readFileSync(path.join(dir, 'dist/atom.xml'), 'utf8'))
  if (parsed.format !== 'atom') throw new Error(`not Atom: ${parsed.format}`)
  return (parsed.feed.entries ?? []).map((entry) =>
    String((entry.content as { value?: string } | undefined)?.value ?? ''),
  )
}

describe('renderArticles: link targets and image sources (issue 23, item 2)', () => {
  it('should keep webcal, irc, xmpp and ftp links and warn at the line of each target it removes', async () => {
    const dir = await copyFixture('losses/link-schemes')

    const result = await build({ cwd: dir, now: FIXED_NOW })

    expect(result.ok).toBe(true)
    expect(result.warnings.map((warning) => warning.message)).toEqual(WARNINGS)
    const [treffen, roh] = atomContents(dir)
    expect(treffen).toContain('<a href="webcal://verein.example.de/termine.ics">Konferenzorgakalender</a>')
    expect(treffen).toContain('<a href="irc://irc.libera.chat/#verein">Chat</a>')
    expect(treffen).toContain('<a href="xmpp:verein@muc.example.de?join">Jabber</a>')
    expect(treffen).toContain('Vorsicht vor diesem Link.')
    expect(treffen).not.toContain('data:')
    expect(roh).toContain('<a href="ftp://ftp.example.de/pub/">unserem FTP-Server</a>')
    expect(roh).not.toContain('vbscript')
  })

  it('should warn again when the bodies would come from the cache', async () => {
    const dir = await copyFixture('losses/link-schemes')
    await build({ cwd: dir, now: FIXED_NOW })
    // A new article makes the build run again (not "up to date"); the two bodies are unchanged.
    await writeFile(path.join(dir, 'content/neu.md'), '---\ntitle: Neu\ndate: 2024-03-06\n---\n\nText.\n')
    const again = await build({ cwd: dir, now: FIXED_NOW })

    expect(again.stats.upToDate).toBeFalsy()
    expect(again.stats.renderReused).toBe(0)
    expect(again.warnings.map((warning) => warning.message)).toEqual(WARNINGS)
  })
})
