import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UsageError } from '../../src/errors.js'
import { MANIFEST, writeOutput } from '../../src/output/write.js'
import { cleanup, makeScenario, snapshotFolder } from '../cli/_scenario.js'

describe('writeOutput', () => {
  let dir: string
  beforeEach(async () => {
    dir = await makeScenario({ 'dist/eigene-datei.txt': 'vom Nutzer\n' })
  })
  afterEach(() => cleanup(dir))

  const out = () => path.join(dir, 'dist')

  it('should write every file and record them in the manifest', async () => {
    const value = [
      { path: 'rss.xml', contents: '<rss/>\n' },
      { path: 'kategorie/politik/rss.xml', contents: '<rss>p</rss>\n' },
    ]
    const expected = [
      { path: 'rss.xml', bytes: 7, changed: true },
      { path: 'kategorie/politik/rss.xml', bytes: 13, changed: true },
    ]
    expect(await writeOutput(out(), value)).toEqual(expected)
    expect(await readFile(path.join(out(), 'kategorie/politik/rss.xml'), 'utf8')).toBe('<rss>p</rss>\n')
    const manifest = JSON.parse(await readFile(path.join(out(), MANIFEST), 'utf8'))
    expect(Object.keys(manifest.files)).toEqual(['rss.xml', 'kategorie/politik/rss.xml'])
  })

  it('should leave files alone when their bytes did not change', async () => {
    const value = [{ path: 'rss.xml', contents: '<rss/>\n' }]
    await writeOutput(out(), value)
    expect(await writeOutput(out(), value)).toEqual([{ path: 'rss.xml', bytes: 7, changed: false }])
  })

  it('should remove files it wrote before and no longer produces, with their empty folders', async () => {
    await writeOutput(out(), [
      { path: 'rss.xml', contents: 'a' },
      { path: 'kategorie/alt/rss.xml', contents: 'b' },
    ])
    await writeOutput(out(), [{ path: 'rss.xml', contents: 'a' }])
    expect(await readdir(out())).toEqual(expect.not.arrayContaining(['kategorie']))
    expect(await readFile(path.join(out(), 'eigene-datei.txt'), 'utf8')).toBe('vom Nutzer\n')
  })

  it('should keep a stale file the user changed after kanal wrote it', async () => {
    await writeOutput(out(), [
      { path: 'rss.xml', contents: 'a' },
      { path: 'alt.xml', contents: 'b' },
    ])
    await writeFile(path.join(out(), 'alt.xml'), 'vom Nutzer geändert')
    await writeOutput(out(), [{ path: 'rss.xml', contents: 'a' }])
    expect(await readFile(path.join(out(), 'alt.xml'), 'utf8')).toBe('vom Nutzer geändert')
  })

  it('should refuse, writing nothing, when a target exists that kanal did not write', async () => {
    await writeFile(path.join(out(), 'atom.xml'), 'von Hand')
    const before = await snapshotFolder(out())
    const value = writeOutput(out(), [
      { path: 'rss.xml', contents: 'neu' },
      { path: 'atom.xml', contents: 'neu' },
    ])
    await expect(value).rejects.toThrow(UsageError)
    await expect(value).rejects.toThrow(/atom\.xml: exists but kanal did not write it/)
    expect(await snapshotFolder(out())).toEqual(before)
  })

  it('should refuse to overwrite a file the user changed after kanal wrote it', async () => {
    await writeOutput(out(), [{ path: 'rss.xml', contents: 'a' }])
    await writeFile(path.join(out(), 'rss.xml'), 'vom Nutzer geändert')
    await expect(writeOutput(out(), [{ path: 'rss.xml', contents: 'b' }])).rejects.toThrow(
      /was changed since kanal wrote it/,
    )
    expect(await readFile(path.join(out(), 'rss.xml'), 'utf8')).toBe('vom Nutzer geändert')
  })

  it('should check new and changed files only, and write nothing when a check fails', async () => {
    const checked: string[] = []
    const record = (file: { path: string }) => void checked.push(file.path)
    await writeOutput(out(), [{ path: 'a.xml', contents: 'a' }], record)
    await writeOutput(
      out(),
      [
        { path: 'a.xml', contents: 'a' },
        { path: 'b.xml', contents: 'b' },
      ],
      record,
    )
    expect(checked).toEqual(['a.xml', 'b.xml'])
    const before = await snapshotFolder(out())
    const failing = writeOutput(out(), [{ path: 'a.xml', contents: 'kaputt' }], () => {
      throw new Error('self-check failed')
    })
    await expect(failing).rejects.toThrow('self-check failed')
    expect(await snapshotFolder(out())).toEqual(before)
  })

  it('should restore the previous output when a write fails midway', async () => {
    await writeOutput(out(), [
      { path: 'a.xml', contents: 'alt a' },
      { path: 'b/c.xml', contents: 'alt c' },
    ])
    const before = await snapshotFolder(out())
    // A file where a folder must go: staging `b/c.xml/d.xml` fails after `a.xml` was staged.
    await mkdir(path.join(out(), 'x'), { recursive: true })
    await writeFile(path.join(out(), 'x', 'blockiert'), '')
    await writeFile(path.join(out(), 'y'), 'keine Mappe')
    const value = writeOutput(out(), [
      { path: 'a.xml', contents: 'neu a' },
      { path: 'b/c.xml', contents: 'neu c' },
      { path: 'y/d.xml', contents: 'geht nicht' },
    ])
    await expect(value).rejects.toThrow()
    const after = await snapshotFolder(out())
    delete after['x/blockiert']
    delete after.y
    const expected = { ...before }
    expect(after).toEqual(expected)
  })
})
