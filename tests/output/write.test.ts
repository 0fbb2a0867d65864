import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
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

  it('should stage nothing inside the output folder while it writes', async () => {
    const seen: string[] = []
    function* files() {
      for (const name of ['rss.xml', 'kategorie/a/rss.xml', 'kategorie/b/rss.xml']) {
        yield { path: name, contents: `<rss>${name}</rss>\n` }
      }
      // Every file is staged by now: none of it may be in the published tree.
      seen.push(...listAll(out()))
    }
    await writeOutput(out(), files())
    expect(seen).toEqual(['eigene-datei.txt'])
    expect(listAll(out()).sort()).toEqual(
      [
        '.kanal-manifest.json',
        'eigene-datei.txt',
        'kategorie/a/rss.xml',
        'kategorie/b/rss.xml',
        'rss.xml',
      ].sort(),
    )
    // The work folder beside the output folder is gone after the build.
    expect(await readdir(dir)).toEqual(['dist'])
  })

  it('should remove leftovers of killed builds of earlier versions, and only where kanal writes', async () => {
    await writeOutput(out(), [{ path: 'kategorie/a/rss.xml', contents: 'a' }])
    const dead = deadPid()
    const leftovers = [`rss.xml.kanal-tmp-${dead}`, `kategorie/a/rss.xml.kanal-old-${dead}`]
    const foreign = [`eigene-datei.txt.kanal-tmp-${dead}`, `notizen.kanal-tmp-${dead}`, 'rss.xml.kanal-tmp-x']
    for (const name of [...leftovers, ...foreign]) await writeFile(path.join(out(), name), 'halb')
    await writeOutput(out(), [
      { path: 'rss.xml', contents: 'r' },
      { path: 'kategorie/a/rss.xml', contents: 'a' },
    ])
    const left = listAll(out())
    for (const name of leftovers) expect(left).not.toContain(name)
    // Not a path kanal writes (the user's file, an unknown one) or not a process id: not kanal's.
    for (const name of foreign) expect(left).toContain(name)
  })

  it('should remove only the files it moved in when a rename fails, keeping what another build put there', async () => {
    await writeOutput(out(), [{ path: 'a.xml', contents: 'alt a' }])
    const before = await snapshotFolder(out())
    function* files() {
      yield { path: 'a.xml', contents: 'neu a' }
      yield { path: 'n/neu.xml', contents: 'neu' }
      yield { path: 'n/m/tief.xml', contents: 'tief' }
      // After planning: another process puts a file into the folder this build creates, and a folder
      // where this build's last file goes, so its rename fails after the others were moved in.
      mkdirSync(path.join(out(), 'n/m'), { recursive: true })
      writeFileSync(path.join(out(), 'n/fremd.xml'), 'von einem anderen Build')
      mkdirSync(path.join(out(), 'z.xml/voll'), { recursive: true })
      yield { path: 'z.xml', contents: 'geht nicht' }
    }
    await expect(writeOutput(out(), files())).rejects.toThrow()
    const after = await snapshotFolder(out())
    expect(after['n/fremd.xml']).toBeDefined()
    delete after['n/fremd.xml']
    expect(after).toEqual(before)
    expect(listAll(out())).not.toContain('n/neu.xml')
    expect(await readdir(dir)).toEqual(['dist'])
  })
})

/** Every file below `dir` (relative, with `/`), hidden ones included. */
function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
}

/** The id of a process that ran and has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0'])
  return child.pid as number
}
