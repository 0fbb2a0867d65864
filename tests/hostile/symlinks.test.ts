import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { build } from '../../src/build.js'
import { FIXED_NOW, makeTempDir, removeTempDirs } from '../helpers/fixture.js'
import { article, SITE_CONFIG } from './_site.js'

afterAll(removeTempDirs)

describe('findArticles with symbolic links', () => {
  it('should name every linked article and folder in one warning when they are skipped', async () => {
    const dir = await makeTempDir()
    await writeFile(path.join(dir, 'kanal.config.json'), JSON.stringify(SITE_CONFIG))
    await mkdir(path.join(dir, 'elsewhere/mehr'), { recursive: true })
    await mkdir(path.join(dir, 'content/.versteckt'), { recursive: true })
    await writeFile(path.join(dir, 'elsewhere/fremd.md'), article(['title: Fremd', 'date: 2024-10-24']))
    await writeFile(path.join(dir, 'content/echt.md'), article(['title: Echt', 'date: 2024-10-25']))
    await symlink(path.join(dir, 'elsewhere/fremd.md'), path.join(dir, 'content/verlinkt.md'))
    await symlink(path.join(dir, 'elsewhere/mehr'), path.join(dir, 'content/ordner'))
    await symlink(path.join(dir, 'elsewhere/fremd.md'), path.join(dir, 'content/.versteckt/x.md'))

    const value = await build({ cwd: dir, now: FIXED_NOW, cache: false })

    expect(value.errors).toEqual([])
    expect(value.articles).toBe(1)
    expect(value.warnings).toHaveLength(1)
    expect(value.warnings[0]?.location).toEqual({ file: 'content/ordner' })
    expect(value.warnings[0]?.reason).toBe(
      'skipped 2 symbolic links in the content folder (content/ordner, content/verlinkt.md): kanal reads only real files and folders there; copy the article in instead',
    )
  })
})
