import path from 'node:path'
import type { Config } from '../config.js'
import type { ContentError } from '../errors.js'
import { DuplicateCheck } from './_unique.js'
import type { Article } from './article.js'
import type { ArticleReader, ContentFiles, ReadArticle } from './read-article.js'

/** What loading found besides the articles themselves (which go to `accept` one by one). */
export interface LoadedContent {
  /** Files found. */
  count: number
  errors: ContentError[]
  warnings: ContentError[]
}

/** Where to load from, and with what. */
export interface LoadInput {
  contentDir: string
  /** The article files below `contentDir` (from `findArticles`). */
  files: string[]
  config: Config
  cwd: string
  /** How files are read; default `readEach`. */
  reader?: ArticleReader | undefined
  onProgress?: ((stage: 'read', done: number, total: number) => void) | undefined
}

/**
 * Reads and validates every article of the content folder, with all problems found on the way, and
 * hands each valid article to `accept` in file order (which article claimed a slug first depends on
 * it) as soon as the files before it are done: nothing here holds on to the articles.
 */
export async function loadArticles(
  input: LoadInput,
  accept: (article: Article) => void,
): Promise<LoadedContent> {
  const { files, config, onProgress } = input
  const content: LoadedContent = { count: files.length, errors: [], warnings: [] }
  const duplicates = new DuplicateCheck()
  const inOrder = new _InFileOrder(files.length, (result, index) => {
    if (index % 1000 === 0) onProgress?.('read', index, files.length)
    // One by one: spreading 200,000 warnings of one file into push() overflows the stack.
    for (const error of result.errors) content.errors.push(error)
    for (const warning of result.warnings) content.warnings.push(warning)
    if (!result.article) return
    const duplicate = duplicates.add(result.article)
    if (duplicate) content.errors.push(duplicate)
    accept(result.article)
  })
  // The YAML parser is loaded only when no other reader is given: a faster one may not need it.
  const reader = input.reader ?? (await import('./read-article.js')).readEach
  await reader(contentFiles(input.contentDir, input.cwd, files), config, (index, result) =>
    inOrder.set(index, result),
  )
  return content
}

/**
 * The files below `contentDir` as `ArticleFile`s, each made when it is needed: a first build of
 * 100,000 files then does not hold 100,000 of them (and their paths) while it reads.
 */
export function contentFiles(contentDir: string, cwd: string, files: string[]): ContentFiles {
  const shownDir = path.relative(cwd, contentDir).split(path.sep).join('/')
  const prefix = `${contentDir}${path.sep}`
  return {
    count: files.length,
    at(index) {
      const relative = files[index] as string
      const file = shownDir === '' ? relative : `${shownDir}/${relative}`
      return { path: `${prefix}${relative}`, file, relative }
    },
  }
}

/** Outcomes handed on in file order as soon as every earlier file's is known, and dropped then. */
class _InFileOrder {
  readonly #items: (ReadArticle | undefined)[]
  readonly #take: (item: ReadArticle, index: number) => void
  #next = 0

  constructor(count: number, take: (item: ReadArticle, index: number) => void) {
    this.#items = new Array(count)
    this.#take = take
  }

  set(index: number, item: ReadArticle): void {
    this.#items[index] = item
    for (let next = this.#items[this.#next]; next !== undefined; next = this.#items[this.#next]) {
      this.#items[this.#next] = undefined
      this.#take(next, this.#next++)
    }
  }
}
