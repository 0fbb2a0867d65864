import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../src/config.js'
import type { Article } from '../../src/content/article.js'
import { findTarget, type Referrer } from '../../src/render/_find-target.js'
import { LinkTargets } from '../../src/render/link-targets.js'
import type { ReferenceKind } from '../../src/render/reference-marker.js'

const SITE = 'https://www.beispiel.de/blog/'

/** The site's articles by file below `root`, each with a URL made from its file. */
function targetsOf(root: string, files: string[], from: Config['from']): LinkTargets {
  const targets = new LinkTargets({ from } as Config)
  for (const file of files) {
    const article = { source: { path: path.join(root, file), file }, url: `${SITE}${file}/` }
    targets.add(article as unknown as Article)
  }
  return targets
}

function find(targets: LinkTargets, referrer: Referrer, kind: ReferenceKind, target: string) {
  const found = findTarget({ kind, target, line: 0 }, referrer, targets)
  if ('target' in found)
    return { file: found.target.file, ...(found.fragment ? { fragment: found.fragment } : {}) }
  return found
}

describe('findTarget', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'kanal-refs-'))
    await writeFile(path.join(root, 'plan.pdf'), 'PDF')
    await writeFile(path.join(root, 'about.md'), '---\ntitle: Über uns\n---\n')
  })
  afterAll(() => rm(root, { recursive: true, force: true }))

  describe('Jekyll', () => {
    const files = [
      '_posts/2024-01-05-wahl.md',
      '_posts/thueringen/2024-02-01-landtag.markdown',
      'sachsen/_posts/2024-02-02-landtag.md',
    ]
    const referrer = (): Referrer => ({
      path: `${root.split(path.sep).join('/')}/_posts/2024-03-01-verweise.md`,
      relative: '2024-03-01-verweise.md',
      url: `${SITE}verweise/`,
      siteUrl: SITE,
    })

    it('should find a post by name, with its folder below or above _posts/, as post_url does', () => {
      const targets = targetsOf(root, files, 'jekyll')
      expect(find(targets, referrer(), 'post_url', '2024-01-05-wahl')).toEqual({ file: files[0] })
      expect(find(targets, referrer(), 'post_url', '/thueringen/2024-02-01-landtag')).toEqual({
        file: files[1],
      })
      expect(find(targets, referrer(), 'post_url', 'sachsen/2024-02-02-landtag')).toEqual({ file: files[2] })
      expect(find(targets, referrer(), 'post_url', '2024-02-01-landtag')).toHaveProperty('missing')
      expect(find(targets, referrer(), 'post_url', 'wahl')).toEqual({
        missing:
          '"wahl" is no post name (YYYY-MM-DD-title); write the post\'s file name without its extension',
      })
    })

    it("should find an article by its path from the site's folder, and give a plain file its site URL, as link does", () => {
      const targets = targetsOf(root, files, 'jekyll')
      expect(find(targets, referrer(), 'link', '_posts/2024-01-05-wahl.md')).toEqual({ file: files[0] })
      expect(find(targets, referrer(), 'link', '/_posts/2024-01-05-wahl.md')).toEqual({ file: files[0] })
      expect(find(targets, referrer(), 'link', 'plan.pdf')).toEqual({ url: `${SITE}plan.pdf` })
      expect(find(targets, referrer(), 'link', 'about.md')).toEqual({
        missing:
          'about.md is no article kanal publishes (a page, or a draft in _drafts/), so its URL is unknown; write the URL, or link a published article',
      })
      expect(find(targets, referrer(), 'link', '_posts/2024-01-05-wahl.markdown')).toHaveProperty('missing')
      expect(find(targets, referrer(), 'link', `../${path.basename(root)}/plan.pdf`)).toEqual({
        missing: `../${path.basename(root)}/plan.pdf leads out of the site's folder; write a path from the site's folder`,
      })
    })
  })

  describe('Hugo', () => {
    const files = [
      'content/posts/wahl.md',
      'content/posts/technik/Alfawise_U50.md',
      'content/posts/reise/index.md',
      'content/seiten/wahl.md',
      'content/posts/einmalig.md',
    ]
    const referrer = (): Referrer => ({
      path: `${root.split(path.sep).join('/')}/content/posts/verweise.md`,
      relative: 'verweise.md',
      url: `${SITE}posts/verweise/`,
      siteUrl: SITE,
    })

    it('should look relative to the page first, then from content/, as ref does', () => {
      const targets = targetsOf(root, files, 'hugo')
      expect(find(targets, referrer(), 'ref', 'wahl.md')).toEqual({ file: files[0] })
      expect(find(targets, referrer(), 'ref', 'wahl')).toEqual({ file: files[0] })
      expect(find(targets, referrer(), 'ref', 'seiten/wahl.md')).toEqual({ file: files[3] })
      expect(find(targets, referrer(), 'ref', '/seiten/wahl')).toEqual({ file: files[3] })
      expect(find(targets, referrer(), 'ref', '/posts/technik/alfawise_u50.md#teil')).toEqual({
        file: files[1],
        fragment: 'teil',
      })
    })

    it('should find a page bundle by its folder and a page by its unique file name', () => {
      const targets = targetsOf(root, files, 'hugo')
      expect(find(targets, referrer(), 'ref', 'posts/reise')).toEqual({ file: files[2] })
      expect(find(targets, referrer(), 'ref', '/posts/reise/')).toEqual({ file: files[2] })
      expect(find(targets, referrer(), 'ref', 'reise')).toEqual({ file: files[2] })
      expect(find(targets, referrer(), 'ref', 'Alfawise_U50.md')).toEqual({ file: files[1] })
    })

    it('should name the articles when a file name alone is ambiguous, and say what to write', () => {
      const referrerElsewhere = {
        ...referrer(),
        path: `${root.split(path.sep).join('/')}/content/x.md`,
        relative: 'x.md',
      }
      const targets = targetsOf(root, files, 'hugo')
      expect(find(targets, referrerElsewhere, 'ref', 'wahl.md')).toEqual({
        missing:
          '"wahl.md" names 2 articles (content/posts/wahl.md, content/seiten/wahl.md); write its path below the content folder',
      })
      expect(find(targets, referrer(), 'ref', 'fehlt')).toHaveProperty('missing')
    })
  })

  it('should know no article of a site without template code', () => {
    const targets = targetsOf('/s', ['content/a.md'], undefined)
    expect(targets.named('a')).toEqual([])
  })
})
