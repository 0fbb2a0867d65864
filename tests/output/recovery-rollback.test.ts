import { createHash } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { finishPublish } from '../../src/output/_publish.js'
import { WORK, workFolder } from '../../src/output/_work-folder.js'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

// A build was killed while it published: its journal says to move one file in and to remove a feed
// it no longer makes. Before the next build finishes that publish, the user wrote into the feed that
// was to go, and put a link where the new file was to land. The publish cannot be finished; rolling
// it back must not put kanal's old copy over what the user wrote.
describe('rolling back a killed publish the user changed since', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'kanal-recovery-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('should keep the file the user wrote, and restore nothing over it', async () => {
    const out = path.join(dir, 'dist')
    const work = workFolder(out)
    await mkdir(path.join(out, 'sport'), { recursive: true })
    await writeFile(path.join(out, 'sport/rss.xml'), '<rss>vom Nutzer</rss>')
    await symlink(path.join(dir, 'anderswo.html'), path.join(out, 'index.html'))
    await mkdir(path.join(work, WORK.stage), { recursive: true })
    await writeFile(path.join(work, WORK.stage, 'index.html'), '<p>neu</p>')
    await mkdir(path.join(work, WORK.old, 'sport'), { recursive: true })
    await writeFile(path.join(work, WORK.old, 'sport/rss.xml'), '<rss>von kanal</rss>')
    const journal = {
      kanal: 1,
      direction: 'forward',
      moves: [{ path: 'index.html', hash: sha256('<p>neu</p>'), replaces: false, backup: false }],
      removals: [{ path: 'sport/rss.xml', hash: sha256('<rss>von kanal</rss>') }],
    }
    await writeFile(path.join(work, WORK.journal), JSON.stringify(journal))

    expect(() => finishPublish(out, work)).toThrow(/could not finish the publish of a build that was stopped/)
    expect(await readFile(path.join(out, 'sport/rss.xml'), 'utf8')).toBe('<rss>vom Nutzer</rss>')
  })
})
