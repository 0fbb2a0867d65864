import { sha256 } from '../hash.js'
import { describeLookup, locateImage } from '../media/image-place.js'
import type { BodyJob, BodyRenderer, RenderedBody } from '../render/article-body.js'
import { hasReferences } from '../render/reference-marker.js'
import type { BuildStats } from '../stats.js'
import type { ArticleCache } from './_cache.js'
import { type HashedBody, toContentError } from './_jobs.js'
import { renderKey } from './_keys.js'
import type { JobPool } from './_pool.js'

/**
 * The renderer a build with the cache uses: a body whose hash the cache knows, unchanged, comes from
 * the cache's HTML store without being read at all; the rest is rendered, shared between threads,
 * and stored.
 */
export class CachedRenderer {
  /**
   * The render key of each body this build knows, by article URL: it stands for the HTML it names. Not
   * of a body linking other articles: its output also holds their URLs (`resolveReferences`).
   */
  readonly keys = new Map<string, string>()
  readonly #cache: ArticleCache
  readonly #pool: JobPool
  readonly #stats: BuildStats

  constructor(cache: ArticleCache, pool: JobPool, stats: BuildStats) {
    this.#cache = cache
    this.#pool = pool
    this.#stats = stats
  }

  readonly render: BodyRenderer = async (jobs) => {
    const outcomes: RenderedBody[] = new Array(jobs.length)
    const misses: number[] = []
    for (const [index, job] of jobs.entries()) {
      const stored = this.#stored(job)
      if (stored) outcomes[index] = stored
      else misses.push(index)
    }
    const rendered = await this.#pool.render(misses.map((index) => jobs[index] as BodyJob))
    for (const [position, outcome] of rendered.entries()) {
      const index = misses[position] as number
      outcomes[index] = this.#learn(jobs[index] as BodyJob, outcome)
    }
    return outcomes
  }

  #stored(job: BodyJob): RenderedBody | undefined {
    const bodyHash = this.#cache.index.bodyHash(job.source.relative)
    if (!bodyHash) return undefined
    const key = renderKey(bodyHash, job)
    const body = this.#cache.html.get(key)
    if (body === undefined) return undefined
    // Image paths resolved by files beside the article: the HTML holds only while they find the same.
    const files = body.lookups && _lookedAgain(body.lookups, job)
    if (files === null) return undefined
    this.#stats.renderReused++
    if (!hasReferences(body.html)) this.keys.set(job.articleUrl, _bodyKey(key, body.lookups))
    const images = files && body.lookups ? { images: { files, missing: [], lookups: body.lookups } } : {}
    return { ok: true, html: body.html, summary: body.summary, removed: 0, ...images }
  }

  #learn(job: BodyJob, outcome: HashedBody): RenderedBody {
    if (!outcome.ok) return { ok: false, error: toContentError(outcome.error) }
    this.#stats.rendered++
    const { bodyHash, ...body } = outcome
    this.#cache.index.learnBodyHash(job.source.relative, bodyHash)
    // Text that needed cleaning, left out template code, lost a link target or its end to an unclosed
    // tag is not stored: its warning must come again with every build. Nor is a body with an include
    // inlined (the include may change), or one naming an image file that does not exist.
    const missing = body.images && body.images.missing.length > 0 ? body.images : undefined
    const warned = body.leftOut ?? body.removedTargets ?? body.unclosed ?? body.inlined ?? body.jsx ?? missing
    if (body.removed === 0 && warned === undefined) {
      const key = renderKey(bodyHash, job)
      const lookups = body.images?.lookups
      this.#cache.html.put(key, { html: body.html, summary: body.summary, ...(lookups ? { lookups } : {}) })
      if (!hasReferences(body.html)) this.keys.set(job.articleUrl, _bodyKey(key, lookups))
    }
    return body
  }
}

/** The files of the stored lookups when each finds what it found before; null when one does not. */
function _lookedAgain(lookups: [string, string][], job: BodyJob): string[] | null {
  const files: string[] = []
  for (const [reference, found] of lookups) {
    const located = job.images && locateImage(reference, job.images)
    if (describeLookup(located) !== found) return null
    if (located) files.push(located.file)
  }
  return files
}

/** What stands for a body's HTML in output fingerprints: its render key, and what its image lookups found. */
function _bodyKey(key: string, lookups: [string, string][] | undefined): string {
  return lookups === undefined ? key : sha256(`${key}\0${JSON.stringify(lookups)}`)
}
